// Word (.docx) to Gloss blocks: headings, nested bulleted and numbered lists, quotes and tables
// keep their role; metadata comes from docProps/core.xml. The zip is checked for bombs first.
import mammoth from 'mammoth';
import type { BlockInput } from '../../shared/canonical';
import type { CslItem, CslName } from '../../shared/model';
import { GlossError } from '../../shared/errors';
import { IMPORT_LIMITS, type ImportSource, type Imported } from './types';
import { checkZip } from './zip-guard';

/** The parts of mammoth's document model we read (see mammoth/lib/documents.js). */
interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  breakType?: string;
  checked?: boolean;
  body?: DocElement[];
  notes?: { _notes?: Record<string, DocElement> };
}

const CORE = 'docProps/core.xml';
const DOCUMENT = 'word/document.xml';

export async function importDocx(source: ImportSource): Promise<Imported> {
  const zip = checkZip(source.bytes, {
    maxInflated: IMPORT_LIMITS.docxInflatedBytes,
    keep: (name) => name === CORE,
    what: `“${source.name}” is not a Word document`,
  });
  if (!zip.names.includes(DOCUMENT)) {
    throw new GlossError({
      code: 'unsupported',
      message: `“${source.name}” is a zip archive but not a Word document (it has no word/document.xml). Open it in Word and save it as .docx.`,
    });
  }

  let captured: DocElement | null = null;
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength) },
      {
        externalFileAccess: false,
        // We read the document model ourselves; handing mammoth an empty body keeps it from
        // rendering (and decoding images for) HTML that we would throw away.
        transformDocument: (document: DocElement) => {
          captured = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    throw new GlossError({
      code: 'unsupported',
      message: `“${source.name}” could not be read as a Word document (${(error as Error).message}). Open it in Word, save it as .docx again and retry.`,
    });
  }
  if (captured === null) throw new GlossError({ code: 'internal', message: `Reading “${source.name}” produced no document; please report this.` });
  const document: DocElement = captured;

  const blocks: BlockInput[] = [];
  const state: WalkState = { titleFromStyle: null };
  for (const child of document.children ?? []) walk(child, blocks, state);
  for (const note of Object.values(document.notes?._notes ?? {})) for (const child of note.body ?? []) walk(child, blocks, state);

  const core = zip.kept.get(CORE);
  const csl = core ? coreMetadata(new TextDecoder().decode(core)) : {};
  const title = csl.title ?? state.titleFromStyle;
  if (title && !csl.title) csl.title = title;
  csl.type ??= 'report';

  const warnings = result.messages.filter((message) => message.type === 'error').map((message) => `Part of the document could not be read: ${message.message}`);
  if (blocks.length === 0) warnings.push('The document has no text.');
  return { format: 'docx', title: title ?? null, blocks, csl, warnings };
}

interface WalkState {
  titleFromStyle: string | null;
}

function walk(element: DocElement, out: BlockInput[], state: WalkState): void {
  if (element.type === 'paragraph') {
    const block = paragraphBlock(element);
    if (block === null) return;
    if (block.title && state.titleFromStyle === null) state.titleFromStyle = block.block.text;
    out.push(block.block);
  } else if (element.type === 'table') {
    // A row becomes one paragraph with its cells separated by tabs: rows stay quotable units.
    for (const row of element.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells = (row.children ?? []).map((cell) => cellText(cell));
      if (cells.some((cell) => cell !== '')) out.push({ type: 'paragraph', text: cells.join('\t') });
    }
  } else {
    for (const child of element.children ?? []) walk(child, out, state);
  }
}

function cellText(cell: DocElement): string {
  const parts: BlockInput[] = [];
  for (const child of cell.children ?? []) walk(child, parts, { titleFromStyle: null });
  return parts.map((part) => part.text.replace(/[\t\n]+/g, ' ')).join(' ');
}

function paragraphBlock(paragraph: DocElement): { block: BlockInput; title: boolean } | null {
  const text = inlineText(paragraph).trim();
  if (text === '') return null;
  const style = (paragraph.styleName ?? paragraph.styleId ?? '').trim();
  const heading = /^heading\s*([1-6])$/i.exec(style);
  if (heading) return { block: { type: 'heading', level: Number(heading[1]), text }, title: false };
  if (/^title$/i.test(style)) return { block: { type: 'heading', level: 1, text }, title: true };
  if (/^subtitle$/i.test(style)) return { block: { type: 'heading', level: 2, text }, title: false };
  if (paragraph.numbering) {
    const level = Math.min(9, (Number.parseInt(paragraph.numbering.level, 10) || 0) + 1);
    return { block: { type: 'list-item', level, ordered: paragraph.numbering.isOrdered, text }, title: false };
  }
  if (/quote/i.test(style)) return { block: { type: 'quote', text }, title: false };
  return { block: { type: 'paragraph', text }, title: false };
}

function inlineText(element: DocElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      // Page and column breaks are layout; only a line break is part of the text.
      return element.breakType === 'line' || element.breakType === undefined ? '\n' : '';
    case 'checkbox':
      return element.checked ? '☒ ' : '☐ ';
    case 'image':
    case 'noteReference':
    case 'commentReference':
      return '';
    default:
      return (element.children ?? []).map(inlineText).join('');
  }
}

/** Reads dc:title, dc:creator and dcterms:created from docProps/core.xml. */
export function coreMetadata(xml: string): CslItem {
  const csl: CslItem = {};
  const field = (tag: string): string | null => {
    const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
    const value = match ? decodeXml(match[1]!).trim() : '';
    return value === '' ? null : value;
  };
  const title = field('dc:title');
  if (title) csl.title = title;
  const creator = field('dc:creator');
  if (creator) csl.author = cslNames(creator);
  const created = field('dcterms:created');
  const issued = created ? isoDateParts(created) : null;
  if (issued) csl.issued = { 'date-parts': [issued] };
  return csl;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? '';
    const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * Turns an author field from document metadata into CSL names. “Family, Given” is split; anything
 * else is kept whole as a literal, since splitting “International Labour Office” would be wrong.
 */
export function cslNames(raw: string): CslName[] {
  return raw
    .split(/\s*;\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
      return comma ? { family: comma[1]!, given: comma[2]! } : { literal: name };
    });
}

/** “2024-03-05T10:00:00Z” → [2024, 3, 5]; partial dates keep what they have. */
export function isoDateParts(value: string): number[] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!match) return null;
  return [match[1], match[2], match[3]].filter((part): part is string => part !== undefined).map(Number);
}
