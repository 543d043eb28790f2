// The rich document as a Word file. Each paragraph role is a named paragraph style (Reference with
// its hanging indent, Summary, Quote, Detail, Note), so a person can restyle the whole
// bibliography in Word at once; links are real hyperlinks and bulleted lists real list numbering.
//
// The docx package makes the package around the text: styles, numbering, settings, properties,
// content types. The body is written here as WordprocessingML text, because the package's
// object model makes some twenty objects a run and as many again to serialise them: an export of
// a hundred thousand paragraphs spent two thirds of its time building and collecting them.
import { strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun, type IParagraphStyleOptions } from 'docx';
import type { ParagraphRole, RichBlock, RichDocument, Run } from '../types';

/** One level of indentation, in twentieths of a point (a third of an inch). */
const STEP = 480;
const FONT = 'Cambria';

const ROLE_STYLE: Readonly<Record<ParagraphRole, { id: string; indent: number }>> = {
  reference: { id: 'Reference', indent: 0 },
  summary: { id: 'Summary', indent: 1 },
  quote: { id: 'QuoteClaim', indent: 1 },
  detail: { id: 'Detail', indent: 2 },
  note: { id: 'Note', indent: 2 },
  plain: { id: 'Normal', indent: 0 },
};

const style = (id: string, name: string, paragraph: IParagraphStyleOptions['paragraph'], run: IParagraphStyleOptions['run'] = {}): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  paragraph,
  run,
});

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  style('Reference', 'Reference', { indent: { left: 2 * STEP, hanging: 2 * STEP }, spacing: { before: 240, after: 80 }, keepNext: true }),
  style('Summary', 'Summary', { indent: { left: STEP }, spacing: { after: 80 } }),
  style('QuoteClaim', 'Quoted claim', { indent: { left: STEP }, spacing: { before: 120, after: 40 }, keepNext: true }),
  style('Detail', 'Claim detail', { indent: { left: 2 * STEP }, spacing: { after: 20 } }, { size: 19, color: '444444' }),
  style('Note', 'Claim note', { indent: { left: 2 * STEP }, spacing: { after: 60 } }),
];

const HEADING_STYLES = ['Heading1', 'Heading2', 'Heading3', 'Heading4'] as const;

const BULLET_LEVELS = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: level % 2 === 0 ? '•' : '◦',
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: STEP * level + 360, hanging: 360 } } },
}));

/** The width a list number takes before its text, in twentieths of a point. */
const MARK = 360;

const DOCUMENT_PART = 'word/document.xml';
const RELATIONSHIPS_PART = 'word/_rels/document.xml.rels';
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** Writes the document as the bytes of a .docx file. */
export async function renderDocx(doc: RichDocument): Promise<Buffer> {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(shell(doc.title))));
  const frame = new TextDecoder().decode(files[DOCUMENT_PART]);
  // The shell's one paragraph is a bulleted item, so that the package numbers the bullet list;
  // its number is what every bulleted paragraph of the body refers to.
  const numId = /<w:numId w:val="(\d+)"\/>/.exec(frame)?.[1];
  const open = frame.indexOf('<w:body>') + '<w:body>'.length;
  const close = frame.indexOf('<w:sectPr', open);
  if (numId === undefined || open < '<w:body>'.length || close < 0) throw new Error('The docx package wrote a document this writer does not recognise.');

  const relationships = new TextDecoder().decode(files[RELATIONSHIPS_PART]);
  const end = relationships.lastIndexOf('</Relationships>');
  if (end < 0) throw new Error('The docx package wrote relationships this writer does not recognise.');

  const zip = new ZipWriter();
  // The content types first, as Word writes them; then the package's parts; the text last.
  zip.file('[Content_Types].xml', files['[Content_Types].xml']!);
  for (const [name, data] of Object.entries(files))
    if (!name.endsWith('/') && name !== '[Content_Types].xml' && name !== DOCUMENT_PART && name !== RELATIONSHIPS_PART) zip.file(name, data);
  const part = zip.stream(DOCUMENT_PART);
  part.write(frame.slice(0, open));
  const body = new BodyWriter(numId, part);
  for (const block of doc.blocks) body.block(block);
  part.write(frame.slice(close));
  part.end();
  zip.file(RELATIONSHIPS_PART, strToU8(relationships.slice(0, end) + body.relationships() + relationships.slice(end)));
  return zip.end();
}

/**
 * A zip file written as it goes. The text of a large export is tens of megabytes: compressed in
 * pieces as it is written, it is never one string, nor one array of bytes.
 */
class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((error, data) => {
    if (error) throw error;
    this.chunks.push(data);
  });

  file(name: string, data: Uint8Array): void {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    entry.push(data, true);
  }

  stream(name: string): TextSink {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    let pending = '';
    return {
      write(text) {
        pending += text;
        if (pending.length < PIECE) return;
        entry.push(strToU8(pending));
        pending = '';
      },
      end() {
        entry.push(strToU8(pending), true);
      },
    };
  }

  end(): Buffer {
    this.zip.end();
    return Buffer.concat(this.chunks);
  }
}

interface TextSink {
  write(text: string): void;
  end(): void;
}

/** How much text is compressed at a time, in UTF-16 code units. */
const PIECE = 1 << 16;

