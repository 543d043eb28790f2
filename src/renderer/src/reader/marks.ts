// Highlights in the reader's Lexical tree: MarkNodes whose ids are annotation ids. They are cut
// while the tree is built (one pass, no wrapping afterwards), added or removed one at a time, and
// read back as canonical ranges. Every function here works headless, without a DOM.
import { $createMarkNode, $isMarkNode, $unwrapMarkNode, type MarkNode } from '@lexical/mark';
import { $getNodeByKey, $getRoot, $isElementNode, type ElementNode, type NodeKey, type TextNode } from 'lexical';
import { OffsetIndex, type Range } from './offsets';

export interface MarkRange extends Range {
  id: string;
}

export interface Segment extends Range {
  /** The highlights covering this piece, outermost first; empty for plain text. */
  ids: string[];
}

/**
 * Cuts text into pieces wherever the set of covering highlights changes. Queries must come in
 * increasing order (as the tree is built), which keeps the whole build one sweep over the ranges.
 */
export class MarkCursor {
  private readonly sorted: MarkRange[];
  private next = 0;
  private active: MarkRange[] = [];

  constructor(ranges: readonly MarkRange[]) {
    this.sorted = ranges.filter((range) => range.end > range.start).sort((a, b) => a.start - b.start || b.end - a.end);
  }

