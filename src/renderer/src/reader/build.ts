// Builds the reader's Lexical tree from a document's canonical text and its Block ranges, so
// that the root's text content is exactly `text` (the invariant offsets.ts relies on).
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import type { Block } from '../../../shared/canonical';

const HEADING_TAGS: HeadingTagType[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Fills an element with one block's text: lines become text nodes joined by line breaks. */
function $appendLines(element: ElementNode, body: string, format?: 'code'): void {
  body.split('\n').forEach((line, i) => {
    if (i > 0) element.append($createLineBreakNode());
    if (line === '') return;
    const node = $createTextNode(line);
    if (format) node.toggleFormat(format);
    element.append(node);
  });
}

/**
 * Consecutive list items form one list; deeper items nest the way Lexical expects, as a list
 * inside a list item of its own (which adds no text, so offsets are unaffected).
 */
class ListBuilder {
  private stack: ListNode[] = [];

  reset(): void {
    this.stack = [];
  }

  $add(block: Block, body: string, appendToRoot: (node: ElementNode) => void): void {
    const depth = Math.max(1, Math.min(block.level ?? 1, 12));
    const type = block.ordered ? 'number' : 'bullet';
    if (this.stack.length > depth) this.stack.length = depth;
    if (this.stack.length === depth && this.stack[depth - 1]!.getListType() !== type) this.stack.length = depth - 1;
    while (this.stack.length < depth) {
      const list = $createListNode(this.stack.length + 1 === depth ? type : 'bullet');
      const parent = this.stack.at(-1);
      if (parent) {
        const holder = $createListItemNode();
        holder.append(list);
        parent.append(holder);
      } else {
        appendToRoot(list);
      }
      this.stack.push(list);
    }
    const item = $createListItemNode();
    $appendLines(item, body);
    this.stack[depth - 1]!.append(item);
  }
}

function $createBlock(block: Block, body: string): ElementNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.max(1, Math.min(block.level ?? 1, 6));
      const heading = $createHeadingNode(HEADING_TAGS[level - 1]!);
      $appendLines(heading, body);
      return heading;
    }
    case 'quote': {
      const quote = $createQuoteNode();
      $appendLines(quote, body);
      return quote;
    }
    case 'preformatted': {
      const paragraph = $createParagraphNode();
      $appendLines(paragraph, body, 'code');
      return paragraph;
    }
    default: {
      const paragraph = $createParagraphNode();
      $appendLines(paragraph, body);
      return paragraph;
    }
  }
}

/** Replaces the root's children with the document. Call inside an editor update. */
export function $buildDocument(text: string, blocks: readonly Block[]): void {
  const root = $getRoot();
  root.clear();
  const append = (node: ElementNode) => root.append(node);
  if (blocks.length === 0) {
    // Not canonical (every non-empty document has blocks), but still show every character.
    if (text !== '') {
      const paragraph = $createParagraphNode();
      $appendLines(paragraph, text);
      append(paragraph);
    }
    return;
  }
  const lists = new ListBuilder();
  for (const block of blocks) {
    const body = text.slice(block.start, block.end);
    if (block.type === 'list-item') {
      lists.$add(block, body, append);
      continue;
    }
    lists.reset();
    append($createBlock(block, body));
  }
}