/** Everything of the file but its text: styles, the bullet numbering, properties. */
function shell(title: string): Document {
  return new Document({
    title: clean(title),
    creator: 'Gloss',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        heading1: { run: { font: FONT, size: 32, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { font: FONT, size: 26, bold: true }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true }, paragraph: { indent: { left: STEP }, spacing: { before: 160, after: 60 }, keepNext: true } },
        heading4: { run: { font: FONT, size: 22, bold: true, italics: true }, paragraph: { indent: { left: STEP }, spacing: { before: 120 }, keepNext: true } },
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    numbering: { config: [{ reference: 'bullets', levels: BULLET_LEVELS }] },
    sections: [{ children: [new Paragraph({ children: [new TextRun('•')], numbering: { reference: 'bullets', level: 0 } })] }],
  });
}

/**
 * The body's paragraphs as WordprocessingML, each element's children in the order the schema
 * requires (pStyle, numPr, tabs, ind in a paragraph's properties; rStyle, b, i, smallCaps,
 * vertAlign in a run's).
 */
class BodyWriter {
  private readonly links: string[] = [];

  constructor(
    private readonly bulletNumId: string,
    private readonly out: TextSink,
  ) {}

  block(block: RichBlock): void {
    if (block.type === 'list') return this.list(block);
    if (block.type === 'heading') return this.paragraph(`<w:pStyle w:val="${HEADING_STYLES[block.level - 1]}"/>`, block.runs);
    const role = ROLE_STYLE[block.role];
    const indent = block.indent ?? 0;
    const styled = `<w:pStyle w:val="${role.id}"/>`;
    // The style carries the usual indentation; only a paragraph placed elsewhere says its own.
    if (indent === role.indent) return this.paragraph(styled, block.runs);
    const own = block.role === 'reference' ? `<w:ind w:left="${STEP * (indent + 2)}" w:hanging="${2 * STEP}"/>` : `<w:ind w:left="${STEP * indent}"/>`;
    this.paragraph(styled + own, block.runs);
  }

  /** The hyperlinks' targets, as relationships of the document part. */
  relationships(): string {
    return this.links
      .map((target, i) => `<Relationship Id="${linkId(i)}" Type="${HYPERLINK}" Target="${escapeAttribute(target)}" TargetMode="External"/>`)
      .join('');
  }

  private list(block: Extract<RichBlock, { type: 'list' }>): void {
    const level = Math.min(8, Math.max(0, block.indent ?? 0));
    if (!block.ordered) {
      const properties = `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${this.bulletNumId}"/></w:numPr>`;
      for (const item of block.items) this.paragraph(properties, item);
      return;
    }
    // Numbered lists restart at 1 each, which in Word takes a numbering instance per list, and
    // thousands of notes with numbered lists would make thousands of them. The number is written
    // as text in a hanging indent, which reads the same.
    const left = STEP * level + MARK;
    const properties = `<w:tabs><w:tab w:val="left" w:pos="${left}"/></w:tabs><w:ind w:left="${left}" w:hanging="${MARK}"/>`;
    block.items.forEach((item, i) => this.paragraph(properties, [{ text: `${i + 1}.\t` }, ...item]));
  }

  private paragraph(properties: string, runs: readonly Run[]): void {
    this.out.write(`<w:p><w:pPr>${properties}</w:pPr>`);
    for (const run of merged(runs)) {
      if (run.href === undefined) {
        this.out.write(runXml(run, false));
        continue;
      }
      this.links.push(clean(run.href));
      this.out.write(`<w:hyperlink w:history="1" r:id="${linkId(this.links.length - 1)}">${runXml(run, true)}</w:hyperlink>`);
    }
    this.out.write('</w:p>');
  }
}

const linkId = (index: number): string => `rIdLink${index + 1}`;

function runXml(run: Run, link: boolean): string {
  let properties = link ? '<w:rStyle w:val="Hyperlink"/>' : '';
  if (run.bold !== undefined) properties += run.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  if (run.italic !== undefined) properties += run.italic ? '<w:i/><w:iCs/>' : '<w:i w:val="false"/><w:iCs w:val="false"/>';
  if (run.smallCaps !== undefined) properties += run.smallCaps ? '<w:smallCaps/>' : '<w:smallCaps w:val="false"/>';
  if (run.subscript) properties += '<w:vertAlign w:val="subscript"/>';
  else if (run.superscript) properties += '<w:vertAlign w:val="superscript"/>';
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}${content(run.text)}</w:r>`;
}

/** A run's text, its tabs and line breaks as Word's own elements (a tab inside w:t is a space). */
function content(text: string): string {
  let out = '';
  for (const piece of clean(text).split(/(\t|\r?\n)/)) {
    if (piece === '\t') out += '<w:tab/>';
    else if (piece === '\n' || piece === '\r\n') out += '<w:br/>';
    else if (piece !== '') out += `<w:t xml:space="preserve">${escapeText(piece)}</w:t>`;
  }
  return out;
}

/**
 * Text without the characters XML 1.0 cannot carry (controls other than tab and line ends, lone
 * surrogates, U+FFFE and U+FFFF): Word refuses a whole file for one of them, and a note pasted
 * from a PDF can hold one.
 */
// eslint-disable-next-line no-control-regex -- these control characters are what is removed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string): string => text.replace(NOT_XML, '');

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeText = (text: string): string => text.replace(/[&<>]/g, (c) => ESCAPES[c]!);
const escapeAttribute = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * Neighbouring runs with the same formatting as one run: a claim's quote, locator and the space
 * before its link come as three, and Word shows one the same as three.
 */
function merged(list: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of list) {
    const last = out[out.length - 1];
    if (last !== undefined && last.href === undefined && run.href === undefined && sameFormat(last, run))
      out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

const sameFormat = (a: Run, b: Run): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.smallCaps === b.smallCaps && a.superscript === b.superscript && a.subscript === b.subscript;
