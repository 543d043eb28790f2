// Reads corrected text back out of the reader's tree as blocks, the form documents.updateText
// takes: the inverse of build.ts, so an unchanged tree gives back the document's own blocks.
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $getRoot, $isElementNode, $isTextNode, type ElementNode } from 'lexical';
import type { BlockInput } from '../../../shared/canonical';

function $isPreformatted(element: ElementNode): boolean {
  const texts = element.getAllTextNodes();
  return texts.length > 0 && texts.every((node) => $isTextNode(node) && node.hasFormat('code'));
}

function $listItems(list: ListNode, depth: number, out: BlockInput[]): void {
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    const nested = item.getChildren().filter($isListNode);
    if (nested.length > 0 && nested.length === item.getChildrenSize()) {
      for (const inner of nested) $listItems(inner, depth + 1, out);
      continue;
    }
    out.push({ type: 'list-item', level: depth, ordered: list.getListType() === 'number', text: item.getTextContent() });
  }
}

/** The tree's blocks in order; empty ones are kept out (canonical text has none). */
export function $readBlocks(): BlockInput[] {
  const out: BlockInput[] = [];
  for (const node of $getRoot().getChildren()) {
    if ($isListNode(node)) {
      $listItems(node, 1, out);
      continue;
    }
    if (!$isElementNode(node)) continue;
    const text = node.getTextContent();
    if (text.trim() === '') continue;
    if ($isHeadingNode(node)) out.push({ type: 'heading', level: Number(node.getTag().slice(1)), text });
    else if ($isQuoteNode(node)) out.push({ type: 'quote', text });
    else if ($isPreformatted(node)) out.push({ type: 'preformatted', text });
    else out.push({ type: 'paragraph', text });
  }
  return out;
}
