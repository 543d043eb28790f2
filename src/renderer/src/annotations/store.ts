// The open document's annotations as this window knows them: stored rows, highlights on their way
// to the library, unsaved edits and the undo history, kept in step with other windows by pushed
// events. The reader and the panel both read it; neither talks to the other directly.
import type { GlossClient } from '../../../shared/client';
import { GlossError } from '../../../shared/errors';
import type { Annotation, Kind, Placement } from '../../../shared/model';
import { sendDurably } from './durable';
import { inverseOf, sourcesOf, withPatch, type Patch } from './merge';
import { WriteQueue } from './queue';
import { UndoStack } from './undo';

export interface Reporter {
  error: (context: string, error: unknown) => void;
  info: (message: string) => void;
}

export interface StoreView {
  rows: Annotation[];
  /** Where the highlights lie, in reading order: the rows' own once loaded, the library's placements before. */
  marks: readonly Placement[];
  /** Whether `marks` holds every highlight: the placements or the rows have come. */
  placed: boolean;
  kinds: Kind[];
  loaded: boolean;
  /** Whether the kinds have been asked for and answered (or failed): marks are coloured by them. */
  kindsLoaded: boolean;
  error: GlossError | null;
  selectedId: string | null;
  /** The annotation waiting for a new selection to be re-attached to. */
  reattachingId: string | null;
}

/** Where a selection should be brought into view: the reader's highlight, the panel's card, or both. */
export type RevealTarget = 'reader' | 'panel' | 'both';

const PROVISIONAL = 'new-';
const LAST_KIND_KEY = 'gloss.lastKind';
const COALESCE_MS = 80;
/** Past this many changed annotations at once, reading the whole list is simpler. */
const PARTIAL_LOAD_MAX = 100;

/** Past the next frame (the reader's text drawn with the placements), or this long where frames do not come (a hidden window). */
const FRAME_WAIT_MS = 100;

function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Where a highlight starts, the one around the other first. */
const byPlace = (a: Placement, b: Placement) => a.start - b.start || b.end - a.end;
const byReadingOrder = (a: Annotation, b: Annotation) => byPlace(a, b) || a.createdAt.localeCompare(b.createdAt);

/** The highlights rows draw: placed ones only (orphans have no place), as the library's placements have them. */
export function placementsOf(rows: readonly Annotation[]): Placement[] {
  return rows.filter((row) => row.anchor !== 'orphaned' && row.end > row.start).map(({ id, kindId, start, end }) => ({ id, kindId, start, end }));
}

export function snapshotOf(row: Annotation) {
  const { id, documentId, kindId, status, start, end, exact, prefix, suffix, anchor, note, figures, createdAt } = row;
  return {
    id,
    documentId,
    kindId,
    status,
    start,
    end,
    exact,
    prefix,
    suffix,
    anchor,
    note,
    figures,
    createdAt,
    tags: row.tags.map((tag) => ({ id: tag.id })),
    sources: sourcesOf(row),
  };
}

export class AnnotationStore {
  readonly undo = new UndoStack();
  readonly queue: WriteQueue;
  /** Provisional id → stored id, for highlights whose create has come back. */
  readonly renamed = new Map<string, string>();
  private readonly stored = new Map<string, Annotation>();
  private readonly provisional = new Map<string, Annotation>();
  private readonly removing = new Set<string>();
  private kinds: Kind[] = [];
  /** The library's placements, until the rows come: null when not (yet) answered. */
  private early: Placement[] | null = null;
  private loaded = false;
  private kindsLoaded = false;
  private error: GlossError | null = null;
  private selectedId: string | null = null;
  private reattachingId: string | null = null;
  private view: StoreView | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly revealers = new Set<(id: string, target: RevealTarget) => void>();
  private nextProvisional = 1;
  private loadTicket = 0;
  private disposers: (() => void)[] = [];

