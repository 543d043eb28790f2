// Golden tests of the annotated bibliography: the test library (fixtures/export/golden-library.ts)
// exported in every bundled style and every bibliography format, through the steps an export
// takes (one citation processor for the set, buildBibliography, the renderer), checked against
// what was written by hand: each reference as its style's manual writes it (the strings shared
// with the citation tests), the manual's order, each entry's lines from the documented layout,
// and one Markdown file per style typed out in full. Where the shipped style is known to differ
// from its manual, the case asserting the manual is expected to fail, with the reason beside it,
// so it turns red the day the style is fixed; everything else in the entry is still checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBibliography } from '../../../src/main/export/bibliography';
import { createCitationProcessor } from '../../../src/main/export/citations/processor';
import { renderDocx } from '../../../src/main/export/render/docx';
import { renderHtml } from '../../../src/main/export/render/html';
import { renderMarkdown } from '../../../src/main/export/render/markdown';
import { renderPdf } from '../../../src/main/export/render/pdf';
import { renderText } from '../../../src/main/export/render/text';
import type { BibliographyOptions, ExportSet } from '../../../src/main/export/types';
import { BUNDLED_STYLE_IDS, exportRequestSchema } from '../../../src/shared/export';
import { EXPECTATIONS } from '../../fixtures/export/expected-references';
import { ENTRY_LINES, GOLDEN_IDS, goldenSet, type EntryLine } from '../../fixtures/export/golden-library';

const FORMATS = ['md', 'html', 'txt', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const GOLDEN = join(__dirname, '../../fixtures/export/golden');
const TITLE = 'Annotated bibliography';

// What an export carries when the dialog or the CLI is left at its defaults: grouped by
// document, sorted by author, everything included.
const defaults = exportRequestSchema.parse({ selection: { type: 'library' }, format: 'md' });
const OPTIONS: BibliographyOptions = { grouping: defaults.grouping, sort: defaults.sort, include: defaults.include };

/** Where Gloss's order is known to differ from the manual's, and why. */
const ORDER_DEVIATION: Partial<Record<string, string>> = {
  vancouver:
    'Gloss sorts the entries of every style by the export’s sort key (author), while a citation-sequence style numbers them in the order ' +
    'the selection hands them over; Citing Medicine lists references in number order, so the list reads 3, 1, 2, 4.',
};

// --- Reading each format back as a list of blocks ---------------------------------------------

/** A paragraph, heading or list item as a reader sees it, with the pieces set in italics. */
interface Block {
  text: string;
  italics: string[];
}

const squash = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

function markdownBlocks(markdown: string): Block[] {
  type Node = { type: string; value?: string; children?: Node[] };
  const text = (node: Node): string => node.value ?? (node.children ?? []).map(text).join('');
  const italics = (node: Node): string[] => (node.type === 'emphasis' ? [text(node)] : (node.children ?? []).flatMap(italics));
  const out: Block[] = [];
  const walk = (node: Node) => {
    if (node.type === 'heading' || node.type === 'paragraph') out.push({ text: squash(text(node)), italics: italics(node) });
    else for (const child of node.children ?? []) walk(child);
  };
  walk(fromMarkdown(markdown) as Node);
  return out;
}

function markdownLinks(markdown: string): string[] {
  type Node = { type: string; url?: string; children?: Node[] };
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'link') out.push(node.url!);
    node.children?.forEach(walk);
  };
  walk(fromMarkdown(markdown) as Node);
  return out;
}

function htmlDocument(html: string): Document {
  return new JSDOM(html).window.document;
}

function htmlBlocks(html: string): Block[] {
  return [...htmlDocument(html).body.querySelectorAll('h1, h2, h3, h4, p, li')].map((element) => ({
    text: squash(element.textContent ?? ''),
    italics: [...element.querySelectorAll('em, i')].map((em) => em.textContent ?? ''),
  }));
}