  segments(from: number, to: number): Segment[] {
    while (this.next < this.sorted.length && this.sorted[this.next]!.start < to) this.active.push(this.sorted[this.next++]!);
    if (this.active.length > 0) this.active = this.active.filter((range) => range.end > from);
    if (this.active.length === 0) return [{ start: from, end: to, ids: [] }];
    const cuts = new Set<number>([from, to]);
    for (const range of this.active) {
      if (range.start > from && range.start < to) cuts.add(range.start);
      if (range.end > from && range.end < to) cuts.add(range.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      out.push({ start, end, ids: this.active.filter((range) => range.start <= start && range.end >= end).map((range) => range.id) });
    }
    return out;
  }
}

/** Puts one piece of text under a highlight, keeping marks flat: one MarkNode level, never nested. */
function $markPiece(piece: TextNode, id: string): void {
  const parent = piece.getParent();
  if (!$isMarkNode(parent)) {
    const mark = $createMarkNode([id]);
    piece.insertBefore(mark);
    mark.append(piece);
    return;
  }
  if (parent.hasID(id)) return;
  if (parent.getChildrenSize() === 1) {
    parent.addID(id);
    return;
  }
  // Part of an existing highlight: split it into before, this piece (both ids), and after.
  const ids = parent.getIDs();
  const before = piece.getPreviousSiblings();
  const after = piece.getNextSiblings();
  const middle = $createMarkNode([...ids, id]);
  parent.insertAfter(middle);
  middle.append(piece);
  if (after.length > 0) {
    const rest = $createMarkNode(ids);
    middle.insertAfter(rest);
    rest.append(...after);
  }
  if (before.length === 0) parent.remove();
}

/**
 * Highlights [start, end) with this id: text nodes are split at its ends and each piece joins a
 * mark, so work is proportional to the highlight, not the document. Overlaps split existing marks
 * and the shared pieces carry both ids. Leaves a caret at the highlight's end.
 */
/** `index` must describe the tree as it stands: build a fresh one after any other change. */
export function $addMark(id: string, start: number, end: number, index: OffsetIndex = OffsetIndex.$build()): boolean {
  if (end <= start) return false;
  const spans = index.textSpansIn(start, end);
  let last: TextNode | null = null;
  for (const span of spans) {
    if (!span.node.isAttached()) continue;
    const from = Math.max(start, span.start) - span.start;
    const to = Math.min(end, span.end) - span.start;
    const size = span.end - span.start;
    const parts = span.node.splitText(...[from, to].filter((at) => at > 0 && at < size));
    const piece = parts[from > 0 ? 1 : 0];
    if (!piece) continue;
    $markPiece(piece, id);
    last = piece;
  }
  if (!last) return false;
  // A highlight added over, or next to, one with the same ids (moved by a correction, added again
  // by a sync) would otherwise leave two marks side by side where there is one highlight.
  for (const span of spans) {
    const mark = span.node.isAttached() ? span.node.getParent() : null;
    if ($isMarkNode(mark) && mark.isAttached()) $joinNeighbours(mark);
  }
  const size = last.getTextContentSize();
  last.select(size, size);
  return true;
}

function $marksIn(element: ElementNode, out: MarkNode[]): void {
  for (const child of element.getChildren()) {
    if ($isMarkNode(child)) out.push(child);
    if ($isElementNode(child)) $marksIn(child, out);
  }
}

/** Every MarkNode, in document order. */
export function $allMarks(): MarkNode[] {
  const out: MarkNode[] = [];
  $marksIn($getRoot(), out);
  return out;
}

/** Takes one highlight out; `keys` (from a MarkRegistry) saves the walk over the whole tree. */
export function $removeMark(id: string, keys?: Iterable<NodeKey>): void {
  const marks = keys ? [...keys].map((key) => $getNodeByKey(key)).filter($isMarkNode) : $allMarks();
  const kept: MarkNode[] = [];
  for (const mark of marks) {
    if (!mark.hasID(id)) continue;
    if (mark.getIDs().length === 1) $unwrapMarkNode(mark);
    else {
      mark.deleteID(id);
      kept.push(mark);
    }
  }
  // Where the removed highlight overlapped another, that one was cut in pieces around it; with
  // the cut gone the pieces carry the same ids and are joined again, so a highlight that moves
  // (removed, then added at its new place) never leaves its neighbours in fragments.
  for (const mark of kept) if (mark.isAttached()) $joinNeighbours(mark);
}

const sameIds = (a: MarkNode, b: MarkNode): boolean => {
  const ids = a.getIDs();
  const other = b.getIDs();
  return ids.length === other.length && ids.every((id) => other.includes(id));
};

/** Folds the adjacent marks that carry exactly this mark's ids into it. */
function $joinNeighbours(mark: MarkNode): void {
  let previous = mark.getPreviousSibling();
  while ($isMarkNode(previous) && sameIds(previous, mark)) {
    const children = previous.getChildren();
    if (children.length > 0) mark.getFirstChildOrThrow().insertBefore(children[0]!);
    for (let i = 1; i < children.length; i++) children[i - 1]!.insertAfter(children[i]!);
    previous.remove();
    previous = mark.getPreviousSibling();
  }
  let next = mark.getNextSibling();
  while ($isMarkNode(next) && sameIds(next, mark)) {
    mark.append(...next.getChildren());
    next.remove();
    next = mark.getNextSibling();
  }
}

/** Gives a highlight a new id (a provisional one becomes the stored annotation's). */
export function $renameMark(from: string, to: string, keys?: Iterable<NodeKey>): void {
  const marks = keys ? [...keys].map((key) => $getNodeByKey(key)).filter($isMarkNode) : $allMarks();
  for (const mark of marks) {
    if (!mark.hasID(from)) continue;
    mark.deleteID(from);
    mark.addID(to);
  }
}

/** Where each highlight is, from its first to its last marked character. */
export function $readMarkRanges(index: OffsetIndex = OffsetIndex.$build()): Map<string, Range> {
  const ranges = new Map<string, Range>();
  for (const mark of $allMarks()) {
    const range = index.rangeOf(mark);
    if (!range || range.end <= range.start) continue;
    for (const id of mark.getIDs()) {
      const known = ranges.get(id);
      if (!known) ranges.set(id, { start: range.start, end: range.end });
      else ranges.set(id, { start: Math.min(known.start, range.start), end: Math.max(known.end, range.end) });
    }
  }
  return ranges;
}
