// The rich document as a Word file. Each paragraph role is a named paragraph style (Reference with
// its hanging indent, Summary, Quote, Detail, Note), so a person can restyle the whole
// bibliography in Word at once; links are real hyperlinks and bulleted lists real list numbering.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FileChild,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IContext,
  type IParagraphStyleOptions,
  type IXmlableObject,
  type ParagraphChild,
} from 'docx';
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

const HEADING = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

const BULLET_LEVELS = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: level % 2 === 0 ? '•' : '◦',
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: STEP * level + 360, hanging: 360 } } },
}));

const MARK = 360;

/**
 * Paragraphs grouped under an element with no name, which the docx package writes out as its
 * children alone. Its XML writer takes each element's children with Array#shift, which costs the
 * length of the array every time once an array is large: a body of 100,000 paragraphs took over a
 * minute, groups of a few hundred take a second or two.
 */
class Group extends FileChild {
  constructor(children: FileChild[]) {
    super('');
    this.root.push(...children);
  }
}

const GROUP_SIZE = 256;

/** Writes the document as the bytes of a .docx file. */
export async function renderDocx(doc: RichDocument): Promise<Buffer> {
  const links = { count: 0 };
  const paragraphs = doc.blocks.flatMap((block): FileChild[] => (block.type === 'list' ? list(block) : [paragraph(block, links)]));
  const children: FileChild[] = [];
  for (let i = 0; i < paragraphs.length; i += GROUP_SIZE) children.push(new Group(paragraphs.slice(i, i + GROUP_SIZE)));
  const document = new Document({
    title: doc.title,
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
    numbering: {
      config: [{ reference: 'bullets', levels: BULLET_LEVELS }],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

function list(block: Extract<RichBlock, { type: 'list' }>): Paragraph[] {
  const level = Math.min(8, Math.max(0, block.indent ?? 0));
  if (!block.ordered) return block.items.map((item) => new Paragraph({ children: runs(item), numbering: { reference: 'bullets', level } }));
  // Numbered lists restart at 1 each, which in Word takes a numbering instance per list; the docx
  // package resolves instances with one pass over the whole document each, so thousands of notes
  // with numbered lists would take minutes. The number is written as text in a hanging indent.
  const left = STEP * level + MARK;
  return block.items.map(
    (item, i) =>
      new Paragraph({
        indent: { left, hanging: MARK },
        tabStops: [{ type: TabStopType.LEFT, position: left }],
        children: [new TextRun({ text: `${i + 1}.` }), new TextRun({ children: [new Tab()] }), ...runs(item)],
      }),
  );
}

function paragraph(block: Exclude<RichBlock, { type: 'list' }>, links: LinkCounter): FileChild {
  if (block.type === 'heading') return new StyledParagraph(HEADING[block.level - 1]!, block.runs, links);
  const role = ROLE_STYLE[block.role];
  const indent = block.indent ?? 0;
  if (indent === role.indent) return new StyledParagraph(role.id, block.runs, links);
  // The style carries the usual indentation; only a paragraph placed elsewhere says its own.
  const own = { indent: block.role === 'reference' ? { left: STEP * (indent + 2), hanging: 2 * STEP } : { left: STEP * indent } };
  return new Paragraph({ style: role.id, children: runs(block.runs), ...own });
}

interface LinkCounter {
  count: number;
}

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const EMPTY: IXmlableObject = Object.freeze({});
const PRESERVE = Object.freeze({ _attr: Object.freeze({ 'xml:space': 'preserve' }) });
const LINK_STYLE = Object.freeze({ 'w:rStyle': Object.freeze({ _attr: Object.freeze({ 'w:val': 'Hyperlink' }) }) });
/** The writer only reads what it is given, so paragraphs of one style share their properties. */
const STYLE_PROPERTIES = new Map<string, IXmlableObject>();

function styleProperties(id: string): IXmlableObject {
  let properties = STYLE_PROPERTIES.get(id);
  if (!properties)
    STYLE_PROPERTIES.set(
      id,
      (properties = Object.freeze({ 'w:pPr': Object.freeze([Object.freeze({ 'w:pStyle': Object.freeze({ _attr: Object.freeze({ 'w:val': id }) }) })]) })),
    );
  return properties;
}

/**
 * A paragraph in a named style, written as the docx package would write a Paragraph of TextRuns
 * and ExternalHyperlinks, but straight into the objects its XML writer reads. An export holds
 * about a hundred thousand such paragraphs, and the package's own classes make some ten objects
 * a run and a dozen a paragraph, then as many again to write them: building them and collecting
 * the garbage took some 40 % of a large export. Paragraphs with anything more than a style (lists,
 * their own indentation) are still the package's.
 */
class StyledParagraph extends FileChild {
  constructor(
    private readonly styleId: string,
    private readonly runs: readonly Run[],
    private readonly links: LinkCounter,
  ) {
    super('w:p');
  }

  override prepForXml(context: IContext): IXmlableObject {
    const children: IXmlableObject[] = [styleProperties(this.styleId)];
    for (const run of merged(this.runs)) {
      if (run.href === undefined) {
        children.push(runXml(run, false));
        continue;
      }
      // As ExternalHyperlink does: a relationship to the target, which the hyperlink names.
      const id = `Link${++this.links.count}`;
      context.viewWrapper.Relationships.addRelationship(id, HYPERLINK, run.href, 'External');
      children.push({ 'w:hyperlink': [{ _attr: { 'w:history': 1, 'r:id': `rId${id}` } }, runXml(run, true)] });
    }
    return { 'w:p': children };
  }
}

/** A run with its properties in the order the docx package's RunProperties writes them. */
function runXml(run: Run, link: boolean): IXmlableObject {
  const properties: IXmlableObject[] = [];
  if (link) properties.push(LINK_STYLE);
  onOff(properties, 'w:b', run.bold);
  onOff(properties, 'w:bCs', run.bold);
  onOff(properties, 'w:i', run.italic);
  onOff(properties, 'w:iCs', run.italic);
  onOff(properties, 'w:smallCaps', run.smallCaps);
  if (run.subscript) properties.push({ 'w:vertAlign': { _attr: { 'w:val': 'subscript' } } });
  if (run.superscript) properties.push({ 'w:vertAlign': { _attr: { 'w:val': 'superscript' } } });
  const text = { 'w:t': [PRESERVE, run.text] };
  return { 'w:r': properties.length > 0 ? [{ 'w:rPr': properties }, text] : [text] };
}

function onOff(properties: IXmlableObject[], name: string, value: boolean | undefined): void {
  if (value !== undefined) properties.push({ [name]: value ? EMPTY : { _attr: { 'w:val': false } } });
}

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

function runs(list: Run[]): ParagraphChild[] {
  return merged(list).map((run) => {
    const text = new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      smallCaps: run.smallCaps,
      superScript: run.superscript,
      subScript: run.subscript,
      style: run.href !== undefined ? 'Hyperlink' : undefined,
    });
    return run.href !== undefined ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}