/** Plain text: blocks are separated by blank lines; a heading's underline and a list's lines are read as a person reads them. */
function textBlocks(text: string): Block[] {
  return text
    .trimEnd()
    .split('\n\n')
    .flatMap((chunk) => chunk.split('\n').filter((line) => !/^[=-]+$/.test(line)))
    .map((line) => ({ text: squash(line), italics: [] }));
}

const { DOMParser } = new JSDOM('').window;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Parses XML strictly: a part that is not well-formed fails the test. */
function parseXml(xml: string): Document {
  const parsed = new DOMParser().parseFromString(xml, 'application/xml');
  expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
  return parsed;
}

function docxBlocks(files: Record<string, Uint8Array>): Block[] {
  const body = parseXml(strFromU8(files['word/document.xml']!));
  return [...body.getElementsByTagNameNS(W, 'p')].map((paragraph) => {
    const italics: string[] = [];
    let open = false;
    for (const run of paragraph.getElementsByTagNameNS(W, 'r')) {
      const text = [...run.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join('');
      const italic = [...run.getElementsByTagNameNS(W, 'i')].some((i) => i.getAttributeNS(W, 'val') !== 'false' && i.getAttributeNS(W, 'val') !== '0');
      if (italic && open) italics[italics.length - 1] += text;
      else if (italic) italics.push(text);
      open = italic;
    }
    return { text: squash([...paragraph.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join('')), italics };
  });
}

interface PdfPiece {
  text: string;
  x: number;
  width: number;
}

interface PdfText {
  lines: string[];
  /** Each line's pieces as pdf.js reads them, left to right. */
  pieces: PdfPiece[][];
  links: string[];
  pages: number;
}

async function readPdf(bytes: Buffer): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  const pieces: PdfPiece[][] = [];
  const links: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const rows = new Map<number, PdfPiece[]>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5]);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4], width: item.width, text: item.str }]);
    }
    for (const [, parts] of [...rows].sort((a, b) => b[0] - a[0])) {
      parts.sort((a, b) => a.x - b.x);
      pieces.push(parts);
      lines.push(squash(parts.map((p) => p.text).join('')));
    }
    // pdf.js gives only web addresses as `url`; a gloss:// link comes as `unsafeUrl`.
    for (const annotation of await page.getAnnotations()) if (annotation.subtype === 'Link') links.push(annotation.url ?? annotation.unsafeUrl);
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { lines, pieces, links, pages };
}

const PAGE_NUMBER = /^\d+ \/ \d+$/;
const LIST_MARKER = /^([•◦]) ?/;

/**
 * A reference broken over lines of the PDF, joined again: a line ends at a space, except where a
 * long address or a hyphenated word had to be broken without one, and pdfkit then ends the line
 * on the "/" or "-" itself.
 */
function joinPdfLines(lines: string[]): string {
  return lines.reduce((joined, line) => (joined === '' ? line : /[/-]$/.test(joined) ? joined + line : `${joined} ${line}`), '');
}

// --- One export per style and format ---------------------------------------------------------

interface Outputs {
  markdown: string;
  html: string;
  text: string;
  docx: Record<string, Uint8Array>;
  pdf: PdfText;
  pdfBytes: Buffer;
}

function processorItems(set: ExportSet) {
  // As service.ts hands them over: the document's CSL with its title when the metadata lacks one.
  return set.entries.map(({ document }) => ({ ...document.csl, title: document.csl.title ?? document.title, id: document.id }));
}

async function exportAll(styleId: string): Promise<Outputs> {
  const set = goldenSet();
  // One processor serves every format, as one export does: building citeproc engines is the slow part.
  const processor = createCitationProcessor({ style: styleId, items: processorItems(set) });
  const document = buildBibliography(set, processor, OPTIONS);
  const pdfBytes = await renderPdf(document);
  return {
    markdown: renderMarkdown(document),
    html: renderHtml(document),
    text: renderText(document),
    docx: unzipSync(new Uint8Array(await renderDocx(document))),
    pdf: await readPdf(pdfBytes),
    pdfBytes,
  };
}

