// Golden tests of the bundled citation styles. Every expected string (in
// fixtures/export/expected-references.ts, shared with the bibliography's golden tests, and below)
// was written by hand from the style's manual, never taken from Gloss's output; the comment beside
// each names the rule it follows. Where the shipped CSL style (or citeproc-js) does not do what the
// manual says, the case carries a `deviation` saying why they differ, and runs as `it.fails`: it
// keeps asserting the manual, and turns red the day the style starts to follow it.
import { describe, expect, it } from 'vitest';
import { createCitationProcessor } from '../../../src/main/export/citations/processor';
import { runsText } from '../../../src/main/export/citations/runs';
import { BUNDLED_STYLE_IDS, listStyles } from '../../../src/main/export/citations/styles';
import type { CitationProcessor, Run } from '../../../src/main/export/types';
import { APA, CHICAGO, DOI_URL, EXPECTATIONS, HARVARD, MLA, VANCOUVER } from '../../fixtures/export/expected-references';
import { LIBRARY } from '../../fixtures/export/library';

const italics = (runs: Run[]): string[] => runs.filter((run) => run.italic).map((run) => run.text);

// citeproc-js takes a while to build an engine from a style, so the tests share one per style,
// made with the whole library as an export would.
const processors = new Map<string, CitationProcessor>();
function processorFor(styleId: string): CitationProcessor {
  let processor = processors.get(styleId);
  if (!processor) processors.set(styleId, (processor = createCitationProcessor({ style: styleId, items: LIBRARY })));
  return processor;
}

describe('bundled citation styles', () => {
  it('offers the five bundled styles under their titles and locales', () => {
    const styles = listStyles().styles;
    expect(styles.map((style) => style.id)).toEqual(BUNDLED_STYLE_IDS);
    expect(styles.map((style) => [style.id, style.title, style.defaultLocale])).toEqual([
      ['apa', APA.title, 'en-US'],
      ['chicago-author-date', CHICAGO.title, 'en-US'],
      ['modern-language-association', MLA.title, 'en-US'],
      ['harvard-cite-them-right', HARVARD.title, 'en-GB'],
      ['vancouver', VANCOUVER.title, 'en-US'],
    ]);
  });

  for (const [styleId, expected] of Object.entries(EXPECTATIONS)) {
    describe(styleId, () => {
      const get = (): CitationProcessor => processorFor(styleId);

      it('names itself and sorts the bibliography as the manual does', () => {
        expect(get().styleTitle).toBe(expected.title);
        expect(get().order()).toEqual(expected.order);
      });

      for (const item of LIBRARY) {
        const reference = expected.references[item.id]!;
        const citation = expected.citations[item.id]!;
        (reference.deviation ? it.fails : it)(`formats the reference of ${item.id}`, () => {
          const runs = get().reference(item.id);
          expect(runsText(runs)).toBe(reference.text);
          if (reference.italic) expect(italics(runs)).toEqual(expect.arrayContaining(reference.italic));
          // Citing Medicine sets nothing in italics; `italic: []` marks a reference with no italic title.
          if (reference.italic?.length === 0 || styleId === 'vancouver') expect(italics(runs)).toEqual([]);
        });
        if (reference.deviation) {
          // The case above only shows that the text differs; this shows the reference is still made.
          it(`still formats a reference of ${item.id} that names its title`, () => {
            expect(runsText(get().reference(item.id)).toLowerCase()).toContain(String(item.title).toLowerCase());
          });
        }
        (citation.deviation ? it.fails : it)(`cites ${item.id} at page 3`, () => {
          const runs = get().citation(item.id, { label: 'page', value: '3' });
          expect(runsText(runs)).toBe(citation.text);
          if (citation.italic) expect(italics(runs)).toEqual(citation.italic);
        });
        if (citation.deviation) {
          it(`still cites ${item.id} with its page`, () => {
            expect(runsText(get().citation(item.id, { label: 'page', value: '3' }))).toMatch(/^\(.+ 3\)$/);
          });
        }
      }
    });
  }

  it('links URLs and DOIs in references, leaving sentence punctuation outside the link', () => {
    const processor = processorFor('chicago-author-date');
    const links = processor
      .reference('journal')
      .filter((run) => run.href)
      .map((run) => [run.text, run.href]);
    // CMOS 17 §14.175: the DOI as a URL, followed by the entry's closing period.
    expect(links).toEqual([[DOI_URL, DOI_URL]]);
    expect(runsText(processor.reference('journal')).endsWith(`${DOI_URL}.`)).toBe(true);
  });

  it('cites paragraphs with the label each manual uses', () => {
    const paragraph = { label: 'paragraph', value: '4' } as const;
    // APA 7 §8.13: "para." for a paragraph number.
    expect(runsText(processorFor('apa').citation('news', paragraph))).toBe('(Hodal, 2016, para. 4)');
    // CMOS 17 §15.22 with a paragraph in place of a page: "para." and the number.
    expect(runsText(processorFor('chicago-author-date').citation('news', paragraph))).toBe('(Hodal 2016, para. 4)');
    // Cite Them Right: "para." for works without page numbers.
    expect(runsText(processorFor('harvard-cite-them-right').citation('news', paragraph))).toBe('(Hodal, 2016, para. 4)');
  });

  // MLA 9, in-text citations: "par." (plural "pars.") after a comma for paragraph numbers. The shipped style prints citeproc's en-US
  // term "para." and runs it into the number ("para.4").
  it.fails('cites an MLA paragraph as the handbook does', () => {
    expect(runsText(processorFor('modern-language-association').citation('news', { label: 'paragraph', value: '4' }))).toBe('(Hodal, par. 4)');
  });

  it('cites without a locator', () => {
    // APA 7 §8.11: author and year alone.
    expect(runsText(processorFor('apa').citation('ilo-2014'))).toBe('(International Labour Organization, 2014)');
  });
});

