import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { buildBibliography } from '../../../src/main/export/bibliography';
import { renderDocx } from '../../../src/main/export/render/docx';
import { renderHtml } from '../../../src/main/export/render/html';
import { renderMarkdown } from '../../../src/main/export/render/markdown';
import { renderPdf } from '../../../src/main/export/render/pdf';
import { renderText } from '../../../src/main/export/render/text';
import type { RichDocument } from '../../../src/main/export/types';
import { makeAnnotation, makeDocument, makeSet, makeSource, options, sampleBibliography, testProcessor } from './helpers';

const GOLDEN = join(__dirname, '../../fixtures/export/golden');
const golden = (name: string) => readFileSync(join(GOLDEN, name), 'utf8');

function sample(): RichDocument {
  const { set, options: chosen } = sampleBibliography();
  return buildBibliography(set, testProcessor(set), chosen);
}

describe('golden files', () => {
  it('Markdown', () => expect(renderMarkdown(sample())).toBe(golden('sample.md')));
  it('HTML', () => expect(renderHtml(sample())).toBe(golden('sample.html')));
  it('plain text', () => expect(renderText(sample())).toBe(golden('sample.txt')));
});

/** The text of each block of a Markdown document, as a reader sees it (markers and escapes gone). */
function markdownTexts(markdown: string): string[] {
  type Node = { type: string; value?: string; children?: Node[] };
  const text = (node: Node): string => node.value ?? (node.children ?? []).map(text).join('');
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'heading' || node.type === 'paragraph') out.push(text(node));
    else for (const child of node.children ?? []) walk(child);
  };
  walk(fromMarkdown(markdown) as Node);
  return out;
}

const { DOMParser } = new JSDOM('').window;

/** Parses XML strictly: a document that is not well-formed fails the test. */
function parseXml(xml: string): Document {
  const parsed = new DOMParser().parseFromString(xml, 'application/xml');
  expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
  return parsed;
}