function blocksOf(outputs: Outputs, format: Format): Block[] {
  switch (format) {
    case 'md':
      return markdownBlocks(outputs.markdown);
    case 'html':
      return htmlBlocks(outputs.html);
    case 'txt':
      return textBlocks(outputs.text);
    case 'docx':
      return docxBlocks(outputs.docx);
    case 'pdf':
      // A list marker is written with a no-break space after it, which pdf.js does not read back
      // as text; the marker's place is checked on its own below.
      return outputs.pdf.lines.filter((line) => !PAGE_NUMBER.test(line)).map((text) => ({ text: text.replace(LIST_MARKER, '$1 '), italics: [] }));
  }
}

/** An entry line as each format writes it. */
function lineIn(format: Format, line: EntryLine): string {
  if (line.kind === 'quote') return format === 'txt' ? `${line.text} <${line.link}>` : line.text;
  if (line.kind === 'item') return format === 'txt' ? `- ${line.text}` : format === 'pdf' ? `• ${line.text}` : line.text;
  return line.text;
}

interface Entry {
  id: string;
  /** The reference's blocks: one, except in the PDF, where a long reference runs over lines. */
  reference: Block[];
  lines: string[];
}

/**
 * Cuts the blocks into entries. An entry is found by its summary (the first line under its
 * reference, and unique to each document); the reference is what stands between the previous
 * entry's last line and the summary.
 */
function entriesOf(blocks: Block[], format: Format): { title: string; entries: Entry[] } {
  const starts = GOLDEN_IDS.map((id) => ({ id, at: blocks.findIndex((b) => b.text === ENTRY_LINES[id]![0]!.text) }));
  for (const start of starts) expect(start.at, `the summary of ${start.id}`).toBeGreaterThan(1);
  starts.sort((a, b) => a.at - b.at);
  const entries: Entry[] = [];
  let end = 1;
  for (const { id, at } of starts) {
    const length = ENTRY_LINES[id]!.length;
    entries.push({ id, reference: blocks.slice(end, at), lines: blocks.slice(at, at + length).map((b) => b.text) });
    end = at + length;
  }
  expect(end, `nothing after the last entry of the ${format}`).toBe(blocks.length);
  return { title: blocks[0]!.text, entries };
}

const referenceText = (entry: Entry, format: Format): string =>
  format === 'pdf' ? joinPdfLines(entry.reference.map((b) => b.text)) : entry.reference.map((b) => b.text).join('\n');

const TITLES = new Map(goldenSet().entries.map(({ document }) => [document.id, document.csl.title ?? document.title]));

const expectedOrder = (styleId: string): string[] => EXPECTATIONS[styleId]!.order.filter((id) => GOLDEN_IDS.includes(id));

// --- The golden Markdown files ----------------------------------------------------------------

/** The Markdown cut into its title and entries (reference and body chunks), as it is written. */
function markdownEntries(markdown: string): { title: string; order: string[]; references: Map<string, string>; bodies: Map<string, string> } {
  const chunks = markdown.trimEnd().split('\n\n');
  const summaryOf = (chunk: string) => GOLDEN_IDS.find((id) => chunk.replace(/\*/g, '') === ENTRY_LINES[id]![0]!.text);
  const starts = chunks.flatMap((chunk, i) => {
    const id = summaryOf(chunk);
    return id ? [{ id, at: i - 1 }] : [];
  });
  const references = new Map<string, string>();
  const bodies = new Map<string, string>();
  starts.forEach(({ id, at }, i) => {
    references.set(id, chunks[at]!);
    bodies.set(id, chunks.slice(at + 1, starts[i + 1]?.at ?? chunks.length).join('\n\n'));
  });
  return { title: chunks[0]!, order: starts.map((s) => s.id), references, bodies };
}

// --- The tests --------------------------------------------------------------------------------

