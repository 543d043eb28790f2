// Notes and summaries are stored as the Markdown the note editor writes (paragraphs, bulleted and
// numbered lists, bold, italic, links). This reads that subset into rich blocks for the exports.
// Anything else (raw HTML, headings, code) stays as the literal text the person typed: the
// renderers escape it, so it can neither format nor inject anything.
import { safeHref } from './links';
import type { ParagraphRole, RichBlock, Run } from './types';

type Style = Pick<Run, 'bold' | 'italic' | 'href'>;

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;

/** Reads a note's Markdown into paragraphs (with `role`) and lists, placed `indent` levels in. */
export function markdownBlocks(markdown: string, role: ParagraphRole, indent: number): RichBlock[] {
  const blocks: RichBlock[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  let paragraph: string[] = [];
  let list: { ordered: boolean; depth: number; items: string[] } | null = null;
  // Indentation columns of the open list levels, so 2-, 3- and 4-space nesting all read the same.
  let columns: number[] = [];

  const closeParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', role, runs: inlineRuns(paragraph.join(' ')), indent });
    paragraph = [];
  };
  const closeList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(inlineRuns), indent: indent + list.depth });
    list = null;
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      closeParagraph();
      // A blank line ends a list only when what follows is not another item (loose lists).
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      closeParagraph();
      const column = item[1]!.length;
      while (columns.length > 0 && column < columns[columns.length - 1]!) columns.pop();
      if (columns.length === 0 || column > columns[columns.length - 1]!) columns.push(column);
      const depth = columns.length - 1;
      const ordered = /\d/.test(item[2]!);
      if (!list || list.depth !== depth || list.ordered !== ordered) {
        closeList();
        list = { ordered, depth, items: [] };
      }
      list.items.push(item[3]!.trim());
      continue;
    }
    if (list && paragraph.length === 0 && /^ {2,}/.test(line)) {
      // An indented line under an item continues that item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    closeList();
    columns = [];
    paragraph.push(line.trim());
  }
  closeParagraph();
  closeList();
  return blocks;
}

/** Reads one paragraph's inline Markdown into runs: bold, italic, links; everything else is text. */
export function inlineRuns(text: string): Run[] {
  const runs: Run[] = [];
  parseInline(text, {}, runs);
  return mergeRuns(runs);
}

function push(runs: Run[], text: string, style: Style): void {
  if (text === '') return;
  const run: Run = { text };
  if (style.bold) run.bold = true;
  if (style.italic) run.italic = true;
  if (style.href !== undefined) run.href = style.href;
  runs.push(run);
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/u.test(ch);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** The index of the delimiter that closes one opened at `from`, or -1 (CommonMark's flanking rules, simplified). */
function findClose(text: string, from: number, delimiter: string): number {
  for (let i = from; i <= text.length - delimiter.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      // A link's text is one unit: a delimiter inside it cannot close one outside.
      const link = readLink(text, i);
      if (link) {
        i = link.next - 1;
        continue;
      }
    }
    if (!text.startsWith(delimiter, i) || isSpace(text[i - 1])) continue;
    if (delimiter[0] === '_' && isWordChar(text[i + delimiter.length])) continue;
    return i;
  }
  return -1;
}

/** A `[text](target)` starting at `at`, or null. */
function readLink(text: string, at: number): { label: string; href: string; next: number } | null {
  let depth = 0;
  let i = at;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) break;
  }
  if (i >= text.length || text[i + 1] !== '(') return null;
  const label = text.slice(at + 1, i);
  let j = i + 2;
  let href = '';
  if (text[j] === '<') {
    const close = text.indexOf('>', j);
    if (close < 0) return null;
    href = text.slice(j + 1, close);
    j = close + 1;
  } else {
    let parens = 0;
    for (; j < text.length; j++) {
      const ch = text[j]!;
      if (ch === '\\' && j + 1 < text.length) {
        href += text[++j];
        continue;
      }
      if (ch === '(') parens++;
      else if (ch === ')' && parens-- === 0) break;
      else if (/\s/.test(ch)) break;
      href += ch;
    }
  }
  // An optional title ("…") is accepted and dropped: exports have nowhere to show it.
  const rest = /^\s*(?:"[^"]*"|'[^']*')?\s*\)/.exec(text.slice(j));
  if (!rest) return null;
  return { label, href, next: j + rest[0].length };
}

function parseInline(text: string, style: Style, runs: Run[]): void {
  let plain = '';
  const flush = () => {
    push(runs, plain, style);
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
      plain += text[++i];
      continue;
    }
    if (ch === '[' && style.href === undefined) {
      const link = readLink(text, i);
      if (link) {
        flush();
        parseInline(link.label, { ...style, href: safeHref(link.href) }, runs);
        i = link.next - 1;
        continue;
      }
    }
    if (ch === '<' && style.href === undefined) {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(text.slice(i));
      if (auto) {
        flush();
        push(runs, auto[1]!, { ...style, href: safeHref(auto[1]) });
        i += auto[0].length - 1;
        continue;
      }
    }
    if (ch === '`') {
      const ticks = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(ticks, i + ticks.length);
      if (close > 0) {
        plain += text.slice(i + ticks.length, close).trim();
        i = close + ticks.length - 1;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const run = /^(\*+|_+)/.exec(text.slice(i))![0];
      const delimiter = run.slice(0, 3);
      const opensWord = !isSpace(text[i + delimiter.length]) && !(ch === '_' && isWordChar(text[i - 1]));
      const close = opensWord ? findClose(text, i + delimiter.length, delimiter) : -1;
      if (close > i + delimiter.length) {
        flush();
        const inner = text.slice(i + delimiter.length, close);
        const strong = delimiter.length >= 2 || style.bold;
        const emphasis = delimiter.length !== 2 || style.italic;
        parseInline(inner, { ...style, bold: strong || undefined, italic: emphasis || undefined }, runs);
        i = close + delimiter.length - 1;
        continue;
      }
      plain += run;
      i += run.length - 1;
      continue;
    }
    plain += ch;
  }
  flush();
}
