// The rich document as CommonMark. Every character that Markdown could read as syntax is escaped,
// so a note that says "2 * 3" or "<b>" comes out as exactly that; quotes become block quotes and
// nested lists are indented under the item before them.
import type { RichBlock, RichDocument, Run } from '../types';

/** Writes the document as Markdown text ending in one newline. */
export function renderMarkdown(doc: RichDocument): string {
  const out: string[] = [];
  let listBase: number | null = null;
  for (const block of doc.blocks) {
    if (block.type !== 'list') listBase = null;
    if (block.type === 'heading') out.push(`${'#'.repeat(block.level)} ${inline(block.runs)}`);
    else if (block.type === 'paragraph') {
      const text = inline(block.runs);
      if (text !== '') out.push(block.role === 'quote' ? `> ${text}` : text);
    } else {
      listBase ??= block.indent ?? 0;
      out.push(list(block, Math.max(0, (block.indent ?? 0) - listBase)));
    }
  }
  return `${out.join('\n\n')}\n`;
}

function list(block: Extract<RichBlock, { type: 'list' }>, depth: number): string {
  // Three spaces a level sits inside both "- " and "1. " items, so nesting holds under either.
  const pad = '   '.repeat(depth);
  return block.items.map((item, i) => `${pad}${block.ordered ? `${i + 1}.` : '-'} ${inline(item)}`).join('\n');
}

function inline(runs: Run[]): string {
  const text = runs.map(run).join('');
  // Markers that only count at the start of a line (headings, quotes, list items, rules).
  return text.replace(/^([#>+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function run(r: Run): string {
  if (r.text === '') return '';
  // A bare address is written as an autolink, not as itself twice.
  if (r.href !== undefined && r.href === r.text && !r.bold && !r.italic && !r.superscript && !r.subscript && /^[^\s<>]+$/.test(r.href)) return `<${r.href}>`;
  // Emphasis must hug its text: "** x**" is not bold, so surrounding spaces stay outside.
  const [, lead, body, trail] = /^([ \t\n]*)([\s\S]*?)([ \t\n]*)$/.exec(r.text)!;
  let text = escape(body!.replace(/[ \t\n]+/g, ' '));
  if (text !== '') {
    if (r.superscript) text = `<sup>${text}</sup>`;
    else if (r.subscript) text = `<sub>${text}</sub>`;
    const mark = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : '';
    text = `${mark}${text}${mark}`;
    if (r.href !== undefined) text = `[${text}](${destination(r.href)})`;
  }
  return `${lead ? ' ' : ''}${text}${trail ? ' ' : ''}`;
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** A link destination that cannot end early or break out: spaces, brackets and parentheses percent-encoded. */
function destination(href: string): string {
  return href.replace(/[\s()<>\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
