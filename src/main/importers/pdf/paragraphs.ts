// Turns the lines of every page into Gloss blocks: running headers and footers dropped,
// headings found by type size, paragraphs rebuilt from gaps and indents, line-end hyphens joined.
import type { BlockInput } from '../../../shared/canonical';
import type { Line } from './layout';

export interface PageText {
  label: string;
  lines: Line[];
  /** Page height in PDF units, to tell the top and bottom margins. */
  height: number;
}

export interface Rebuilt {
  blocks: BlockInput[];
  /** For each page that has text: its label and the index of its first block. */
  pages: { label: string; block: number }[];
  /** The text of the largest line on the first pages, a fallback title. */
  largestLine: string | null;
}

const SENTENCE_END = /[.!?:;]["'”’)\]]?$/;
const LINE_END_HYPHEN = /(\p{L}+)[-\u2010\u00ad]$/u;

export function rebuild(pages: readonly PageText[]): Rebuilt {
  const kept = dropRunningLines(pages);
  const all = kept.flat();
  const body = bodySize(all);
  const levels = headingLevels(all, body);
  const leading = typicalLeading(kept, body);
  const compounds = hyphenatedWords(all);

  const blocks: BlockInput[] = [];
  const starts: Rebuilt['pages'] = [];
  kept.forEach((lines, index) => {
    const first = blocks.length;
    for (const group of paragraphs(lines, levels, leading)) {
      const level = levels.get(group[0]!.size);
      const text = joinLines(
        group.map((line) => line.text),
        compounds,
      );
      blocks.push(level !== undefined ? { type: 'heading', level, text } : { type: 'paragraph', text });
    }
    if (blocks.length > first) starts.push({ label: pages[index]!.label, block: first });
  });

  const early = kept.slice(0, 2).flat();
  const largest = early.length > 0 ? early.reduce((p, q) => (q.size > p.size ? q : p)) : null;
  return { blocks, pages: starts, largestLine: largest && largest.size > body * 1.15 ? largest.text : null };
}

/** A margin line's identity across pages: digits and roman numerals stand for page numbers. */
function marginKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/\b[ivxlcdm]+\b/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Drops lines in the top or bottom tenth of the page whose text (page numbers aside) recurs on
 * at least 40% of the pages, so alternating left/right running heads are caught as well.
 */
function dropRunningLines(pages: readonly PageText[]): Line[][] {
  const inMargin = (line: Line, height: number): boolean => line.y > height * 0.9 || line.y < height * 0.1;
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.lines.filter((line) => inMargin(line, page.height)).map((line) => marginKey(line.text)));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length * 0.4));
  return pages.map((page) => page.lines.filter((line) => !(inMargin(line, page.height) && (seen.get(marginKey(line.text)) ?? 0) >= threshold)));
}

function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best || 10;
}

/** Sizes clearly larger than the body text, on short lines, are headings: largest is level 1. */
function headingLevels(lines: readonly Line[], body: number): Map<number, number> {
  const sizes = [...new Set(lines.filter((line) => line.size >= body * 1.15 && line.text.length <= 200).map((line) => line.size))].sort((p, q) => q - p);
  return new Map(sizes.map((size, index) => [size, Math.min(6, index + 1)]));
}

/** The usual distance between baselines of consecutive body lines: the median. */
function typicalLeading(pages: readonly Line[][], body: number): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [p, q] = [lines[i - 1]!, lines[i]!];
      const gap = p.y - q.y;
      if (p.size === body && q.size === body && p.column === q.column && gap > 0 && gap < body * 3) gaps.push(gap);
    }
  }
  gaps.sort((p, q) => p - q);
  return gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : body * 1.2;
}

function paragraphs(lines: readonly Line[], levels: Map<number, number>, leading: number): Line[][] {
  const groups: Line[][] = [];
  const margins = columnMargins(lines);
  let current: Line[] = [];
  for (const line of lines) {
    const previous = current.at(-1);
    if (previous && continues(previous, line, levels, leading, margins)) current.push(line);
    else {
      if (current.length > 0) groups.push(current);
      current = [line];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function columnMargins(lines: readonly Line[]): Map<number, { left: number; right: number }> {
  const margins = new Map<number, { left: number; right: number }>();
  for (const line of lines) {
    const m = margins.get(line.column);
    margins.set(line.column, m ? { left: Math.min(m.left, line.x), right: Math.max(m.right, line.right) } : { left: line.x, right: line.right });
  }
  return margins;
}

function continues(previous: Line, line: Line, levels: Map<number, number>, leading: number, margins: Map<number, { left: number; right: number }>): boolean {
  const headingBefore = levels.get(previous.size);
  const headingNow = levels.get(line.size);
  if (headingBefore !== headingNow) return false;
  const gap = previous.y - line.y;
  if (headingNow !== undefined) return line.column === previous.column && gap > 0 && gap <= line.size * 1.6;
  if (Math.abs(line.size - previous.size) > previous.size * 0.15) return false;
  // Text flowing from the foot of one column to the head of the next continues the paragraph,
  // unless the column ended a sentence.
  if (line.column !== previous.column) return !SENTENCE_END.test(previous.text);
  if (gap <= 0 || gap > leading * 1.4) return false;
  const margin = margins.get(line.column)!;
  const indent = line.size * 0.8;
  if (line.x > margin.left + indent && previous.x <= margin.left + line.size * 0.3) return false;
  const width = margin.right - margin.left;
  if (width > line.size * 20 && previous.right < margin.right - width * 0.25 && SENTENCE_END.test(previous.text)) return false;
  return true;
}

/** Words written with a hyphen inside a line: evidence that a hyphen at a line end is real. */
function hyphenatedWords(lines: readonly Line[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) for (const match of line.text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) words.add(match[0].toLowerCase());
  return words;
}

/**
 * Joins a paragraph's lines. A hyphen at a line end followed by a lowercase letter is taken as a
 * word split (“traf-” + “ficking”) unless the document writes that hyphenated word elsewhere
 * (“cross-border”); before a capital or digit (“Asia-Pacific”) the hyphen stays.
 */
export function joinLines(lines: readonly string[], compounds: ReadonlySet<string>): string {
  let text = '';
  for (const line of lines) {
    if (text === '') {
      text = line;
      continue;
    }
    const hyphen = LINE_END_HYPHEN.exec(text);
    if (hyphen) {
      const next = /^\p{L}+/u.exec(line)?.[0] ?? '';
      if (text.endsWith('\u00ad')) text = text.slice(0, -1) + line;
      else if (/^\p{Ll}/u.test(next) && !compounds.has(`${hyphen[1]}-${next}`.toLowerCase())) text = text.slice(0, -1) + line;
      else text += line;
    } else text += ` ${line}`;
  }
  return text;
}
