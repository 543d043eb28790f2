import { describe, expect, it } from 'vitest';
import { buildBibliography } from '../../../src/main/export/bibliography';
import { annotationLink, safeHref } from '../../../src/main/export/links';
import { formatLocator, locateQuote } from '../../../src/main/export/locator';
import { inlineRuns, markdownBlocks } from '../../../src/main/export/markdown-runs';
import type { BibliographyOptions, ExportEntry, RichBlock } from '../../../src/main/export/types';
import { assemble } from '../../../src/shared/canonical';
import { parseFigures } from '../../../src/shared/figures';
import { blockTexts, makeAnnotation, makeDocument, makeSet, makeSource, options, testProcessor } from './helpers';

// Four documents whose authors sort differently by code point and by collation (Á), one of them
// paged like a PDF, one with no annotations.
const ilo = makeDocument(
  'ilo',
  { title: 'Profits and poverty', author: [{ literal: 'International Labour Organization' }], issued: { 'date-parts': [[2014, 5]] }, publisher: 'ILO' },
  [
    { type: 'heading', text: 'Executive summary', page: 'iii' },
    { type: 'paragraph', text: 'Forced labour generates approximately US$150 billion per year in illegal profits.', page: 'iii' },
    { type: 'paragraph', text: 'Some 21 million people are victims of forced labour.', page: '4' },
  ],
  '**Headline** estimate of *forced labour* profits; see [the report](https://www.ilo.org/profits).',
);
const avila = makeDocument('avila', { title: 'Recruitment fees', author: [{ family: 'Ávila', given: 'Rosa' }], issued: { 'date-parts': [[2019]] } }, [
  'Recruitment fees are widespread.',
  'Workers pay up to 12 months of wages in fees.',
  'Fees are rarely reimbursed.',
]);
const brown = makeDocument(
  'brown',
  { title: 'A history of bonded labour', author: [{ family: 'Brown', given: 'Tom' }], issued: { 'date-parts': [[2010, 1, 2]] } },
  ['Debt bondage has a long history.'],
);
const zimmer = makeDocument('zimmer', { title: 'Counting victims', author: [{ family: 'Zimmer', given: 'Ann' }], issued: { 'date-parts': [[2021]] } }, [
  'Estimates differ by an order of magnitude.',
]);

const iloSource = makeSource('s-ilo', 'International Labour Organization', 'ILO');
const unodc = makeSource('s-unodc', 'United Nations Office on Drugs and Crime', 'UNODC');
const ILO_LINK = { id: 's-ilo', name: 'International Labour Organization' };
const UNODC_LINK = { id: 's-unodc', name: 'United Nations Office on Drugs and Crime' };

function entries(): ExportEntry[] {
  const iloAnnotations = [
    // Deliberately out of reading order: the builder must put them back.
    makeAnnotation(ilo, { id: 'i-victims', exact: 'Some 21 million people are victims', tags: ['labour/forced'], sources: [ILO_LINK] }),
    makeAnnotation(ilo, { id: 'i-orphan', exact: 'a sentence that was edited away', orphaned: true, tags: ['labour'] }),
    makeAnnotation(ilo, {
      id: 'i-profits',
      exact: 'approximately US$150 billion per year',
      tags: ['revenue', 'labour/forced'],
      sources: [ILO_LINK],
      figures: parseFigures('approximately US$150 billion per year').map((f, i) => ({ ...f, id: `f${i}` })),
      status: 'checked',
      note: 'The *headline* figure.\n\n- first point\n- second point',
    }),
    makeAnnotation(ilo, { id: 'i-question', kindId: 'question', exact: 'illegal profits' }),
  ];
  const avilaAnnotations = [
    makeAnnotation(avila, {
      id: 'a-fees',
      exact: 'up to 12 months of wages',
      sources: [{ ...ILO_LINK, role: 'cites', locator: 'p. 7' }, UNODC_LINK],
      tags: ['labour-market'],
    }),
    makeAnnotation(avila, { id: 'a-figure', kindId: 'figure', exact: 'Fees are rarely reimbursed', status: 'disputed' }),
  ];
  const zimmerAnnotations = [makeAnnotation(zimmer, { id: 'z-order', exact: 'order of magnitude', sources: [UNODC_LINK] })];
  return [
    { document: zimmer, annotations: zimmerAnnotations },
    { document: ilo, annotations: iloAnnotations },
    { document: brown, annotations: [] },
    { document: avila, annotations: avilaAnnotations },
  ];
}

