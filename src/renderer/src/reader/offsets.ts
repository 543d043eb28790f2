// Maps canonical text offsets to places in the Lexical tree and back.
//
// Invariant: an offset is a JavaScript string index (UTF-16 code unit) into the document's
// canonical `text`, exactly as the API's Block ranges and annotation selectors count. The reader
// builds its tree so that the root's text content equals `text` (see build.ts); this module walks
// the tree the way Lexical concatenates text content (block elements joined by "\n\n", inline
// elements such as MarkNode adding nothing), so offsets stay right when marks split text nodes.
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type BaseSelection,
  type EditorState,
  type ElementNode,
  type LexicalNode,
  type NodeKey,
  type TextNode,
} from 'lexical';

const BLOCK_GAP = 2; // "\n\n", Lexical's separator between block elements, and canonical text's

export interface Range {
  start: number;
  end: number;
}

export interface TextSpan extends Range {
  node: TextNode;
}

/** A Lexical selection point, as RangeSelection anchors and foci are written. */
export interface PointAt {
  key: NodeKey;
  offset: number;
  type: 'text' | 'element';
}

/** Which side wins when an offset falls between two text nodes or in a gap between blocks. */
export type Bias = 'forward' | 'backward';

/**
 * Indexes of committed editor states. A walk over a book-length tree costs milliseconds, and a
 * highlight made with the keyboard needs the offsets of the same state several times over.
 */
const committed = new WeakMap<EditorState, OffsetIndex>();

/**
 * The offsets of one editor state, built in one walk. Build it inside editor.read/update and use
 * it within the same call: node keys and ranges are those of that state.
 */
export class OffsetIndex {
  private readonly ranges = new Map<NodeKey, Range>();
  private readonly texts: TextSpan[] = [];
  length = 0;

  static $build(root: ElementNode = $getRoot()): OffsetIndex {
    const index = new OffsetIndex();
    index.length = index.walk(root, 0);
    return index;
  }

  /**
   * The index of a committed (frozen) editor state, built at most once. It stays valid inside an
   * update that starts from that state until the update changes the tree; node references in it
   * are resolved through their keys, so they work in that update too.
   */
  static of(state: EditorState): OffsetIndex {
    let index = committed.get(state);
    if (!index) {
      index = state.read(() => OffsetIndex.$build());
      committed.set(state, index);
    }
    return index;
  }

  /** Whether `of` would answer at once. */
  static has(state: EditorState): boolean {
    return committed.has(state);
  }

  /**
   * Hands an index on to the next state when an update changed no node (only the selection, as
   * every caret move does), so that moving the caret does not cost a walk over the whole tree.
   */
  static carry(from: EditorState, to: EditorState): void {
    const index = committed.get(from);
    if (index && !committed.has(to)) committed.set(to, index);
  }

  private walk(element: ElementNode, start: number): number {
    let position = start;
    // Sibling links rather than getChildren(): no array per element over thousands of them.
    for (let child = element.getFirstChild(); child !== null;) {
      const next: LexicalNode | null = child.getNextSibling();
      if ($isElementNode(child)) {
        position = this.walk(child, position);
        if (next !== null && !child.isInline()) position += BLOCK_GAP;
      } else {
        const size = child.getTextContentSize();
        this.ranges.set(child.getKey(), { start: position, end: position + size });
        if ($isTextNode(child) && size > 0) this.texts.push({ node: child, start: position, end: position + size });
        position += size;
      }
      child = next;
    }
    // An element's own range ends where its text ends, before any gap that follows it.
    this.ranges.set(element.getKey(), { start, end: position });
    return position;
  }

  /** The range a node covers (for an element, its text without the gap after it). */
  rangeOf(node: LexicalNode): Range | null {
    return this.ranges.get(node.getKey()) ?? null;
  }

  /** The canonical offset of a selection point, or null when the point is not in this tree. */
  offsetOf(point: PointAt): number | null {
    const node = $getNodeByKey(point.key);
    const range = this.ranges.get(point.key);
    if (!node || !range) return null;
    if (point.type === 'text') return Math.min(range.start + point.offset, range.end);
    if (!$isElementNode(node)) return point.offset === 0 ? range.start : range.end;
    const child = node.getChildAtIndex(point.offset);
    return child ? (this.ranges.get(child.getKey())?.start ?? range.end) : range.end;
  }

  /** A text point for an offset; between nodes and in gaps the bias picks the side. */
  pointAt(offset: number, bias: Bias = 'forward'): PointAt | null {
    const texts = this.texts;
    if (texts.length === 0) return null;
    const clamped = Math.max(0, Math.min(offset, this.length));
    // First text span whose end reaches the offset.
    let low = 0;
    let high = texts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (texts[mid]!.end < clamped) low = mid + 1;
      else high = mid;
    }
    let span = texts[low];
    if (span && clamped === span.end && bias === 'forward' && texts[low + 1]?.start === clamped) span = texts[low + 1];
    if (span && clamped >= span.start) return { key: span.node.getKey(), offset: clamped - span.start, type: 'text' };
    // The offset sits in a gap, on a line break, or past the last text: take the nearest side.
    const before = texts[low - 1];
    if (span && (bias === 'forward' || !before)) return { key: span.node.getKey(), offset: 0, type: 'text' };
    return { key: before!.node.getKey(), offset: before!.end - before!.start, type: 'text' };
  }

  /** The text nodes that overlap [start, end), each with its own range. */
  textSpansIn(start: number, end: number): TextSpan[] {
    const texts = this.texts;
    // Spans are in document order and do not overlap: find the first that ends after start.
    let low = 0;
    let high = texts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (texts[mid]!.end <= start) low = mid + 1;
      else high = mid;
    }
    const out: TextSpan[] = [];
    for (let i = low; i < texts.length && texts[i]!.start < end; i++) out.push(texts[i]!);
    return out;
  }

  /** The canonical range of a selection, start before end whichever way it was made. */
  rangeOfSelection(selection: BaseSelection | null): Range | null {
    if (!$isRangeSelection(selection)) return null;
    const a = this.offsetOf(selection.anchor);
    const b = this.offsetOf(selection.focus);
    if (a === null || b === null) return null;
    return { start: Math.min(a, b), end: Math.max(a, b) };
  }

  /** Selects [start, end) in the editor. Call inside editor.update. */
  $select(start: number, end: number): boolean {
    const anchor = this.pointAt(start, 'forward');
    const focus = this.pointAt(end, start === end ? 'forward' : 'backward');
    if (!anchor || !focus) return false;
    const selection = $createRangeSelection();
    selection.anchor.set(anchor.key, anchor.offset, anchor.type);
    selection.focus.set(focus.key, focus.offset, focus.type);
    $setSelection(selection);
    return true;
  }
}
