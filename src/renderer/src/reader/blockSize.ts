// Blocks out of sight skip their rendering from the first frame (content-visibility in reader.css):
// laying out the whole of a book-length text before showing its first page cost more than the rest
// of opening it. Until a block has been rendered once (then Chromium remembers its height), its
// height is estimated from its length, so the scroll bar is about right from the start.
import { $isElementNode, type LexicalNode } from 'lexical';

/** About what the reading column (70ch) holds of running text. */
const CHARACTERS_PER_LINE = 75;

/** For the editor's $decorateDOM: gives each top-level block the number of lines it will take. */
export function $estimateBlockSize(node: LexicalNode, element: HTMLElement): void {
  if (node.__parent !== 'root' || !$isElementNode(node)) return;
  element.style.setProperty('--lines', String(Math.max(1, Math.ceil(node.getTextContentSize() / CHARACTERS_PER_LINE))));
}