describe('DOCX', () => {
  it('is a valid OOXML package whose text is the Markdown’s, paragraph by paragraph', async () => {
    const doc = sample();
    const bytes = await renderDocx(doc);
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels']));
    const types = parseXml(strFromU8(files['[Content_Types].xml']!));
    expect(types.documentElement.localName).toBe('Types');
    const body = parseXml(strFromU8(files['word/document.xml']!));
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const paragraphs = [...body.getElementsByTagNameNS(W, 'p')];
    const texts = paragraphs.map((p) => [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''));
    const normalise = (list: string[]) => list.map((t) => t.replace(/\s+/g, ' ').trim());
    expect(normalise(texts)).toEqual(normalise(markdownTexts(renderMarkdown(doc))));
    expect(texts).toContain('Compare with the 2016 survey (n = 2 * 1,500; <b>not bold</b>):');
  });

  it('uses named paragraph styles, a hanging indent for references, real links and real lists', async () => {
    const files = unzipSync(new Uint8Array(await renderDocx(sample())));
    const document = strFromU8(files['word/document.xml']!);
    const styles = parseXml(strFromU8(files['word/styles.xml']!));
    const used = new Set([...document.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(['Detail', 'Heading1', 'Heading3', 'ListParagraph', 'Note', 'QuoteClaim', 'Reference', 'Summary']);
    const reference = [...styles.getElementsByTagName('w:style')].find((s) => s.getAttribute('w:styleId') === 'Reference')!;
    const indent = reference.getElementsByTagName('w:ind')[0]!;
    expect(Number(indent.getAttribute('w:hanging'))).toBeGreaterThan(0);
    expect(indent.getAttribute('w:left')).toBe(indent.getAttribute('w:hanging'));
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    const targets = [...rels.matchAll(/Type="[^"]+\/hyperlink" Target="([^"]+)" TargetMode="External"/g)].map((m) => m[1]);
    expect(targets).toEqual([
      'gloss://documents/moscow/a/m1',
      'https://example.org/athens',
      'gloss://documents/athens/a/a1',
      'https://example.org/data',
      'gloss://documents/athens/a/a2',
    ]);
    expect(document.match(/<w:hyperlink /g)).toHaveLength(5);
    expect(document.match(/<w:numPr>/g)).toHaveLength(2);
    expect(document).not.toMatch(/<\/?>|<\s/);
  });

  it('keeps markup, tabs and line breaks as text and drops what XML cannot carry, so Word opens the file', async () => {
    const doc: RichDocument = {
      title: 'Pasted \u0007 from a PDF',
      blocks: [
        { type: 'paragraph', role: 'note', runs: [{ text: 'a <b>&amp;</b> "b"\tc\u0000d\u000Be\nf\uD800g\uFFFEh 😀' }] },
        { type: 'paragraph', role: 'plain', runs: [{ text: 'data', href: 'https://example.org/?a=1&b="2"<3>' }] },
      ],
    };
    const files = unzipSync(new Uint8Array(await renderDocx(doc)));
    const xml = strFromU8(files['word/document.xml']!);
    const body = parseXml(xml);
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const texts = [...body.getElementsByTagNameNS(W, 't')].map((t) => t.textContent);
    expect(texts).toEqual(['a <b>&amp;</b> "b"', 'cde', 'fgh 😀', 'data']);
    expect(xml).toContain('"b"</w:t><w:tab/><w:t xml:space="preserve">cde</w:t><w:br/>');
    const rels = parseXml(strFromU8(files['word/_rels/document.xml.rels']!));
    const link = [...rels.getElementsByTagName('Relationship')].find((r) => r.getAttribute('TargetMode') === 'External')!;
    expect(link.getAttribute('Target')).toBe('https://example.org/?a=1&b="2"<3>');
    expect(body.getElementsByTagNameNS(W, 'hyperlink')[0]!.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id')).toBe(
      link.getAttribute('Id'),
    );
    expect(strFromU8(files['docProps/core.xml']!)).toContain('Pasted  from a PDF');
  });

  it('numbers each numbered list from 1, with the number in a hanging indent', async () => {
    const doc: RichDocument = {
      title: 'Lists',
      blocks: [
        { type: 'list', ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]], indent: 2 },
        { type: 'paragraph', role: 'note', runs: [{ text: 'between' }], indent: 2 },
        { type: 'list', ordered: true, items: [[{ text: 'again' }]], indent: 3 },
      ],
    };
    const xml = strFromU8(unzipSync(new Uint8Array(await renderDocx(doc)))['word/document.xml']!);
    const body = parseXml(xml);
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const texts = [...body.getElementsByTagNameNS(W, 'p')].map((p) => [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join('|'));
    expect(texts).toEqual(['1.|first', '2.|second', 'between', '1.|again']);
    expect(xml.match(/<w:tab\/>/g)).toHaveLength(3);
    expect(xml.match(/<w:ind [^>]*w:hanging="360"/g)).toHaveLength(3);
  });
});

type PdfLine = { page: number; x: number; y: number; text: string };

async function readPdf(bytes: Buffer): Promise<{ lines: PdfLine[]; links: string[]; pages: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const lines: PdfLine[] = [];
  const links: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const rows = new Map<number, { x: number; parts: { x: number; text: string }[] }>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5]);
      const row = rows.get(y) ?? { x: Infinity, parts: [] };
      row.x = Math.min(row.x, item.transform[4]);
      row.parts.push({ x: item.transform[4], text: item.str });
      rows.set(y, row);
    }
    for (const [y, row] of [...rows].sort((a, b) => b[0] - a[0]))
      lines.push({
        page: number,
        y,
        x: Math.round(row.x),
        text: row.parts
          .sort((a, b) => a.x - b.x)
          .map((p) => p.text)
          .join(''),
      });
    // pdf.js hands out only web addresses as `url`; a gloss:// link is there too, as `unsafeUrl`.
    for (const annotation of await page.getAnnotations()) if (annotation.subtype === 'Link') links.push(annotation.url ?? annotation.unsafeUrl);
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { lines, links, pages };
}