describe('disambiguation over the whole item set', () => {
  it('gives 2014a/2014b even when a group holds only one of the two works', () => {
    const processor = processorFor('apa');
    // APA 7 §8.19: the letter belongs to the work wherever it is cited.
    expect(runsText(processor.citation('okafor-mines', { label: 'page', value: '3' }))).toBe('(Okafor, 2014b, p. 3)');
    expect(runsText(processor.reference('okafor-mines'))).toBe('Okafor, C. (2014b). Forced labour in West African mines. Zed Books.');
  });

  it('gives no letter when the set holds one work of that author and year', () => {
    const alone = LIBRARY.filter((item) => item.id !== 'okafor-debt');
    const processor = createCitationProcessor({ style: 'apa', items: alone });
    expect(runsText(processor.citation('okafor-mines', { label: 'page', value: '3' }))).toBe('(Okafor, 2014, p. 3)');
  });

  it('adds initials to tell apart authors who share a surname', () => {
    const items = [
      { id: 'j', type: 'book', title: 'Supply chains', author: [{ family: 'Smith', given: 'John' }], publisher: 'Polity', issued: { 'date-parts': [[2020]] } },
      { id: 'a', type: 'book', title: 'Debt and work', author: [{ family: 'Smith', given: 'Anna' }], publisher: 'Polity', issued: { 'date-parts': [[2020]] } },
    ];
    const processor = createCitationProcessor({ style: 'apa', items });
    // APA 7 §8.20: first authors with the same surname → their initials in every citation.
    expect(runsText(processor.citation('j'))).toBe('(J. Smith, 2020)');
    expect(runsText(processor.citation('a'))).toBe('(A. Smith, 2020)');
  });

  it('never inverts or initialises a corporate author', () => {
    for (const styleId of BUNDLED_STYLE_IDS) {
      const text = runsText(processorFor(styleId).reference('ilo-2014'));
      expect(text).toContain('International Labour Organization');
      expect(text).not.toMatch(/Organization, I|I\. ?L\. ?O\./);
    }
  });
});

describe('processors that share an engine', () => {
  it('keep their own items when used in turn', () => {
    const whole = processorFor('apa');
    const alone = createCitationProcessor({ style: 'apa', items: LIBRARY.filter((item) => item.id === 'okafor-mines') });
    const page = { label: 'page', value: '3' } as const;
    expect(runsText(whole.citation('okafor-mines', page))).toBe('(Okafor, 2014b, p. 3)');
    expect(runsText(alone.citation('okafor-mines', page))).toBe('(Okafor, 2014, p. 3)');
    expect(runsText(whole.citation('okafor-mines', page))).toBe('(Okafor, 2014b, p. 3)');
    expect(() => alone.citation('okafor-debt')).toThrow(/not part of this export/);
  });

  it('read an item afresh when its fields changed under the same id', () => {
    const news = LIBRARY.find((item) => item.id === 'news')!;
    const renamed = createCitationProcessor({ style: 'apa', items: [{ ...news, author: [{ family: 'Kelly', given: 'Annie' }] }] });
    expect(runsText(renamed.citation('news'))).toBe('(Kelly, 2016)');
    expect(runsText(processorFor('apa').citation('news'))).toBe('(Hodal, 2016)');
    expect(runsText(renamed.citation('news'))).toBe('(Kelly, 2016)');
  });

  it('number a citation-sequence style from 1 for each set', () => {
    processorFor('vancouver').citation('ivanova');
    const two = createCitationProcessor({ style: 'vancouver', items: LIBRARY.filter((item) => item.id === 'web' || item.id === 'wang') });
    // Citing Medicine: numbered in the order of first citation, from 1.
    expect(two.order()).toEqual(['web', 'wang']);
    expect(runsText(two.citation('wang'))).toBe('(2)');
    expect(runsText(two.reference('web')).startsWith('1. Walk Free.')).toBe(true);
  });
});

describe('processor errors', () => {
  it('refuses an unknown style id with the ids it knows', () => {
    expect(() => createCitationProcessor({ style: 'apa-6th', items: LIBRARY })).toThrow(/no citation style “apa-6th”.*apa, chicago-author-date/);
  });

  it('refuses an item that is not part of the set', () => {
    const processor = processorFor('apa');
    expect(() => processor.reference('missing')).toThrow(/“missing” is not part of this export/);
    expect(() => processor.citation('missing')).toThrow(/“missing” is not part of this export/);
  });

  it('hands out copies of its runs', () => {
    const processor = processorFor('apa');
    processor.reference('news')[0]!.text = 'changed';
    expect(runsText(processor.reference('news')).startsWith('Hodal')).toBe(true);
  });
});