describe.each(BUNDLED_STYLE_IDS)('the annotated bibliography in %s', (styleId) => {
  const expected = EXPECTATIONS[styleId]!;
  let outputs: Outputs;
  beforeAll(async () => {
    outputs = await exportAll(styleId);
  }, 60_000);

  describe.each(FORMATS)('as %s', (format) => {
    const read = () => entriesOf(blocksOf(outputs, format), format);

    it('starts with the title and gives every document one entry', () => {
      const { title, entries } = read();
      expect(title).toBe(TITLE);
      expect(entries.map((e) => e.id).sort()).toEqual([...GOLDEN_IDS].sort());
      for (const entry of entries) expect(entry.reference.length, `the reference of ${entry.id}`).toBeGreaterThan(0);
      if (format !== 'pdf') for (const entry of entries) expect(entry.reference, `the reference of ${entry.id} is one paragraph`).toHaveLength(1);
    });

    const orderDeviation = ORDER_DEVIATION[styleId];
    (orderDeviation ? it.fails : it)('lists the entries in the order the manual sorts them', () => {
      expect(read().entries.map((e) => e.id)).toEqual(expectedOrder(styleId));
    });
    if (orderDeviation) {
      // What Gloss does instead, pinned so that a change of it is seen: the export's sort key, author.
      it('lists the entries by first author, the export’s sort key', () => {
        expect(read().entries.map((e) => e.id)).toEqual(['journal', 'news', 'ilo-2014', 'web']);
      });
    }

    for (const id of GOLDEN_IDS) {
      const reference = expected.references[id]!;
      (reference.deviation ? it.fails : it)(`writes the reference of ${id} as the manual does`, () => {
        const entry = read().entries.find((e) => e.id === id)!;
        expect(referenceText(entry, format)).toBe(reference.text);
        if (format === 'md' || format === 'html' || format === 'docx') {
          const italics = entry.reference.flatMap((b) => b.italics);
          if (reference.italic) expect(italics).toEqual(expect.arrayContaining(reference.italic));
          // Citing Medicine sets nothing in italics; `italic: []` marks a reference with no italic title.
          if (reference.italic?.length === 0 || styleId === 'vancouver') expect(italics).toEqual([]);
        }
      });
      if (reference.deviation) {
        it(`still writes a reference of ${id} that names its title`, () => {
          const entry = read().entries.find((e) => e.id === id)!;
          expect(referenceText(entry, format).toLowerCase()).toContain(TITLES.get(id)!.toLowerCase());
        });
      }

      it(`writes the summary and every claim of ${id} under its reference`, () => {
        const entry = read().entries.find((e) => e.id === id)!;
        expect(entry.lines).toEqual(ENTRY_LINES[id]!.map((line) => lineIn(format, line)));
      });
    }
  });

  it('links every claim to Gloss, in the order of the entries, in Markdown, HTML, DOCX and PDF', () => {
    const order = entriesOf(blocksOf(outputs, 'md'), 'md').entries.map((e) => e.id);
    const links = order.flatMap((id) => ENTRY_LINES[id]!.flatMap((line) => (line.kind === 'quote' ? [line.link] : [])));
    const gloss = (list: string[]) => list.filter((href) => href.startsWith('gloss://'));
    expect(gloss(markdownLinks(outputs.markdown))).toEqual(links);
    expect(gloss([...htmlDocument(outputs.html).querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!))).toEqual(links);
    const rels = strFromU8(outputs.docx['word/_rels/document.xml.rels']!);
    expect(gloss([...rels.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((m) => m[1]!))).toEqual(links);
    expect(gloss(outputs.pdf.links)).toEqual(links);
  });

  it('writes the DOCX as a valid Office Open XML package whose paragraphs are the Markdown’s, in order', () => {
    const files = outputs.docx;
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels']));
    const types = parseXml(strFromU8(files['[Content_Types].xml']!));
    expect(types.documentElement.localName).toBe('Types');
    const overrides = [...types.documentElement.getElementsByTagName('Override')].map((o) => [o.getAttribute('PartName'), o.getAttribute('ContentType')]);
    expect(overrides).toContainEqual(['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml']);
    const rels = parseXml(strFromU8(files['_rels/.rels']!));
    const main = [...rels.getElementsByTagName('Relationship')].find((r) => r.getAttribute('Type')?.endsWith('/officeDocument'));
    expect(main?.getAttribute('Target')).toMatch(/^\/?word\/document\.xml$/);
    for (const name of Object.keys(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parseXml(strFromU8(files[name]!));
    expect(docxBlocks(files).map((b) => b.text)).toEqual(markdownBlocks(outputs.markdown).map((b) => b.text));
  });

  it('writes a PDF with the title, a page number on every page and the expected lines', () => {
    expect(outputs.pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { lines, pages } = outputs.pdf;
    expect(lines[0]).toBe(TITLE);
    for (let page = 1; page <= pages; page++) expect(lines).toContain(`${page} / ${pages}`);
    const read = blocksOf(outputs, 'pdf').map((b) => b.text);
    for (const id of GOLDEN_IDS) for (const line of ENTRY_LINES[id]!) expect(read).toContain(lineIn('pdf', line));
  });

  // The bulleted lines of the PDF as pdf.js reads them: the marker, then the item's words.
  const bulleted = () => outputs.pdf.pieces.filter((line) => LIST_MARKER.test(line[0]!.text));

  it('writes each item of the note’s list on its own line of the PDF, after a bullet', () => {
    expect(
      bulleted().map((line) =>
        line
          .slice(1)
          .map((p) => p.text)
          .join('')
          // pdf.js reads the gap between a marker and its item as a space.
          .trim(),
      ),
    ).toEqual(['family ties', 'former co-workers']);
  });

  // The layout hangs a list's marker in the indent, before the item: pdf.js must read the item's
  // first word to the right of the bullet's end, never over it.
  it('sets each list marker of the PDF before its item, not over it', () => {
    for (const [marker, first] of bulleted()) expect(first!.x).toBeGreaterThanOrEqual(marker!.x + marker!.width - 0.5);
  });

  describe('against the golden Markdown file typed by hand', () => {
    const golden = readFileSync(join(GOLDEN, `library-${styleId}.md`), 'utf8');
    const deviations = [
      ...GOLDEN_IDS.flatMap((id) => (expected.references[id]!.deviation ? [`${id}: ${expected.references[id]!.deviation}`] : [])),
      ...(ORDER_DEVIATION[styleId] ? [`order: ${ORDER_DEVIATION[styleId]}`] : []),
    ];

    it('agrees with the shared expected references and the manual’s order (the two hand-written sources)', () => {
      const parsed = markdownEntries(golden);
      expect(parsed.order).toEqual(expectedOrder(styleId));
      for (const id of GOLDEN_IDS) {
        const [block] = markdownBlocks(parsed.references.get(id)!);
        expect(block!.text).toBe(expected.references[id]!.text);
      }
    });

    // The whole file byte for byte; where the style is known to differ from its manual, the
    // reasons are listed in the title and the pieces below still check the rest.
    (deviations.length > 0 ? it.fails : it)(`is Gloss's Markdown byte for byte${deviations.length > 0 ? ` but for: ${deviations.join(' ')}` : ''}`, () => {
      expect(outputs.markdown).toBe(golden);
    });

    it('has the same title line', () => {
      expect(markdownEntries(outputs.markdown).title).toBe(markdownEntries(golden).title);
    });

    for (const id of GOLDEN_IDS) {
      it(`has the same Markdown under the reference of ${id}`, () => {
        expect(markdownEntries(outputs.markdown).bodies.get(id)).toBe(markdownEntries(golden).bodies.get(id));
      });
      (expected.references[id]!.deviation ? it.fails : it)(`has the same Markdown reference for ${id}`, () => {
        expect(markdownEntries(outputs.markdown).references.get(id)).toBe(markdownEntries(golden).references.get(id));
      });
    }
  });
});
