// A claim copied as a citation carries rich text for word processors: the same runs-to-HTML writer
// as the HTML export, with small caps as an inline style (a pasted fragment has no stylesheet),
// and every quote, name and title escaped, since any of them may hold markup.
import { describe, expect, it } from 'vitest';
import { runsHtml } from '../../../src/main/export/render/html';
import { testLibrary } from '../support/library';

// An in-text citation with the author in small caps and the title in italics.
const STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>Gloss test style (small-caps author, italic title)</title>
    <id>http://gloss.invalid/styles/gloss-test-small-caps</id>
    <updated>2026-11-29T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <names variable="author" font-variant="small-caps" suffix=", "><name form="short"/></names>
      <text variable="title" font-style="italic"/>
    </layout>
  </citation>
  <bibliography>
    <layout><text variable="title"/></layout>
  </bibliography>
</style>`;

describe('a copied citation as HTML', () => {
  it('escapes markup in the quote and the reference, and keeps italics and small caps', async () => {
    const lib = await testLibrary();
    const text = 'Tricky text\n\nThe agency said <script>alert("x")</script> & more.';
    const doc = await lib.call('documents.create', { text, title: 'Tricky' });
    await lib.call('documents.update', {
      id: doc.id,
      version: doc.version,
      csl: { type: 'report', title: 'Profits & <script>poverty</script>', author: [{ literal: 'Smith <img src=x onerror=alert(1)>' }] },
    });
    const quote = '<script>alert("x")</script> & more';
    const start = text.indexOf(quote);
    const annotation = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', start, end: start + quote.length });
    const style = await lib.call('export.addStyle', { name: 'small-caps.csl', content: STYLE });

    const copied = await lib.call('export.citation', { annotationId: annotation.id, style: style.id });
    expect(copied.text).toBe('“<script>alert("x")</script> & more” (Smith <img src=x onerror=alert(1)>, Profits & <script>poverty</script>)');
    expect(copied.html).toBe(
      '<p>“&lt;script&gt;alert("x")&lt;/script&gt; &amp; more” (' +
        '<span style="font-variant:small-caps">Smith &lt;img src=x onerror=alert(1)&gt;</span>, ' +
        '<em>Profits &amp; &lt;script&gt;poverty&lt;/script&gt;</em>)</p>',
    );
  });

  it('writes small caps with a class for the HTML export and a style attribute for the clipboard, and drops unsafe links', () => {
    const runs = [
      { text: 'Smith', smallCaps: true },
      { text: ' & ' },
      { text: 'Title', italic: true, href: 'javascript:alert(1)' },
      { text: 'doi', href: 'https://doi.org/10.1/x?a=1&b="2"' },
    ];
    expect(runsHtml(runs)).toBe('<span class="sc">Smith</span> &amp; <em>Title</em><a href="https://doi.org/10.1/x?a=1&amp;b=&quot;2&quot;">doi</a>');
    expect(runsHtml(runs, { inlineStyles: true })).toBe(
      '<span style="font-variant:small-caps">Smith</span> &amp; <em>Title</em><a href="https://doi.org/10.1/x?a=1&amp;b=&quot;2&quot;">doi</a>',
    );
  });
});
