// Keeps the reader's highlights in step with the annotation store: adds, removes and renames
// MarkNodes as annotations come and go (only the changed ones), styles each mark after its
// kind, and joins marks and cards both ways (click a mark to select its card; reveal a card's mark).
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { $getNodeByKey, $getSelection, $isRangeSelection, $setSelection, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import type { Block } from '../../../shared/canonical';
import type { Annotation, Kind } from '../../../shared/model';
import type { AnnotationStore } from '../annotations/store';
import { $buildDocument } from './build';
import { $addMark, $removeMark, $renameMark, type MarkRange } from './marks';
import { OffsetIndex, type Range } from './offsets';

/** Underline styles, so that kinds differ by more than their colour; kinds take them in order. */
export const KIND_STYLES = ['solid', 'double', 'dotted', 'wavy', 'dashed'] as const;
const FLASH_MS = 1_400;
const DEFAULT_COLOR = '#f2c94c';
const WARM_AFTER_MS = 250;
/**
 * The root's class once the page has rendered every block once (each records its height): from
 * then on blocks out of sight skip their rendering (reader.css). Chromium otherwise pays for each
 * change in the editing host, such as a new highlight, with a pass over every block's layout.
 */
export const READING_SKIPS_CLASS = 'reading-skips';
/** Past this many changes at once (a first load, another window's bulk edit), building the tree afresh is cheaper. */
const REBUILD_AT = 60;

/** The highlights an annotation list asks for: placed ones only (orphans have no place). */
export function wantedRanges(rows: readonly Annotation[]): MarkRange[] {
  return rows.filter((row) => row.anchor !== 'orphaned' && row.end > row.start).map((row) => ({ id: row.id, start: row.start, end: row.end }));
}

/** Of the highlights a mark carries, the innermost (started last, ends first) is the one shown on top. */
function primaryOf(ids: readonly string[], rows: ReadonlyMap<string, Annotation>): string | undefined {
  let best: Annotation | undefined;
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) continue;
    if (!best || row.start > best.start || (row.start === best.start && row.end < best.end)) best = row;
  }
  return best?.id ?? ids[0];
}

/**
 * Gives a mark element its annotations, kind and colour as Lexical creates it, before the page
 * first styles it: styling marks once they are in the page costs a pass over thousands of them,
 * and each would start a colour transition from the default yellow to its kind's colour.
 */
export class MarkPainter {
  rows: ReadonlyMap<string, Annotation>;
  selected: string | null;
  private kinds: readonly Kind[] = [];
  private positions = new Map<string, number>();

  constructor(private readonly store: AnnotationStore) {
    const view = store.getView();
    this.rows = new Map(view.rows.map((row) => [row.id, row]));
    this.selected = view.selectedId;
  }

  /** For the editor's $decorateDOM: paints marks that are new or whose highlights changed. */
  decorate(node: LexicalNode, previous: LexicalNode | null, element: HTMLElement): void {
    if (!$isMarkNode(node)) return;
    // Read the fields, not getIDs(): during reconciliation getIDs() answers from the next state.
    const ids = node.__ids;
    if (previous && $isMarkNode(previous) && sameIds(previous.__ids, ids)) return;
    this.paint(element, ids);
  }

  paint(element: HTMLElement, ids: readonly string[]): void {
    const kinds = this.kindList();
    const primary = primaryOf(ids, this.rows);
    const row = primary ? this.rows.get(primary) : undefined;
    const position = row ? (this.positions.get(row.kindId) ?? -1) : -1;
    const outer = ids.find((id) => id !== primary);
    const outerRow = outer ? this.rows.get(outer) : undefined;
    const outerPosition = outerRow ? (this.positions.get(outerRow.kindId) ?? -1) : -1;
    // setAttribute rather than dataset: thousands of marks are painted while a document opens.
    element.setAttribute('data-ids', ids.join(' '));
    if (primary) element.setAttribute('data-primary', primary);
    else element.removeAttribute('data-primary');
    element.setAttribute('data-style', KIND_STYLES[Math.max(0, position) % KIND_STYLES.length]!);
    element.style.setProperty('--hl', kinds[position]?.color ?? DEFAULT_COLOR);
    if (outerPosition >= 0) element.style.setProperty('--hl-outer', kinds[outerPosition]!.color);
    else if (element.style.length > 1) element.style.removeProperty('--hl-outer');
    // The tooltip is written when the pointer first rests on the mark (see titleOf).
    if (element.hasAttribute('title')) element.removeAttribute('title');
    const selected = this.selected !== null && ids.includes(this.selected);
    if (selected || element.classList.length > 1) element.classList.toggle('rd-mark-selected', selected);
  }

  /** The kinds of a mark's highlights, for its tooltip. */
  titleOf(ids: readonly string[]): string {
    return ids
      .map((id) => this.rows.get(id))
      .filter((r): r is Annotation => r !== undefined)
      .map((r) => this.store.kind(r.kindId)?.name ?? 'Highlight')
      .join(' + ');
  }

