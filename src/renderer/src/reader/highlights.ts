// Keeps the reader's highlights in step with the annotation store: adds, removes and renames
// MarkNodes as annotations come and go (only the changed ones), styles each mark after its
// kind, and joins marks and cards both ways (click a mark to select its card; reveal a card's mark).
import { $isMarkNode, MarkNode } from '@lexical/mark';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { Kind, Placement } from '../../../shared/model';
import type { AnnotationStore } from '../annotations/store';
import { $addMark, $removeMark, $renameMark, type MarkRange } from './marks';
import { OffsetIndex, type Range } from './offsets';
import type { SectionMarks } from './sections';

/** Underline styles, so that kinds differ by more than their colour; kinds take them in order. */
export const KIND_STYLES = ['solid', 'double', 'dotted', 'wavy', 'dashed'] as const;
const FLASH_MS = 1_400;
const DEFAULT_COLOR = '#f2c94c';
const WARM_AFTER_MS = 250;
/**
 * Updates that place highlights: they keep the caret where it was or put it at a new highlight's
 * end, but never scroll the text to it (a highlight from another window must not move this one's
 * page), which also spares a layout of the page to find where the caret is.
 */
const HIGHLIGHT_TAGS = ['gloss-highlight', SKIP_SCROLL_INTO_VIEW_TAG];
/** Past this many changes at once (a first load, another window's bulk edit), building the tree afresh is cheaper. */
const REBUILD_AT = 60;
/** Sections built in one idle moment while the rest of a long text waits for its highlights. */
const IDLE_SECTIONS = 40;
/** Sections this far off screen (in screen heights) are built before they scroll into view. */
const NEAR_SCREENS = 1.5;
/** The root's data-highlights while some highlights wait for their sections (sections.ts), and once none do. */
export const HIGHLIGHTS_STATE = { waiting: 'waiting', complete: 'complete' } as const;

