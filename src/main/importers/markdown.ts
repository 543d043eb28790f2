// Markdown to Gloss blocks: headings, paragraphs, list items (with depth), block quotes and code
// blocks keep their role; inline markup is dropped so the canonical text reads as prose.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { BlockInput } from '../../shared/canonical';

interface MdNode {
  type: string;
  depth?: number;
  ordered?: boolean | null;
  value?: string;
  alt?: string | null;
  children?: MdNode[];
}

function inlineText(node: MdNode): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value ?? '';
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'html':
      return '';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

function collect(node: MdNode, out: BlockInput[], context: { listDepth: number; ordered: boolean; quote: boolean }): void {
  switch (node.type) {
    case 'heading':
      out.push({ type: 'heading', level: node.depth ?? 1, text: inlineText(node) });
      return;
    case 'paragraph':
      out.push(
        context.listDepth > 0
          ? { type: 'list-item', level: context.listDepth, ordered: context.ordered, text: inlineText(node) }
          : { type: context.quote ? 'quote' : 'paragraph', text: inlineText(node) },
      );
      return;
    case 'code':
      out.push({ type: 'preformatted', text: node.value ?? '' });
      return;
    case 'blockquote':
      for (const child of node.children ?? []) collect(child, out, { ...context, quote: true });
      return;
    case 'list':
      for (const child of node.children ?? []) collect(child, out, { ...context, listDepth: context.listDepth + 1, ordered: Boolean(node.ordered) });
      return;
    case 'listItem': {
      // A list item's first paragraph is the item; further paragraphs continue it as their own items.
      for (const child of node.children ?? []) collect(child, out, context);
      return;
    }
    case 'table':
      for (const row of node.children ?? []) out.push({ type: 'paragraph', text: (row.children ?? []).map(inlineText).join('\t') });
      return;
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return;
    default:
      for (const child of node.children ?? []) collect(child, out, context);
  }
}

export function markdownBlocks(source: string): BlockInput[] {
  const tree = fromMarkdown(source) as MdNode;
  const out: BlockInput[] = [];
  collect(tree, out, { listDepth: 0, ordered: false, quote: false });
  return out;
}
