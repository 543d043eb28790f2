// Keeps the reader's highlights in step with the annotation store: adds, removes and renames
// MarkNodes as annotations come and go (only the changed ones), styles each mark after its
// kind, and joins marks and cards both ways (click a mark to select its card; reveal a card's mark).
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { $getNodeByKey, $getSelection, $isRangeSelection, $setSelection, type LexicalEditor, type NodeKey } from 'lexical';
import type { Block } from '../../../shared/canonical';
import type { Annotation } from '../../../shared/model';
import type { AnnotationStore } from '../annotations/store';
import { $buildDocument } from './build';
import { $addMark, $removeMark, $renameMark, type MarkRange } from './marks';
import { OffsetIndex, type Range } from './offsets';

/** Underline styles, so that kinds differ by more than their colour; kinds take them in order. */
export const KIND_STYLES = ['solid', 'double', 'dotted', 'wavy', 'dashed'] as const;
const FLASH_MS = 1_400;
/** Past this many changes at once (a first load, another window's bulk edit), building the tree afresh is cheaper. */
const REBUILD_AT = 60;

/** The highlights an annotation list asks for: placed ones only (orphans have no place). */
export function wantedRanges(rows: readonly Annotation[]): MarkRange[] {
  return rows.filter((row) => row.anchor !== 'orphaned' && row.end > row.start).map((row) => ({ id: row.id, start: row.start, end: row.end }));
}

/** Of the highlights a mark carries, the innermost (started last, ends first) is the one shown on top. */
function primaryOf(ids: readonly string[], rows: Map<string, Annotation>): string | undefined {
  let best: Annotation | undefined;
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) continue;
    if (!best || row.start > best.start || (row.start === best.start && row.end < best.end)) best = row;
  }
  return best?.id ?? ids[0];
}

export class HighlightLayer {
  private readonly applied = new Map<string, Range>();
  private readonly keysById = new Map<string, Set<NodeKey>>();
  private readonly idsByKey = new Map<NodeKey, string[]>();
  private rows = new Map<string, Annotation>();
  private selected: string | null = null;
  private kinds: readonly unknown[] = [];
  private paused = false;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly store: AnnotationStore,
    private readonly doc: { text: string; blocks: readonly Block[] },
    initial: readonly MarkRange[],
  ) {
    for (const range of initial) this.applied.set(range.id, { start: range.start, end: range.end });
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
          this.decorate(key);
        }
      });
    });
    const offStore = this.store.subscribe(() => this.sync());
    const offReveal = this.store.onReveal((id, target) => {
      if (target !== 'panel') this.reveal(id);
    });
    const offRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', this.onClick);
      root?.addEventListener('click', this.onClick);
    });
    this.sync();
    return () => {
      offMutations();
      offStore();
      offReveal();
      offRoot();
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

  private sync(): void {
    const view = this.store.getView();
    const kindsChanged = view.kinds !== this.kinds;
    this.kinds = view.kinds;
    const previous = this.rows;
    this.rows = new Map(view.rows.map((row) => [row.id, row]));
    this.restyle(previous, view.selectedId, kindsChanged);
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
    const additions = [...wanted.values()].filter((range) => {
      const known = this.applied.get(range.id);
      return !known || known.start !== range.start || known.end !== range.end || removals.includes(range.id);
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
        if (toAdd.length === 0) return;
        const selection = $getSelection();
        const caret = $isRangeSelection(selection) && selection.isCollapsed() ? OffsetIndex.$build().rangeOfSelection(selection) : null;
        // Each addition splits text nodes, so each gets an index of the tree as it then stands.
        for (const range of toAdd) {
          if ($addMark(range.id, range.start, range.end)) this.applied.set(range.id, { start: range.start, end: range.end });
        }
        // A highlight made here leaves the caret at its end; one from elsewhere leaves it alone.
        if (caret) OffsetIndex.$build().$select(caret.start, caret.start);
        else if (!selection) $setSelection(null);
      },
      { tag: 'gloss-highlight' },
    );
  }

  /** Restyles marks whose annotation changed kind, and the selected highlight's. */
  private restyle(previous: Map<string, Annotation>, selectedId: string | null, all: boolean): void {
    const ids = new Set<string>();
    if (this.selected !== selectedId) {
      if (this.selected) ids.add(this.selected);
      if (selectedId) ids.add(selectedId);
      this.selected = selectedId;
    }
    for (const row of this.rows.values()) {
      const before = previous.get(row.id);
      if (all || (before && before.kindId !== row.kindId)) ids.add(row.id);
    }
    for (const id of ids) for (const key of this.keysById.get(id) ?? []) this.decorate(key);
  }

  private decorate(key: NodeKey): void {
    const element = this.editor.getElementByKey(key);
    const ids = this.idsByKey.get(key);
    if (!element || !ids) return;
    const primary = primaryOf(ids, this.rows);
    const row = primary ? this.rows.get(primary) : undefined;
    const kind = row ? this.store.kind(row.kindId) : undefined;
    const outer = ids.find((id) => id !== primary);
    const outerKind = outer ? this.store.kind(this.rows.get(outer)?.kindId ?? '') : undefined;
    element.dataset.ids = ids.join(' ');
    if (primary) element.dataset.primary = primary;
    const position = kind ? this.store.getView().kinds.indexOf(kind) : 0;
    element.dataset.style = KIND_STYLES[Math.max(0, position) % KIND_STYLES.length];
    element.style.setProperty('--hl', kind?.color ?? '#f2c94c');
    if (outerKind) element.style.setProperty('--hl-outer', outerKind.color);
    else element.style.removeProperty('--hl-outer');
    element.title = ids
      .map((id) => this.rows.get(id))
      .filter((r): r is Annotation => r !== undefined)
      .map((r) => this.store.kind(r.kindId)?.name ?? 'Highlight')
      .join(' + ');
    element.classList.toggle('rd-mark-selected', this.selected !== null && ids.includes(this.selected));
  }

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
