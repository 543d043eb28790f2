// Builds the reader's Lexical tree from a document's canonical text and its Block ranges, so
// that the root's text content is exactly `text` (the invariant offsets.ts relies on). Highlights
// are cut into MarkNodes as the text nodes are made, so opening a document with thousands of them
// costs one pass rather than one wrap per highlight.
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import { $createMarkNode } from '@lexical/mark';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type LexicalNode } from 'lexical';
import type { Block } from '../../../shared/canonical';
import { MarkCursor, type MarkRange } from './marks';

const HEADING_TAGS: HeadingTagType[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Where the block being built starts, and the highlights to cut its lines by. */
interface Marks {
  cursor: MarkCursor | null;
  offset: number;
}

/** Fills an element with one block's text: lines become text nodes joined by line breaks. */
function $appendLines(element: ElementNode, body: string, marks: Marks, format?: 'code'): void {
  let at = marks.offset;
  // Appended in one call: each append splices the child list, and a block with highlights has many pieces.
  const children: LexicalNode[] = [];
  body.split('\n').forEach((line, i) => {
    if (i > 0) {
      children.push($createLineBreakNode());
      at += 1;
    }
    if (line === '') return;
    const pieces = marks.cursor ? marks.cursor.segments(at, at + line.length) : [{ start: at, end: at + line.length, ids: [] as string[] }];
    for (const piece of pieces) {
      const node = $createTextNode(line.slice(piece.start - at, piece.end - at));
      if (format) node.toggleFormat(format);
      if (piece.ids.length === 0) {
        children.push(node);
      } else {
        const mark = $createMarkNode(piece.ids);
        mark.append(node);
        children.push(mark);
      }
    }
    at += line.length;
  });
  if (children.length > 0) element.append(...children);
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

  $add(block: Block, body: string, marks: Marks, appendToRoot: (node: ElementNode) => void): void {
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
    $appendLines(item, body, marks);
    this.stack[depth - 1]!.append(item);
  }
}

function $createBlock(block: Block, body: string, marks: Marks): ElementNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.max(1, Math.min(block.level ?? 1, 6));
      const heading = $createHeadingNode(HEADING_TAGS[level - 1]!);
      $appendLines(heading, body, marks);
      return heading;
    }
    case 'quote': {
      const quote = $createQuoteNode();
      $appendLines(quote, body, marks);
      return quote;
    }
    case 'preformatted': {
      const paragraph = $createParagraphNode();
      $appendLines(paragraph, body, marks, 'code');
      return paragraph;
    }
    default: {
      const paragraph = $createParagraphNode();
      $appendLines(paragraph, body, marks);
      return paragraph;
    }
  }
}

/**
 * One top-level node of the reader's tree: a paragraph, heading or quote, or a whole list. `first`
 * and `last` are the indexes of its blocks; `start` and `end` its canonical text.
 */
export interface Section {
  start: number;
  end: number;
  first: number;
  last: number;
}

/** Builds blocks[from..to] in order, handing each top-level node to `append` as it is made. */
function $buildBlocks(
  text: string,
  blocks: readonly Block[],
  from: number,
  to: number,
  marks: Marks,
  append: (node: ElementNode, block: number) => void,
): void {
  const lists = new ListBuilder();
  for (let i = from; i <= to; i++) {
    const block = blocks[i]!;
    const body = text.slice(block.start, block.end);
    marks.offset = block.start;
    if (block.type === 'list-item') {
      lists.$add(block, body, marks, (node) => append(node, i));
      continue;
    }
    lists.reset();
    append($createBlock(block, body, marks), i);
  }
}

const cursorOf = (highlights: readonly MarkRange[]): MarkCursor | null => (highlights.length > 0 ? new MarkCursor(highlights) : null);

/**
 * Replaces the root's children with the document, its highlights already in place (ranges that
 * run past the text are cut at its end), and returns its sections. Call inside an editor update.
 */
export function $buildDocument(text: string, blocks: readonly Block[], highlights: readonly MarkRange[] = []): Section[] {
  const root = $getRoot();
  root.clear();
  const marks: Marks = { cursor: cursorOf(highlights), offset: 0 };
  if (blocks.length === 0) {
    // Not canonical (every non-empty document has blocks), but still show every character.
    if (text === '') return [];
    root.append($wholeText(text, marks));
    return [{ start: 0, end: text.length, first: 0, last: -1 }];
  }
  const sections: Section[] = [];
  $buildBlocks(text, blocks, 0, blocks.length - 1, marks, (node, block) => {
    root.append(node);
    sections.push({ start: blocks[block]!.start, end: blocks[block]!.end, first: block, last: block });
  });
  // A section runs to the block before the next one's first: a list takes in the items after its first.
  sections.forEach((section, i) => {
    section.last = (sections[i + 1]?.first ?? blocks.length) - 1;
    section.end = blocks[section.last]!.end;
  });
  return sections;
}

function $wholeText(text: string, marks: Marks): ElementNode {
  const paragraph = $createParagraphNode();
  $appendLines(paragraph, text, marks);
  return paragraph;
}

/** One section built afresh with the highlights that fall in it, as $buildDocument builds it. */
export function $buildSection(text: string, blocks: readonly Block[], section: Section, highlights: readonly MarkRange[]): ElementNode {
  const marks: Marks = { cursor: cursorOf(highlights), offset: section.start };
  if (blocks.length === 0) return $wholeText(text, marks);
  const made: ElementNode[] = [];
  $buildBlocks(text, blocks, section.first, section.last, marks, (node) => made.push(node));
  if (made.length !== 1) throw new Error(`blocks ${section.first}–${section.last} made ${made.length} top-level nodes where the reader has one`);
  return made[0]!;
}