  private kindList(): readonly Kind[] {
    const kinds = this.store.getView().kinds;
    if (kinds !== this.kinds) {
      this.kinds = kinds;
      this.positions = new Map(kinds.map((kind, i) => [kind.id, i]));
    }
    return kinds;
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((id, i) => id === b[i]));
}

export class HighlightLayer {
  private readonly applied = new Map<string, Range>();
  private readonly keysById = new Map<string, Set<NodeKey>>();
  private readonly idsByKey = new Map<NodeKey, string[]>();
  private rows = new Map<string, Annotation>();
  private kinds: readonly unknown[] = [];
  private paused = false;
  /** The pending warm-up: its timer, then its idle callback. */
  private warming: { timer: number } | { idle: number } | null = null;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly store: AnnotationStore,
    private readonly doc: { text: string; blocks: readonly Block[] },
    initial: readonly MarkRange[],
    private readonly painter: MarkPainter,
  ) {
    for (const range of initial) this.applied.set(range.id, { start: range.start, end: range.end });
    this.rows = new Map(painter.rows);
    this.kinds = store.getView().kinds;
  }

  register(): () => void {
    const editor = this.editor;
    const offMutations = editor.registerMutationListener(MarkNode, (mutations) => {
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          const old = this.idsByKey.get(key) ?? [];
          for (const id of old) this.keysById.get(id)?.delete(key);
          if (mutation === 'destroyed') {
            this.idsByKey.delete(key);
            continue;
          }
          const node = $getNodeByKey(key);
          const ids = $isMarkNode(node) ? node.getIDs() : [];
          this.idsByKey.set(key, ids);
          for (const id of ids) {
            const keys = this.keysById.get(id) ?? new Set<NodeKey>();
            keys.add(key);
            this.keysById.set(id, keys);
          }
        }
      });
    });
    const offIndex = editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) OffsetIndex.carry(prevEditorState, editorState);
      else this.warmIndex();
    });
    const offStore = this.store.subscribe(() => this.sync());
    const offReveal = this.store.onReveal((id, target) => {
      if (target !== 'panel') this.reveal(id);
    });
    const offRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', this.onClick);
      previous?.removeEventListener('mouseover', this.onHover);
      root?.addEventListener('click', this.onClick);
      root?.addEventListener('mouseover', this.onHover);
    });
    const offSkips = editor.registerRootListener((root) => {
      if (!root) return;
      // Two frames: the first renders every block and records its height for the skipping to use.
      let frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => root.classList.add(READING_SKIPS_CLASS));
      });
      return () => {
        cancelAnimationFrame(frame);
        root.classList.remove(READING_SKIPS_CLASS);
      };
    });
    this.sync();
    this.warmIndex();
    return () => {
      offSkips();
      offMutations();
      offIndex();
      offStore();
      offReveal();
      offRoot();
      if (this.warming && 'timer' in this.warming) clearTimeout(this.warming.timer);
      else if (this.warming) cancelIdleCallback(this.warming.idle);
    };
  }

  /** While the text is being corrected, positions move under the marks: stop placing them. */
  pause(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.sync();
  }

  /** The mark elements of one highlight, in document order. */
  elementsOf(id: string): HTMLElement[] {
    const keys = this.keysById.get(id);
    if (!keys) return [];
    return [...keys].map((key) => this.editor.getElementByKey(key)).filter((element): element is HTMLElement => element !== null);
  }

  /**
   * Builds the offsets of the text as it now stands while the page is idle, so that the next
   * highlight made with the keyboard finds them ready instead of walking the tree in its keydown.
   * Not while the text is being corrected: every keystroke there makes a new tree.
   */
  private warmIndex(): void {
    if (this.paused || this.warming !== null) return;
    // After a pause first: right after a document opens, or a highlight is made, the page is
    // still busy painting, and an idle callback there would still fall inside that work.
    this.warming = {
      timer: window.setTimeout(() => {
        this.warming = {
          idle: requestIdleCallback(() => {
            this.warming = null;
            if (!this.paused) OffsetIndex.of(this.editor.getEditorState());
          }),
        };
      }, WARM_AFTER_MS),
    };
  }

  private sync(): void {
    const view = this.store.getView();
    const kindsChanged = view.kinds !== this.kinds;
    this.kinds = view.kinds;
    const previous = this.rows;
    this.rows = new Map(view.rows.map((row) => [row.id, row]));
    const previousSelected = this.painter.selected;
    // Marks created by the update below are painted from these as Lexical makes them.
    this.painter.rows = this.rows;
    this.painter.selected = view.selectedId;
    this.restyle(previous, previousSelected, kindsChanged);
    if (this.paused) return;
    const wanted = new Map(wantedRanges(view.rows).map((range) => [range.id, range]));
    const removals: string[] = [];
    const renames: [string, string][] = [];
    for (const id of this.applied.keys()) {
      const range = wanted.get(id);
      if (range && range.start === this.applied.get(id)!.start && range.end === this.applied.get(id)!.end) continue;
      const to = this.store.renamed.get(id);
      const target = to ? wanted.get(to) : undefined;
      if (to && target && !this.applied.has(to) && target.start === this.applied.get(id)!.start && target.end === this.applied.get(id)!.end)
        renames.push([id, to]);
      else removals.push(id);
    }
    const removed = new Set(removals);
    const additions = [...wanted.values()].filter((range) => {
      const known = this.applied.get(range.id);
      return !known || known.start !== range.start || known.end !== range.end || removed.has(range.id);
    });
    const renamedTo = new Set(renames.map(([, to]) => to));
    const toAdd = additions.filter((range) => !renamedTo.has(range.id));
    if (removals.length === 0 && renames.length === 0 && toAdd.length === 0) return;
    if (removals.length + toAdd.length > REBUILD_AT) {
      this.editor.update(() => $buildDocument(this.doc.text, this.doc.blocks, [...wanted.values()]), { tag: 'gloss-highlight' });
      this.applied.clear();
      for (const range of wanted.values()) this.applied.set(range.id, { start: range.start, end: range.end });
      return;
    }
    // editor.read() first commits any update still pending, so the update below starts from the
    // state this index describes. Removing and renaming marks moves no text and keeps every text
    // node, so the index still holds for the first addition after them.
    const index = toAdd.length > 0 ? this.editor.read(() => OffsetIndex.of(this.editor.getEditorState())) : null;
    this.editor.update(
      () => {
        for (const id of removals) {
          $removeMark(id, this.keysById.get(id));
          this.applied.delete(id);
        }
        for (const [from, to] of renames) {
          $renameMark(from, to, this.keysById.get(from));
          this.applied.set(to, this.applied.get(from)!);
          this.applied.delete(from);
        }
        if (!index) return;
        const selection = $getSelection();
        const caret = $isRangeSelection(selection) && selection.isCollapsed() ? index.rangeOfSelection(selection) : null;
        // Each addition splits text nodes, so each after the first needs an index of the tree as it then stands.
        toAdd.forEach((range, i) => {
          if ($addMark(range.id, range.start, range.end, i === 0 ? index : OffsetIndex.$build()))
            this.applied.set(range.id, { start: range.start, end: range.end });
        });
        // A highlight made here leaves the caret at its end; one from elsewhere leaves it alone.
        if (caret) OffsetIndex.$build().$select(caret.start, caret.start);
        else if (!selection) $setSelection(null);
      },
      { tag: 'gloss-highlight' },
    );
  }

  /** Restyles marks whose annotation changed kind, and those of the selected highlight before and now. */
  private restyle(previous: Map<string, Annotation>, previousSelected: string | null, all: boolean): void {
    const ids = new Set<string>();
    const selected = this.painter.selected;
    if (previousSelected !== selected) {
      if (previousSelected) ids.add(previousSelected);
      if (selected) ids.add(selected);
    }
    for (const row of this.rows.values()) {
      const before = previous.get(row.id);
      if (all || (before && before.kindId !== row.kindId)) ids.add(row.id);
    }
    const keys = new Set<NodeKey>();
    for (const id of ids) for (const key of this.keysById.get(id) ?? []) keys.add(key);
    for (const key of keys) {
      const element = this.editor.getElementByKey(key);
      const markIds = this.idsByKey.get(key);
      if (element && markIds) this.painter.paint(element, markIds);
    }
  }

  private readonly onHover = (event: MouseEvent): void => {
    const mark = (event.target as HTMLElement | null)?.closest?.('mark');
    if (!mark || mark.hasAttribute('title')) return;
    mark.title = this.painter.titleOf((mark.dataset.ids ?? '').split(' ').filter(Boolean));
  };

  private readonly onClick = (event: MouseEvent): void => {
    const mark = (event.target as HTMLElement | null)?.closest?.('mark');
    if (!mark) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // the end of a drag, not a click
    const ids = (mark.dataset.ids ?? '').split(' ').filter(Boolean);
    // Clicking the same place again steps out to the highlight around the selected one.
    const current = this.store.getView().selectedId;
    const at = current ? ids.indexOf(current) : -1;
    const id = at > 0 ? ids[at - 1] : (mark.dataset.primary ?? ids[0]);
    if (id) this.store.select(id, 'panel');
  };

  private reveal(id: string): void {
    const elements = this.elementsOf(id);
    const first = elements[0];
    if (!first) return;
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const element of elements) {
      element.classList.remove('rd-mark-flash');
      // Reading the layout restarts the animation when the same highlight is revealed twice.
      void element.offsetWidth;
      element.classList.add('rd-mark-flash');
    }
    setTimeout(() => {
      for (const element of this.elementsOf(id)) element.classList.remove('rd-mark-flash');
    }, FLASH_MS);
  }
}
