// The converter from citeproc-js's HTML to runs, on fragments of the shapes citeproc writes.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToRuns, runsText } from '../../../src/main/export/citations/runs';

describe('htmlToRuns', () => {
  it('keeps text exact and unescaped', () => {
    expect(htmlToRuns('Cockbain, E., Bowers, K., &#38; Dimitrova, G. &lt;eds&gt; &quot;x&quot; &#x2013; &amp;')).toEqual([
      { text: 'Cockbain, E., Bowers, K., & Dimitrova, G. <eds> "x" – &' },
    ]);
  });

  it('maps citeproc formatting to run flags and merges neighbours that look alike', () => {
    const runs = htmlToRuns(
      'A <i>Journal</i>, <b>bold</b> <span style="font-variant:small-caps;">Caps</span> x<sup>2</sup> H<sub>2</sub>O <i>one</i><i> two</i>',
    );
    expect(runs).toEqual([
      { text: 'A ' },
      { text: 'Journal', italic: true },
      { text: ', ' },
      { text: 'bold', bold: true },
      { text: ' ' },
      { text: 'Caps', smallCaps: true },
      { text: ' x' },
      { text: '2', superscript: true },
      { text: ' H' },
      { text: '2', subscript: true },
      { text: 'O ' },
      { text: 'one two', italic: true },
    ]);
  });

  it('turns italics off inside italics where citeproc flips them with font-style:normal', () => {
    expect(htmlToRuns('<i>Reading <span style="font-style:normal;">Moby-Dick</span> today</i>')).toEqual([
      { text: 'Reading ', italic: true },
      { text: 'Moby-Dick' },
      { text: ' today', italic: true },
    ]);
  });

  it('makes bare URLs links and leaves the closing period out of them', () => {
    expect(htmlToRuns('Accessed March 12, 2024. https://www.walkfree.org/global-slavery-index/.')).toEqual([
      { text: 'Accessed March 12, 2024. ' },
      { text: 'https://www.walkfree.org/global-slavery-index/', href: 'https://www.walkfree.org/global-slavery-index/' },
      { text: '.' },
    ]);
    expect(htmlToRuns('(https://example.org/a_(b)), then https://example.org/c).')).toEqual([
      { text: '(' },
      { text: 'https://example.org/a_(b)', href: 'https://example.org/a_(b)' },
      { text: '), then ' },
      { text: 'https://example.org/c', href: 'https://example.org/c' },
      { text: ').' },
    ]);
    expect(htmlToRuns('See <a href="https://doi.org/10.1/x&amp;y">https://doi.org/10.1/x&#38;y</a>')).toEqual([
      { text: 'See ' },
      { text: 'https://doi.org/10.1/x&y', href: 'https://doi.org/10.1/x&y' },
    ]);
  });

  it('reads the number and entry of a numbered style as one line', () => {
    const html = '<div class="csl-entry">\n    <div class="csl-left-margin">1.</div><div class="csl-right-inline">Hodal K. Title.</div>\n  </div>';
    expect(runsText(htmlToRuns(html))).toBe('1. Hodal K. Title.');
  });

  it('decodes entities it knows and leaves others as they are', () => {
    expect(decodeEntities('&#128512; &nbsp;&bogus; &#xZZ;')).toBe('😀 \u00a0&bogus; &#xZZ;');
  });
});