function build(overrides: Partial<BibliographyOptions> = {}) {
  const set = makeSet(entries(), [iloSource, unodc]);
  return buildBibliography(set, testProcessor(set), options(overrides));
}

const references = (blocks: RichBlock[]) => blockTexts(blocks.filter((b) => b.type === 'paragraph' && b.role === 'reference'));
const outline = (blocks: RichBlock[]) =>
  blocks.map((b) => `${b.type === 'heading' ? `h${b.level}` : b.type === 'list' ? 'list' : b.role}: ${blockTexts([b])[0]}`);

describe('buildBibliography, grouped by document', () => {
  it('writes each entry as reference, summary, then claims by kind in reading order with locators, links and details', () => {
    const doc = build();
    expect(doc.title).toBe('Annotated bibliography');
    const iloStart = doc.blocks.findIndex((b) => b.type === 'paragraph' && b.role === 'reference' && blockTexts([b])[0]!.startsWith('International'));
    const iloBlocks = doc.blocks.slice(
      iloStart,
      doc.blocks.findIndex((b, i) => i > iloStart && b.type === 'paragraph' && b.role === 'reference'),
    );
    expect(outline(iloBlocks)).toEqual([
      'reference: International Labour Organization (2014). Profits and poverty. ILO.',
      'summary: Headline estimate of forced labour profits; see the report.',
      'h3: Claim',
      'quote: “approximately US$150 billion per year” (p. iii) open in Gloss',
      'detail: Sources: International Labour Organization',
      'detail: Figures: ≈ US$150 billion per year',
      'detail: Tags: revenue, labour/forced',
      'detail: Status: checked',
      'note: The headline figure.',
      'list: first point | second point',
      'quote: “Some 21 million people are victims” (p. 4) open in Gloss',
      'detail: Sources: International Labour Organization',
      'detail: Tags: labour/forced',
      'quote: “a sentence that was edited away” (not found in the current text) open in Gloss',
      'detail: Tags: labour',
      'h3: Question',
      'quote: “illegal profits” (p. iii) open in Gloss',
    ]);
    const quote = iloBlocks[3] as Extract<RichBlock, { type: 'paragraph' }>;
    expect(quote.indent).toBe(1);
    expect(quote.runs.at(-1)).toEqual({ text: 'open in Gloss', href: 'gloss://documents/ilo/a/i-profits' });
    const summary = iloBlocks[1] as Extract<RichBlock, { type: 'paragraph' }>;
    expect(summary.runs).toEqual([
      { text: 'Headline', bold: true },
      { text: ' estimate of ' },
      { text: 'forced labour', italic: true },
      { text: ' profits; see ' },
      { text: 'the report', href: 'https://www.ilo.org/profits' },
      { text: '.' },
    ]);
  });

  it('numbers paragraphs when the document has no page labels, and shows source roles, locators and disputed status', () => {
    const texts = outline(build().blocks);
    const start = texts.indexOf('reference: Ávila, R. (2019). Recruitment fees.');
    expect(texts.slice(start, start + 8)).toEqual([
      'reference: Ávila, R. (2019). Recruitment fees.',
      'h3: Claim',
      'quote: “up to 12 months of wages” (para. 2) open in Gloss',
      'detail: Sources: International Labour Organization (cited, p. 7); United Nations Office on Drugs and Crime',
      'detail: Tags: labour-market',
      'h3: Figure',
      'quote: “Fees are rarely reimbursed” (para. 3) open in Gloss',
      'detail: Status: disputed',
    ]);
  });

  it('keeps a document without annotations as its reference alone', () => {
    const texts = outline(build().blocks);
    const start = texts.indexOf('reference: Brown, T. (2010). A history of bonded labour.');
    expect(texts[start + 1]).toMatch(/^reference: International/);
  });

  it('shows kinds in their configured order, not the order annotations came in', () => {
    const set = makeSet(
      entries(),
      [iloSource, unodc],
      [
        { id: 'question', name: 'Question', color: '', shortcut: null, position: 0, version: 1 },
        { id: 'claim', name: 'Claim', color: '', shortcut: null, position: 5, version: 1 },
        { id: 'figure', name: 'Figure', color: '', shortcut: null, position: 3, version: 1 },
      ],
    );
    const doc = buildBibliography(set, testProcessor(set), options());
    expect(blockTexts(doc.blocks.filter((b) => b.type === 'heading' && b.level === 3))).toEqual(['Figure', 'Claim', 'Question', 'Claim', 'Claim']);
  });

  it('leaves out kinds not asked for', () => {
    const doc = build({ kinds: ['question', 'figure'] });
    const texts = outline(doc.blocks);
    expect(texts.filter((t) => t.startsWith('h2') || t.startsWith('h3'))).toEqual(['h3: Figure', 'h3: Question']);
    expect(texts.some((t) => t.includes('US$150'))).toBe(false);
  });
});

