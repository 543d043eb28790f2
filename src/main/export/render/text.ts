// The rich document as plain text. Lines are not wrapped: plain text from Gloss is pasted into
// mail, chat and word processors, which wrap to their own width, and hard breaks there turn into
// ragged half-lines and cut long links in two. Structure shows through underlined headings, two
// spaces of indentation a level and a blank line between paragraphs.
import type { RichBlock, RichDocument, Run } from '../types';

/** Writes the document as UTF-8-ready plain text ending in one newline. */
export function renderText(doc: RichDocument): string {
  return `${doc.blocks.map(block).join('\n\n')}\n`;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const width = (text: string): number => [...graphemes.segment(text)].length;

function block(b: RichBlock): string {
  if (b.type === 'heading') {
    const text = line(b.runs);
    if (b.level === 1) return `${text}\n${'='.repeat(width(text))}`;
    if (b.level === 2) return `${text}\n${'-'.repeat(width(text))}`;
    return `${pad(b.level === 3 ? 1 : 2)}${text}`;
  }
  if (b.type === 'list') return b.items.map((item, i) => `${pad(b.indent)}${b.ordered ? `${i + 1}.` : '-'} ${line(item)}`).join('\n');
  return `${pad(b.indent)}${line(b.runs)}`;
}

const pad = (indent: number | undefined): string => '  '.repeat(Math.max(0, indent ?? 0));

function line(runs: Run[]): string {
  return runs
    .map((r) => (r.href !== undefined && r.href !== r.text ? `${r.text} <${r.href}>` : r.text))
    .join('')
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}
