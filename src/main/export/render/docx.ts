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
  type IParagraphStyleOptions,
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
  constructor(children: Paragraph[]) {
    super('');
    this.root.push(...children);
  }
}

const GROUP_SIZE = 256;

/** Writes the document as the bytes of a .docx file. */
export async function renderDocx(doc: RichDocument): Promise<Buffer> {
  const paragraphs = doc.blocks.flatMap((block): Paragraph[] => (block.type === 'list' ? list(block) : [paragraph(block)]));
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

function paragraph(block: Exclude<RichBlock, { type: 'list' }>): Paragraph {
  if (block.type === 'heading') return new Paragraph({ heading: HEADING[block.level - 1], children: runs(block.runs) });
  const role = ROLE_STYLE[block.role];
  const indent = block.indent ?? 0;
  // The style carries the usual indentation; only a paragraph placed elsewhere says its own.
  const own = indent === role.indent ? {} : { indent: block.role === 'reference' ? { left: STEP * (indent + 2), hanging: 2 * STEP } : { left: STEP * indent } };
  return new Paragraph({ style: role.id, children: runs(block.runs), ...own });
}

function runs(list: Run[]): ParagraphChild[] {
  return list.map((run) => {
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