describe('sorting', () => {
  it('sorts by first author (family or literal) with the locale’s collation, not by code point', () => {
    expect(references(build({ sort: 'author' }).blocks).map((r) => r.split(' ')[0])).toEqual(['Ávila,', 'Brown,', 'International', 'Zimmer,']);
  });

  it('sorts by date issued, then by title', () => {
    expect(references(build({ sort: 'date' }).blocks).map((r) => /\((\d{4})\)/.exec(r)![1])).toEqual(['2010', '2014', '2019', '2021']);
  });

  it('sorts by title', () => {
    expect(references(build({ sort: 'title' }).blocks).map((r) => r.split('). ')[1])).toEqual([
      'A history of bonded labour.',
      'Counting victims.',
      'Profits and poverty. ILO.',
      'Recruitment fees.',
    ]);
  });

  it('is stable: equal keys keep the order they came in, and entries without the key go last', () => {
    const one = makeDocument('one', { title: 'Same' }, ['x']);
    const two = makeDocument('two', { title: 'Same' }, ['y']);
    const dated = makeDocument('dated', { title: 'Zeta', issued: { 'date-parts': [[1999]] } }, ['z']);
    const set = makeSet([two, dated, one].map((document) => ({ document, annotations: [] })));
    const processor = { ...testProcessor(set), reference: (id: string) => [{ text: id }] };
    expect(references(buildBibliography(set, processor, options({ sort: 'date' })).blocks)).toEqual(['dated', 'two', 'one']);
    expect(references(buildBibliography(set, processor, options({ sort: 'title' })).blocks)).toEqual(['two', 'one', 'dated']);
    expect(references(buildBibliography(set, processor, options({ sort: 'author' })).blocks)).toEqual(['dated', 'two', 'one']);
  });
});

describe('grouping', () => {
  it('by source: a heading per source, its claims across documents, each document’s reference once, the rest last', () => {
    const texts = outline(
      build({ grouping: 'source', include: { ...options().include, summary: false, sources: false, tags: false, notes: false, figures: false, links: false } })
        .blocks,
    );
    expect(texts).toEqual([
      'h1: Annotated bibliography',
      'h2: International Labour Organization (ILO)',
      'reference: Ávila, R. (2019). Recruitment fees.',
      'h3: Claim',
      'quote: “up to 12 months of wages” (para. 2)',
      'reference: International Labour Organization (2014). Profits and poverty. ILO.',
      'h3: Claim',
      'quote: “approximately US$150 billion per year” (p. iii)',
      'detail: Status: checked',
      'quote: “Some 21 million people are victims” (p. 4)',
      'h2: United Nations Office on Drugs and Crime (UNODC)',
      'reference: Ávila, R. (2019). Recruitment fees.',
      'h3: Claim',
      'quote: “up to 12 months of wages” (para. 2)',
      'reference: Zimmer, A. (2021). Counting victims.',
      'h3: Claim',
      'quote: “order of magnitude” (para. 1)',
      'h2: Without a source',
      'reference: Ávila, R. (2019). Recruitment fees.',
      'h3: Figure',
      'quote: “Fees are rarely reimbursed” (para. 3)',
      'detail: Status: disputed',
      'reference: Brown, T. (2010). A history of bonded labour.',
      'reference: International Labour Organization (2014). Profits and poverty. ILO.',
      'h3: Claim',
      'quote: “a sentence that was edited away” (not found in the current text)',
      'h3: Question',
      'quote: “illegal profits” (p. iii)',
    ]);
  });

  it('by tag: hierarchical names kept whole, a parent before its children, untagged last', () => {
    const doc = build({ grouping: 'tag', include: { ...options().include, annotations: false } });
    expect(outline(doc.blocks).filter((t) => t.startsWith('h2') || t.startsWith('reference'))).toEqual([
      'h2: labour',
      'reference: International Labour Organization (2014). Profits and poverty. ILO.',
      'h2: labour/forced',
      'reference: International Labour Organization (2014). Profits and poverty. ILO.',
      'h2: labour-market',
      'reference: Ávila, R. (2019). Recruitment fees.',
      'h2: revenue',
      'reference: International Labour Organization (2014). Profits and poverty. ILO.',
      'h2: Untagged',
      'reference: Ávila, R. (2019). Recruitment fees.',
      'reference: Brown, T. (2010). A history of bonded labour.',
      'reference: International Labour Organization (2014). Profits and poverty. ILO.',
      'reference: Zimmer, A. (2021). Counting victims.',
    ]);
  });

  it('by tag: a claim with two tags appears under both, in reading order within each', () => {
    const texts = outline(build({ grouping: 'tag' }).blocks);
    const forced = texts.slice(texts.indexOf('h2: labour/forced'), texts.indexOf('h2: labour-market')).filter((t) => t.startsWith('quote'));
    expect(forced.map((t) => t.split('”')[0])).toEqual(['quote: “approximately US$150 billion per year', 'quote: “Some 21 million people are victims']);
    expect(texts.slice(texts.indexOf('h2: revenue')).some((t) => t.includes('US$150'))).toBe(true);
  });
});