/** Of the highlights a mark carries, the innermost (started last, ends first) is the one shown on top. */
function primaryOf(ids: readonly string[], rows: ReadonlyMap<string, Placement>): string | undefined {
  let best: Placement | undefined;
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
  rows: ReadonlyMap<string, Placement>;
  selected: string | null;
  private kinds: readonly Kind[] = [];
  private positions = new Map<string, number>();

  constructor(private readonly store: AnnotationStore) {
    const view = store.getView();
    this.rows = new Map(view.marks.map((mark) => [mark.id, mark]));
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
      .filter((r): r is Placement => r !== undefined)
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
  /** Highlights whose sections are not built yet: they come into the tree with their section. */
  private readonly waiting = new Map<string, MarkRange>();
  private observer: IntersectionObserver | null = null;
  /** Unbuilt sections near the screen, as the observer last reported them. */
  private readonly near = new Set<number>();
  /** The text was shown before its highlights were known (they could not be had); the first list is placed like an opening. */
  private awaitingLoad: boolean;
  private readonly observed = new Map<number, Element>();
  /** The section each observed element is (not written on the element: a thousand attributes set is a thousand styles to recompute). */
  private readonly sectionOf = new Map<Element, number>();
  /** The pending background build: its timer, then its idle callback. */
  private idle: { timer: number } | { idle: number } | null = null;
  private readonly keysById = new Map<string, Set<NodeKey>>();
  private readonly idsByKey = new Map<NodeKey, string[]>();
  private rows = new Map<string, Placement>();
  private kinds: readonly unknown[] = [];
  private paused = false;
  /** The pending warm-up: its timer, then its idle callback. */
  private warming: { timer: number } | { idle: number } | null = null;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly store: AnnotationStore,
    private readonly sections: SectionMarks,
    /** The highlights the tree was opened with, and which of them it holds. */
    opened: { wanted: readonly MarkRange[]; built: readonly MarkRange[] },
    private readonly painter: MarkPainter,
  ) {
    this.awaitingLoad = !store.getView().placed;
    for (const range of opened.built) this.applied.set(range.id, { start: range.start, end: range.end });
    for (const range of opened.wanted) if (!this.applied.has(range.id)) this.waiting.set(range.id, range);
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
    const offWaiting = editor.registerRootListener((root) => {
      if (!root) return;
      this.showState();
      // After the first frame is painted: setting out to watch a thousand sections is no part of showing the first page.
      let timer = 0;
      const frame = requestAnimationFrame(() => {
        timer = window.setTimeout(() => this.watch(root), 0);
      });
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        this.unwatch();
      };
    });
    this.sync();
    this.warmIndex();
    return () => {
      offWaiting();
      offMutations();
      offIndex();
      offStore();
      offReveal();
      offRoot();
      if (this.warming && 'timer' in this.warming) clearTimeout(this.warming.timer);
      else if (this.warming) cancelIdleCallback(this.warming.idle);
    };
  }

  /**
   * While the text is being corrected, positions move under the marks: stop placing them. Every
   * highlight is built first, so the whole text is corrected with its highlights in view.
   */
  pause(paused: boolean): void {
    if (paused && !this.paused) this.buildSections(this.sections.nextUnbuilt(Infinity), true);
    this.paused = paused;
    if (!paused) this.sync();
  }

  /** Builds the sections that come near the screen, and the rest a few at a time while the page is idle. */
  private watch(root: HTMLElement): void {
    if (this.sections.complete) return this.showState();
    const scroller = root.closest('.reader-scroll');
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = this.sectionOf.get(entry.target);
          if (index === undefined) continue;
          if (entry.isIntersecting && !this.sections.isBuilt(index)) this.near.add(index);
          else this.near.delete(index);
        }
        // Until the annotations arrive there is nothing to build a section with.
        if (this.near.size > 0 && !this.awaitingLoad) this.buildSections([...this.near]);
      },
      { root: scroller, rootMargin: `${NEAR_SCREENS * 100}% 0px` },
    );
    const children = root.children;
    for (let i = 0; i < children.length; i++) {
      if (this.sections.isBuilt(i)) continue;
      const element = children[i]!;
      this.sectionOf.set(element, i);
      this.observer.observe(element);
      this.observed.set(i, element);
    }
    this.showState();
    this.buildWhenIdle();
  }

  private unwatch(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.observed.clear();
    this.sectionOf.clear();
    if (this.idle && 'timer' in this.idle) clearTimeout(this.idle.timer);
    else if (this.idle) cancelIdleCallback(this.idle.idle);
    this.idle = null;
  }

  /** After a pause first, as for warming the index: right after opening, the page is still busy. */
  private buildWhenIdle(after = WARM_AFTER_MS): void {
    if (this.idle !== null || this.sections.complete || this.awaitingLoad) return;
    const build = () => {
      this.idle = {
        idle: requestIdleCallback(() => {
          this.idle = null;
          if (this.paused) return;
          this.buildSections(this.sections.nextUnbuilt(IDLE_SECTIONS));
          this.buildWhenIdle(0);
        }),
      };
    };
    if (after === 0) return build();
    this.idle = { timer: window.setTimeout(build, after) };
  }

  private showState(): void {
    const root = this.editor.getRootElement();
    if (!root) return;
    root.setAttribute('data-highlights', this.sections.complete ? HIGHLIGHTS_STATE.complete : HIGHLIGHTS_STATE.waiting);
  }

  /** Builds sections with the highlights waiting for them (and the sections those run on into). */
  private buildSections(indexes: readonly number[], discrete = false): void {
    const ranges = [...this.waiting.values()];
    const todo = this.sections.closure(indexes, ranges);
    if (todo.length === 0) return;
    this.editor.update(() => this.$buildSections(todo, ranges), discrete ? { tag: HIGHLIGHT_TAGS, discrete: true } : { tag: HIGHLIGHT_TAGS });
  }

  private $buildSections(todo: readonly number[], ranges: readonly MarkRange[]): void {
    const selection = $getSelection();
    // A selection inside a section about to be rebuilt would point at nodes that are gone.
    let kept: Range | null = null;
    if ($isRangeSelection(selection)) {
      const inside = [selection.anchor, selection.focus].some((point) => todo.includes(point.getNode().getTopLevelElement()?.getIndexWithinParent() ?? -1));
      if (inside) kept = OffsetIndex.$build().rangeOfSelection(selection);
    }
    for (const range of this.sections.$build(todo, ranges)) {
      this.applied.set(range.id, { start: range.start, end: range.end });
      this.waiting.delete(range.id);
    }
    if (kept) OffsetIndex.$build().$select(kept.start, kept.end);
    for (const i of todo) {
      this.near.delete(i);
      const element = this.observed.get(i);
      if (element) {
        this.observer?.unobserve(element);
        this.sectionOf.delete(element);
      }
      this.observed.delete(i);
    }
    this.showState();
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
    // Not while sections are still being built: each of them makes the index anew.
    if (this.paused || this.warming !== null || !this.sections.complete) return;
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
    this.rows = new Map(view.marks.map((mark) => [mark.id, mark]));
    const previousSelected = this.painter.selected;
    // Marks created by the update below are painted from these as Lexical makes them.
    this.painter.rows = this.rows;
    this.painter.selected = view.selectedId;
    this.restyle(previous, previousSelected, kindsChanged);
    if (this.paused) return;
    const wanted: ReadonlyMap<string, MarkRange> = this.rows;
    if (this.awaitingLoad) {
      if (!view.placed) return;
      // The first list of annotations: those in sections not built wait for them like at an
      // opening, and the sections on screen are built at once.
      this.awaitingLoad = false;
      for (const range of wanted.values()) if (!this.applied.has(range.id) && !this.sections.holds(range)) this.waiting.set(range.id, range);
      this.sections.settle([...this.waiting.values()]);
      // Before the sections near the screen are known (the page has not been watched yet), those
      // of the first pages, where a document opens.
      this.buildSections(this.near.size > 0 ? [...this.near] : this.sections.firstPages());
      this.showState();
      this.buildWhenIdle();
    }
    // A highlight waiting for its section that is gone or has moved waits no more: if it moved,
    // it is placed below like any new one.
    for (const [id, range] of this.waiting) {
      const now = wanted.get(id);
      if (!now || now.start !== range.start || now.end !== range.end) this.waiting.delete(id);
    }
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
    const toAdd = additions.filter((range) => !renamedTo.has(range.id) && !this.waiting.has(range.id));
    if (removals.length === 0 && renames.length === 0 && toAdd.length === 0) return;
    if (removals.length + toAdd.length > REBUILD_AT) {
      this.editor.update(() => this.sections.$rebuildAll([...wanted.values()]), { tag: HIGHLIGHT_TAGS });
      this.applied.clear();
      this.waiting.clear();
      for (const range of wanted.values()) this.applied.set(range.id, { start: range.start, end: range.end });
      this.unwatch();
      this.showState();
      return;
    }
    // A new highlight in a section not built yet (one made from another window, or faster than
    // the section came into view) brings its section in now, with what waits there.
    const unbuilt = toAdd.filter((range) => !this.sections.holds(range));
    const todo = unbuilt.length > 0 ? this.sections.closure(this.sections.sectionsOf(unbuilt), [...this.waiting.values(), ...unbuilt]) : [];
    // editor.read() first commits any update still pending, so the update below starts from the
    // state this index describes. Removing and renaming marks moves no text and keeps every text
    // node, so the index still holds for the first addition after them.
    const placed = new Set(unbuilt);
    const marking = toAdd.filter((range) => !placed.has(range));
    const index = marking.length > 0 && todo.length === 0 ? this.editor.read(() => OffsetIndex.of(this.editor.getEditorState())) : null;
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
        if (todo.length > 0) this.$buildSections(todo, [...this.waiting.values(), ...unbuilt]);
        if (marking.length === 0) return;
        const selection = $getSelection();
        // A highlight made here leaves the caret at its end ($addMark puts it there); one from
        // elsewhere (another window's) leaves this window's caret or selection as it was.
        const made = marking.filter((range) => this.store.isProvisional(range.id)).at(-1);
        const kept = $isRangeSelection(selection) && !made ? (index ?? OffsetIndex.$build()).rangeOfSelection(selection) : null;
        // Each addition splits text nodes, so each after the first needs an index of the tree as it then stands.
        marking.forEach((range, i) => {
          if ($addMark(range.id, range.start, range.end, i === 0 && index ? index : OffsetIndex.$build()))
            this.applied.set(range.id, { start: range.start, end: range.end });
        });
        if (kept) OffsetIndex.$build().$select(kept.start, kept.end);
        else if (!made) $setSelection(null);
      },
      { tag: HIGHLIGHT_TAGS },
    );
  }

  /** Restyles marks whose annotation changed kind, and those of the selected highlight before and now. */
  private restyle(previous: Map<string, Placement>, previousSelected: string | null, all: boolean): void {
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
    const waiting = this.waiting.get(id);
    if (waiting) this.buildSections(this.sections.sectionsOf([waiting]), true);
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