  constructor(
    private readonly client: GlossClient,
    readonly documentId: string,
    private readonly report: Reporter,
  ) {
    this.queue = new WriteQueue({
      send: (id, version, patch) => sendDurably(client, 'annotations.update', { id, version, ...patch }),
      saved: (row) => this.put(row),
      failed: (id, error, kept) => {
        // A change given up is no longer pending: the card shows what is stored again.
        if (!kept) this.changed();
        this.report.error(
          kept ? 'An annotation edit is not saved yet (Gloss will keep trying)' : 'An annotation edit could not be saved',
          GlossError.from(error),
        );
      },
      joined: () => this.report.info('This note was also changed in another window; both texts are kept in it.'),
    });
  }

  /**
   * Loads the annotations and follows changes; returns the function that stops and saves what is
   * pending. Where the highlights lie is asked for first, apart from the rows: it comes in a few
   * milliseconds, and the reader draws the text with it. The rows (tags, sources, figures: a
   * megabyte for a book with thousands of highlights) are asked for once that frame is out, so
   * that reading them does not hold it up.
   */
  start(): () => void {
    void this.loadPlacements()
      .then(afterNextFrame)
      .then(() => this.load());
    void this.loadKinds();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const kindsChanged = { value: false };
    // The annotations that changed since the last refresh, or null when the whole list must be
    // read again (tags, sources or the document changed; or too many to ask for by id).
    let changedIds: Set<string> | null = new Set();
    const unsubscribe = this.client.subscribe((event) => {
      if (event.type !== 'changed') return;
      const ours = event.entity === 'annotation' && (event.documentId === undefined || event.documentId === this.documentId);
      const related =
        event.entity === 'tag' || event.entity === 'source' || (event.entity === 'document' && (event.ids.length === 0 || event.ids.includes(this.documentId)));
      if (event.entity === 'kind') kindsChanged.value = true;
      if (!ours && !related && event.entity !== 'kind') return;
      if (ours && event.ids.length > 0 && changedIds) for (const id of event.ids) changedIds.add(id);
      else if (ours || related) changedIds = null;
      if (changedIds && changedIds.size > PARTIAL_LOAD_MAX) changedIds = null;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        if (kindsChanged.value) void this.loadKinds();
        kindsChanged.value = false;
        const ids = changedIds;
        changedIds = new Set();
        if (ids === null) void this.load();
        else if (ids.size > 0) void this.load([...ids]);
      }, COALESCE_MS);
    });
    const flush = () => void this.queue.flushAll();
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', hidden);
    this.disposers = [
      unsubscribe,
      () => timer && clearTimeout(timer),
      () => window.removeEventListener('pagehide', flush),
      () => window.removeEventListener('blur', flush),
      () => document.removeEventListener('visibilitychange', hidden),
    ];
    return () => {
      for (const dispose of this.disposers) dispose();
      flush();
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onReveal(listener: (id: string, target: RevealTarget) => void): () => void {
    this.revealers.add(listener);
    return () => this.revealers.delete(listener);
  }

  getView(): StoreView {
    if (!this.view) {
      const rows = [...this.stored.values(), ...this.provisional.values()]
        .filter((row) => !this.removing.has(row.id))
        .map((row) => withPatch(row, this.queue.pending(row.id)))
        .sort(byReadingOrder);
      this.view = {
        rows,
        marks: this.loaded || this.early === null ? placementsOf(rows) : this.earlyMarks(rows),
        placed: this.loaded || this.early !== null,
        kinds: this.kinds,
        loaded: this.loaded,
        kindsLoaded: this.kindsLoaded,
        error: this.error,
        selectedId: this.selectedId,
        reattachingId: this.reattachingId,
      };
    }
    return this.view;
  }

  row(id: string): Annotation | undefined {
    const row = this.stored.get(id) ?? this.provisional.get(id);
    return row && withPatch(row, this.queue.pending(id));
  }

  /** Whether this is a highlight made in this window whose create has not been answered yet. */
  isProvisional(id: string): boolean {
    return this.provisional.has(id);
  }

  kind(id: string): Kind | undefined {
    return this.kinds.find((kind) => kind.id === id);
  }

  get lastKindId(): string | null {
    const saved = localStorage.getItem(LAST_KIND_KEY);
    return this.kinds.some((kind) => kind.id === saved) ? saved : (this.kinds[0]?.id ?? null);
  }

  /**
   * Reads the document's annotations again; `ids`: only these (another write changed them), which
   * spares reading thousands of rows for each highlight or note saved in a long text.
   */
  async load(ids?: string[]): Promise<void> {
    // A whole list read after a partial one holds its rows too; a partial one after a whole one does not.
    const ticket = ids ? this.loadTicket : ++this.loadTicket;
    const result = await this.client.try('annotations.list', ids ? { documentId: this.documentId, ids } : { documentId: this.documentId });
    if (ticket !== this.loadTicket) return;
    if (!result.ok) {
      this.error = GlossError.from(result.error);
      this.changed();
      return;
    }
    const fresh = new Map(result.value.map((row) => [row.id, row]));
    for (const id of ids ?? [...this.stored.keys()]) if (!fresh.has(id)) this.stored.delete(id);
    // Read by id, a row is known better than its placement; not returned, it is gone.
    if (ids) this.forgetPlacements(ids);
    for (const row of fresh.values()) {
      const known = this.stored.get(row.id);
      // A save answered after this list was read is newer than the list; and while a write is on
      // its way, its answer (rebased on anything newer) is what to show, not this in-between row.
      if (known && (known.version > row.version || this.queue.busy(row.id))) continue;
      this.stored.set(row.id, row);
    }
    // Rows read by id before the whole list do not make a list.
    if (!ids) {
      this.loaded = true;
      this.early = null;
    }
    this.error = null;
    if (this.selectedId && !this.row(this.selectedId) && !this.early?.some((mark) => mark.id === this.selectedId)) this.selectedId = null;
    this.changed();
  }

  private forgetPlacements(ids: readonly string[]): void {
    if (this.early) this.early = this.early.filter((mark) => !ids.includes(mark.id));
  }

  /** Where the highlights lie, before the rows; a failure is left to the rows' load to report. */
  private async loadPlacements(): Promise<void> {
    const result = await this.client.try('annotations.placements', { documentId: this.documentId });
    if (!result.ok || this.loaded) return;
    this.early = result.value;
    this.changed();
  }

  /** The placements, with what this window already knows better: its own highlights and edits, and rows read by id. */
  private earlyMarks(rows: readonly Annotation[]): Placement[] {
    const known = new Set([...this.stored.keys(), ...this.provisional.keys()]);
    return [...this.early!.filter((mark) => !known.has(mark.id)), ...placementsOf(rows)].sort(byPlace);
  }

  async loadKinds(): Promise<void> {
    const result = await this.client.try('kinds.list', {});
    this.kindsLoaded = true;
    if (!result.ok) {
      this.changed();
      this.report.error('Could not load the annotation kinds', result.error);
      return;
    }
    this.kinds = [...result.value].sort((a, b) => a.position - b.position);
    this.changed();
  }

  select(id: string | null, reveal?: RevealTarget): void {
    if (this.selectedId !== id) {
      this.selectedId = id;
      this.changed();
    }
    if (id && reveal) for (const listener of this.revealers) listener(id, reveal);
  }

  startReattach(id: string | null): void {
    this.reattachingId = id;
    this.changed();
  }

  /** Highlights [start, end) at once (shown before the library answers); returns the highlight's id. */
  create(kindId: string, start: number, end: number, exact: string): string {
    localStorage.setItem(LAST_KIND_KEY, kindId);
    const id = `${PROVISIONAL}${this.nextProvisional++}`;
    const now = new Date().toISOString();
    const row: Annotation = {
      id,
      documentId: this.documentId,
      kindId,
      status: 'unverified',
      start,
      end,
      exact,
      prefix: '',
      suffix: '',
      anchor: 'anchored',
      note: '',
      tags: [],
      sources: [],
      figures: [],
      createdAt: now,
      updatedAt: now,
      version: -1,
    };
    this.provisional.set(id, row);
    this.queue.hold(id);
    this.selectedId = id;
    this.changed();
    void sendDurably(this.client, 'annotations.create', { documentId: this.documentId, kindId, start, end }).then((result) => {
      this.provisional.delete(id);
      if (!result.ok) {
        this.queue.drop(id);
        if (this.selectedId === id) this.selectedId = null;
        this.changed();
        this.report.error('Could not save the highlight', result.error);
        return;
      }
      const stored = result.value;
      this.renamed.set(id, stored.id);
      this.stored.set(stored.id, stored);
      if (this.selectedId === id) this.selectedId = stored.id;
      this.queue.release(id, stored);
      this.changed();
      let snapshot = snapshotOf(stored);
      this.undo.push({
        label: 'highlight',
        undo: async () => {
          const gone = await this.remove(stored.id, false);
          if (gone) snapshot = snapshotOf(gone);
        },
        redo: () => this.restore(snapshot),
      });
    });
    return id;
  }

  /**
   * Changes fields of an annotation; `delayMs` 0 sends at once, typing waits for a pause. Settles
   * true once stored, false when the change was given up (and reported).
   */
  update(id: string, patch: Patch, options: { delayMs?: number; group?: string; record?: boolean; label?: string } = {}): Promise<boolean> {
    const before = this.row(id);
    if (!before) return Promise.resolve(false);
    const base = this.stored.get(id) ?? this.provisional.get(id)!;
    const saved = this.queue.edit(base, patch, options.delayMs ?? 0);
    this.changed();
    if (options.record === false) return saved;
    const inverse = inverseOf(before, patch);
    const target = () => this.renamed.get(id) ?? id;
    this.undo.push({
      label: options.label ?? 'edit',
      group: options.group,
      undo: () => this.write(target(), inverse),
      redo: () => this.write(target(), patch),
    });
    return saved;
  }

  /** Deletes an annotation; undo brings it back with its tags, sources and figures. */
  async remove(id: string, record = true): Promise<Annotation | null> {
    await this.queue.flush(id);
    const row = this.stored.get(id);
    if (!row) return null;
    this.removing.add(id);
    if (this.selectedId === id) this.selectedId = null;
    this.changed();
    let result = await sendDurably(this.client, 'annotations.delete', { id, version: row.version });
    let snapshotRow = row;
    if (!result.ok && result.error.code === 'conflict' && result.error.current) {
      // Changed elsewhere meanwhile: delete what is stored now, and let undo bring back that.
      snapshotRow = result.error.current as Annotation;
      result = await sendDurably(this.client, 'annotations.delete', { id, version: snapshotRow.version });
    }
    this.removing.delete(id);
    if (!result.ok) {
      this.changed();
      this.report.error('Could not delete the annotation', result.error);
      if (!record) throw GlossError.from(result.error);
      return null;
    }
    this.stored.delete(id);
    this.forgetPlacements([id]);
    this.changed();
    if (record) {
      const snapshot = snapshotOf(snapshotRow);
      this.undo.push({ label: 'delete', undo: () => this.restore(snapshot), redo: async () => void (await this.remove(id, false)) });
    }
    return snapshotRow;
  }

  async reattach(id: string, start: number, end: number): Promise<void> {
    await this.queue.flush(id);
    const row = this.stored.get(id);
    if (!row) return;
    const result = await sendDurably(this.client, 'annotations.reattach', { id, version: row.version, start, end });
    this.reattachingId = null;
    if (!result.ok) {
      this.changed();
      this.report.error('Could not re-attach the annotation', result.error);
      return;
    }
    this.put(result.value);
    this.select(result.value.id, 'both');
  }

  /** After the text was corrected, old positions no longer hold: forget steps that use them. */
  textChanged(): void {
    this.undo.clear();
    void this.load();
  }

  private async restore(snapshot: ReturnType<typeof snapshotOf>): Promise<void> {
    const result = await sendDurably(this.client, 'annotations.restore', snapshot);
    if (!result.ok) throw GlossError.from(result.error);
    this.put(result.value);
  }

  /** An undo or redo of an edit: sent at once, rebased like any edit; failures reach the caller. */
  private write(id: string, patch: Patch): Promise<void> {
    const base = this.stored.get(id);
    if (!base) return Promise.reject(new GlossError({ code: 'not-found', message: 'This annotation is no longer in the library.' }));
    this.queue.edit(base, patch, 0);
    this.changed();
    return this.queue.flush(id);
  }

  private put(row: Annotation): void {
    const known = this.stored.get(row.id);
    if (!known || known.version <= row.version) this.stored.set(row.id, row);
    this.changed();
  }

  private changed(): void {
    this.view = null;
    for (const listener of this.listeners) listener();
  }
}
