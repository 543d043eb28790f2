// Canonical text: the one form of a document's text that every position refers to.
// Unicode NFC, `\n` line endings, blocks separated by exactly one blank line, offsets in UTF-16
// code units (JavaScript string indices), as W3C selectors in JavaScript tools use them.

export type BlockType = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted';

export interface Block {
  type: BlockType;
  /** Heading level 1–6, or list nesting depth from 1. */
  level?: number;
  /** For list items: ordered (numbered) or bulleted. */
  ordered?: boolean;
  /** For paged originals (PDF): the label of the page the block stands on, for page locators. */
  page?: string;
  start: number;
  end: number;
}

export interface BlockInput {
  type: BlockType;
  level?: number;
  ordered?: boolean;
  page?: string;
  text: string;
}

export const BLOCK_SEPARATOR = '\n\n';

/** Normalises any text to canonical form, without splitting it into blocks. */
export function normalizeText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029]/g, '\n')
      // Control characters other than tab and newline have no place in prose (and break tools).
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .normalize('NFC')
  );
}

/** Cleans one block's text: no blank lines inside, no trailing spaces, no surrounding space. */
function cleanBlockText(text: string): string {
  return normalizeText(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+$/u, ''))
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

/** Joins blocks into canonical text and records each block's character range. */
export function assemble(blocks: readonly BlockInput[]): { text: string; blocks: Block[] } {
  let text = '';
  const out: Block[] = [];
  for (const input of blocks) {
    const body = cleanBlockText(input.text);
    if (body === '') continue;
    if (text !== '') text += BLOCK_SEPARATOR;
    const block: Block = { type: input.type, start: text.length, end: text.length + body.length };
    if (input.level !== undefined) block.level = input.level;
    if (input.ordered !== undefined) block.ordered = input.ordered;
    if (input.page !== undefined) block.page = input.page;
    out.push(block);
    text += body;
  }
  return { text, blocks: out };
}

/**
 * Splits plain text into paragraphs. Blank lines separate paragraphs; when a text has no blank
 * line at all (common when copied from web pages), each line is its own paragraph.
 */
export function plainTextBlocks(raw: string): BlockInput[] {
  const text = normalizeText(raw);
  const hasBlankLine = /\n[ \t]*\n/.test(text.trim());
  const parts = hasBlankLine ? text.split(/\n[ \t]*\n+/) : text.split('\n');
  return parts.map((part) => ({ type: 'paragraph' as const, text: part }));
}

/** Checks the invariants every stored document must satisfy; returns the first broken one. */
export function checkCanonical(text: string, blocks: readonly Block[]): string | null {
  if (text !== text.normalize('NFC')) return 'text is not in Unicode NFC';
  if (text.includes('\r')) return 'text contains carriage returns';
  let previousEnd = -BLOCK_SEPARATOR.length;
  for (const block of blocks) {
    if (block.start !== previousEnd + BLOCK_SEPARATOR.length) return 'blocks are not separated by one blank line';
    if (block.end <= block.start || block.end > text.length) return 'a block range is out of bounds';
    if (text.slice(block.start, block.end).includes('\n\n')) return 'a block contains a blank line';
    previousEnd = block.end;
  }
  if (blocks.length > 0 && previousEnd !== text.length) return 'text continues after the last block';
  if (blocks.length === 0 && text !== '') return 'text has no blocks';
  return null;
}

/** Counts words the way a reader would, in any script (Intl.Segmenter knows Thai and Chinese). */
export function countWords(text: string): number {
  let count = 0;
  // Line by line: V8 walks the segments of one long string in quadratic time (a 100,000-word text
  // took minutes to import), and a line break always ends a word, so the count is the same.
  for (const line of text.split('\n')) for (const segment of wordSegmenter().segment(line)) if (segment.isWordLike) count++;
  return count;
}

let segmenter: Intl.Segmenter | undefined;
export function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return segmenter;
}