describe('PDF', () => {
  it('carries every line, Greek and Cyrillic included, with live links and a page number', async () => {
    const bytes = await renderPdf(sample());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { lines, links } = await readPdf(bytes);
    const texts = lines.map((l) => l.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Annotated bibliography',
        'Ivanov, P. (2016). Москва: трудовая миграция.',
        '“В Москве работают около 2 млн мигрантов” (para. 2) open in Gloss',
        'Papadopoulou, E. (2018). Η εργασία στην Αθήνα. https://example.org/athens',
        '“περίπου 3.000 εργαζόμενοι” (p. 12) open in Gloss',
        'Sources: Rosstat (cited, table 4)',
        'Compare with the 2016 survey (n = 2 * 1,500; <b>not bold</b>):',
        '“a quote that no longer exists” (not found in the current text) open in Gloss',
        '1 / 1',
      ]),
    );
    expect(links).toEqual([
      'gloss://documents/moscow/a/m1',
      'https://example.org/athens',
      'gloss://documents/athens/a/a1',
      'https://example.org/data',
      'gloss://documents/athens/a/a2',
    ]);
    // The four faces of DejaVu Serif are embedded (as subsets), not referenced.
    const raw = bytes.toString('latin1');
    for (const face of ['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSerif-Italic']) expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${face}\\b`));
    expect(raw).toContain('/FontFile2');
  });

  it('hangs a long reference and numbers every page', async () => {
    const long = 'A very long title about recruitment fees, debt bondage and the economics of forced labour in global supply chains';
    const docs = Array.from({ length: 40 }, (_, i) =>
      makeDocument(`d${i}`, { title: `${long} ${i}`, author: [{ family: 'Author', given: 'Alexandra' }], issued: { 'date-parts': [[2000 + i]] } }, ['Text.']),
    );
    const set = makeSet(docs.map((document) => ({ document, annotations: [] })));
    const { lines, pages } = await readPdf(await renderPdf(buildBibliography(set, testProcessor(set), options({ sort: 'date' }))));
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(lines.filter((l) => l.page === page).map((l) => l.text)).toContain(`${page} / ${pages}`);
    const first = lines.findIndex((l) => l.text.startsWith('Author, A. (2000).'));
    expect(lines[first + 1]!.x).toBeGreaterThan(lines[first]!.x + 10);
  });
});

describe('markup in notes, tags and sources', () => {
  const NASTY = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(2)>',
    '"><svg onload=alert(3)>',
    "'><iframe src=javascript:alert(4)>",
    '[click](javascript:alert(5))',
    '<a href="javascript:alert(6)">a</a>',
  ];

  function nasty(): RichDocument {
    const doc = makeDocument('x"><script>', { title: `<script>alert(0)</script>`, URL: 'javascript:alert(7)' }, ['A claim about things.'], NASTY.join('\n\n'));
    const annotation = makeAnnotation(doc, {
      id: '"><img src=x onerror=alert(8)>',
      exact: 'A claim',
      note: NASTY.join(' '),
      tags: NASTY,
      sources: [{ id: 's', name: '<svg onload=alert(9)>' }],
    });
    const set = makeSet([{ document: doc, annotations: [annotation] }], [makeSource('s', '<svg onload=alert(9)>')]);
    return buildBibliography(set, testProcessor(set), options(), '<title></title><script>alert(10)</script>');
  }

  it('comes out of the HTML as inert text', () => {
    const html = renderHtml(nasty());
    const dom = new JSDOM(html); // scripts are not run: JSDOM's default
    const { document } = dom.window;
    expect(document.querySelectorAll('script, img, svg, iframe, object, embed')).toHaveLength(0);
    const all = [...document.querySelectorAll('*')];
    expect(all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name))).toEqual([]);
    const hrefs = [...document.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
    expect(hrefs.filter((href) => !/^(https?:|mailto:|gloss:)/i.test(href))).toEqual([]);
    expect(hrefs).toContain('gloss://documents/x%22%3E%3Cscript%3E/a/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(8)%3E');
    const text = document.body.textContent ?? '';
    for (const piece of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '"><svg onload=alert(3)>',
      '<svg onload=alert(9)>',
      '<script>alert(0)</script>',
    ])
      expect(text).toContain(piece);
    expect(document.title).toBe('<title></title><script>alert(10)</script>');
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
  });

  it('comes out of the Markdown escaped, so a Markdown viewer shows it as text', () => {
    const markdown = renderMarkdown(nasty());
    type Node = { type: string; url?: string; children?: Node[] };
    const nodes: Node[] = [];
    const walk = (node: Node) => {
      nodes.push(node);
      node.children?.forEach(walk);
    };
    walk(fromMarkdown(markdown) as Node);
    // No raw HTML reaches a Markdown viewer, and the only links are safe ones.
    expect(nodes.filter((n) => n.type === 'html')).toEqual([]);
    expect(nodes.filter((n) => n.type === 'link').map((n) => n.url)).toEqual([
      'gloss://documents/x%22%3E%3Cscript%3E/a/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%288%29%3E',
    ]);
    const texts = markdownTexts(markdown).join('\n');
    expect(texts).toContain('<script>alert(1)</script>');
    expect(texts).toContain('<img src=x onerror=alert(2)>');
  });
});