describe('include toggles', () => {
  const all = options().include;
  const has = (overrides: Partial<typeof all>, needle: string) => outline(build({ include: { ...all, ...overrides } }).blocks).some((t) => t.includes(needle));

  it.each([
    ['summary', 'summary: Headline'],
    ['sources', 'Sources:'],
    ['figures', 'Figures:'],
    ['tags', 'Tags:'],
    ['notes', 'note: The headline figure.'],
    ['links', 'open in Gloss'],
    ['annotations', 'quote:'],
  ] as const)('%s: shown when on, left out when off', (key, needle) => {
    expect(has({}, needle)).toBe(true);
    expect(has({ [key]: false }, needle)).toBe(false);
  });

  it('no deep links at all without links, and none in a reference either way', () => {
    const doc = build({ include: { ...all, links: false } });
    const hrefs = doc.blocks.flatMap((b) => (b.type === 'list' ? b.items.flat() : b.runs)).flatMap((r) => (r.href ? [r.href] : []));
    expect(hrefs).toEqual(['https://www.ilo.org/profits']);
  });
});

describe('links', () => {
  it('keeps http(s), mailto and gloss:// targets and turns anything else into plain text', () => {
    expect(safeHref('https://example.org/a b')).toBeUndefined();
    expect(['https://example.org', 'HTTP://example.org', 'mailto:a@example.org', 'gloss://documents/x/a/y'].map(safeHref)).toEqual([
      'https://example.org',
      'HTTP://example.org',
      'mailto:a@example.org',
      'gloss://documents/x/a/y',
    ]);
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>',
      'file:///etc/passwd',
      'vbscript:x',
      '//evil.example',
      'gloss:x',
    ])
      expect(safeHref(bad)).toBeUndefined();
  });

  it('filters the links of notes and of the processor’s references alike', () => {
    const doc = makeDocument(
      'd',
      { title: 'T' },
      ['Quoted text here.'],
      '[ok](https://example.org) [bad](javascript:alert(1)) [mail](mailto:x@example.org) [data](data:text/html,hi)',
    );
    const set = makeSet([
      { document: doc, annotations: [makeAnnotation(doc, { id: 'a', exact: 'Quoted', note: '[evil](javascript:alert(document.cookie))' })] },
    ]);
    const processor = {
      ...testProcessor(set),
      reference: () => [{ text: 'Ref ' }, { text: 'here', href: 'javascript:alert(2)' }, { text: ' doi', href: 'https://doi.org/10.1/x' }],
    };
    const out = buildBibliography(set, processor, options());
    const runs = out.blocks.flatMap((b) => (b.type === 'list' ? b.items.flat() : b.runs));
    expect(runs.filter((r) => r.href).map((r) => `${r.text} -> ${r.href}`)).toEqual([
      ' doi -> https://doi.org/10.1/x',
      'ok -> https://example.org',
      'mail -> mailto:x@example.org',
      'open in Gloss -> gloss://documents/d/a/a',
    ]);
    expect(blockTexts(out.blocks)).toContain('Ref here doi');
    expect(blockTexts(out.blocks)).toContain('evil');
  });

  it('encodes ids in deep links the way the app’s routes decode them', () => {
    expect(annotationLink('doc/1', 'a b')).toBe('gloss://documents/doc%2F1/a/a%20b');
  });
});

describe('locateQuote', () => {
  const paged = assemble([
    { type: 'heading', text: 'Title', page: 'i' },
    { type: 'paragraph', text: 'First.', page: 'i' },
    { type: 'paragraph', text: 'Second.', page: '2' },
    { type: 'paragraph', text: 'Unlabelled.' },
  ]);

  it('gives the page label of the block where the quote starts', () => {
    expect(locateQuote(paged.blocks, paged.text.indexOf('First'))).toEqual({ label: 'page', value: 'i' });
    expect(locateQuote(paged.blocks, paged.text.indexOf('cond'))).toEqual({ label: 'page', value: '2' });
  });

  it('falls back to the 1-based block number, headings counted', () => {
    expect(locateQuote(paged.blocks, paged.text.indexOf('Unlabelled'))).toEqual({ label: 'paragraph', value: '4' });
    const plain = assemble(['One.', 'Two.', 'Three.'].map((text) => ({ type: 'paragraph' as const, text })));
    expect(locateQuote(plain.blocks, 0)).toEqual({ label: 'paragraph', value: '1' });
    expect(locateQuote(plain.blocks, plain.text.indexOf('Three.') + 5)).toEqual({ label: 'paragraph', value: '3' });
  });

  it('places a start in the blank line between blocks in the next block, and none past the end', () => {
    const plain = assemble(['One.', 'Two.'].map((text) => ({ type: 'paragraph' as const, text })));
    expect(locateQuote(plain.blocks, 4)).toEqual({ label: 'paragraph', value: '2' });
    expect(locateQuote(plain.blocks, plain.text.length)).toBeNull();
    expect(locateQuote([], 0)).toBeNull();
  });

  it('writes locators as readers do', () => {
    expect(formatLocator({ label: 'page', value: '12' })).toBe('p. 12');
    expect(formatLocator({ label: 'paragraph', value: '3' })).toBe('para. 3');
  });
});

describe('note Markdown', () => {
  it('reads what the note editor writes: bold, italic, both, links', () => {
    expect(inlineRuns('***both*** and **bold** and *it* and _it_ and __b__ [a **b**](https://x.org)')).toEqual([
      { text: 'both', bold: true, italic: true },
      { text: ' and ' },
      { text: 'bold', bold: true },
      { text: ' and ' },
      { text: 'it', italic: true },
      { text: ' and ' },
      { text: 'it', italic: true },
      { text: ' and ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'a ', href: 'https://x.org' },
      { text: 'b', bold: true, href: 'https://x.org' },
    ]);
  });

  it('leaves what is not markup as text: lone stars, snake_case, escapes, raw HTML', () => {
    expect(inlineRuns('2 * 3 * 4, forced_labour_rate, \\*not\\*, <b>x</b>')).toEqual([{ text: '2 * 3 * 4, forced_labour_rate, *not*, <b>x</b>' }]);
  });

  it('reads paragraphs and nested lists, in any indentation', () => {
    const blocks = markdownBlocks('First line\ncontinues.\n\n- a\n- b\n    1. b1\n    2. b2\n- c\n\nLast.', 'note', 2);
    expect(
      blocks.map((b) => (b.type === 'list' ? `${b.ordered ? 'ol' : 'ul'}@${b.indent}` : b.type === 'paragraph' ? `${b.role}@${b.indent}` : b.type)),
    ).toEqual(['note@2', 'ul@2', 'ol@3', 'ul@2', 'note@2']);
    expect(blockTexts(blocks)).toEqual(['First line continues.', 'a | b', 'b1 | b2', 'c', 'Last.']);
  });
});
