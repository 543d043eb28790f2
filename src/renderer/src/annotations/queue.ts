// Unsaved annotation edits: merged per annotation, sent after a short pause (or at once), and
// rebased and retried when another window saved the same annotation first. Nothing typed is
// dropped: a failed send that may succeed later is kept and tried again.
import type { GlossErrorData, Result } from '../../../shared/errors';
import type { Annotation } from '../../../shared/model';
import { afterRefusal, applied, combine, isEmptyPatch, rebase, type Patch } from './merge';

export interface QueueDeps {
  send: (id: string, version: number, patch: Patch) => Promise<Result<Annotation>>;
  saved: (row: Annotation) => void;
  failed: (id: string, error: GlossErrorData, kept: boolean) => void;
  /** Both sides rewrote a note and both texts were kept. */
  joined?: (row: Annotation) => void;
  delayMs?: number;
  retryMs?: number;
}

interface Entry {
  /**
   * What the change was made on: the stored row, or, for a change made while an earlier one was on
   * its way, that row with the earlier change applied (what the window showed). Restated over the
   * stored row before it is sent.
   */
  base: Annotation;
  patch: Patch;
  /**
   * What the window showed once it made the change; stays so when base and patch are restated
   * over a newer row, because the window still shows it (a field keeps its own value until its
   * save comes back) and makes its next change on it.
   */
  shown: Annotation;
  /** What the window showed before the change. */
  from: Annotation;
  timer: ReturnType<typeof setTimeout> | null;
  /** Told whether the change was stored (possibly merged with others) or given up. */
  settle: ((saved: boolean) => void)[];
}

interface Running {
  done: Promise<void>;
  /** The change as this window showed it, before any rebase. */
  patch: Patch;
  /** What later changes are made on. */
  shown: Annotation;
}

const MAX_REBASES = 5;
/** Errors that may go away by themselves; the change is kept and sent again. */
const TRANSIENT = new Set(['unavailable', 'internal']);

export class WriteQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Running>();
  private readonly held = new Set<string>();

  constructor(private readonly deps: QueueDeps) {}

  /**
   * Adds a change to an annotation; `row` is the stored row it was made on. Settles true once the
   * change is stored, false when it was given up (and `failed` was told why).
   */
  edit(row: Annotation, patch: Patch, delayMs = this.deps.delayMs ?? 500): Promise<boolean> {
    const settled = new Promise<boolean>((resolve) => {
      const entry = this.entries.get(row.id);
      if (entry) {
        entry.patch = combine(entry.patch, patch);
        entry.shown = applied(entry.shown, patch);
        entry.settle.push(resolve);
      } else {
        // While an earlier change is on its way, `row` does not have it yet, but this change was made
        // on a window that showed it: that is the base to merge from once the earlier one is stored.
        const base = this.running.get(row.id)?.shown ?? row;
        this.entries.set(row.id, { base, patch, from: base, shown: applied(base, patch), timer: null, settle: [resolve] });
      }
    });
    this.schedule(row.id, delayMs);
    return settled;
  }

  /** The change not yet stored for an annotation, if any, including one on its way. */
  pending(id: string): Patch | undefined {
    const sending = this.running.get(id)?.patch;
    const waiting = this.entries.get(id)?.patch;
    return sending && waiting ? combine(sending, waiting) : (waiting ?? sending);
  }

  /** True while a change to this annotation waits or is on its way. */
  busy(id: string): boolean {
    return this.entries.has(id) || this.running.has(id);
  }

  get size(): number {
    return this.entries.size + this.running.size;
  }

  /** Keeps an annotation's changes back until `release` (while its create is on its way). */
  hold(id: string): void {
    this.held.add(id);
  }

  /** The held annotation now exists as `row` (its id may differ): its changes go out over it. */
  release(heldId: string, row: Annotation): void {
    this.held.delete(heldId);
    const entry = this.entries.get(heldId);
    if (!entry) return;
    this.entries.delete(heldId);
    this.entries.set(row.id, { ...entry, base: row });
    void this.flush(row.id);
  }

  /** Forgets the changes of an annotation that no longer exists (its create failed). */
  drop(id: string): void {
    const entry = this.entries.get(id);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(id);
    this.held.delete(id);
    for (const settle of entry?.settle ?? []) settle(false);
  }

  /** Sends one annotation's change now and settles when it and any send before it are done. */
  async flush(id: string): Promise<void> {
    // Another flush may start a send while this one waits; this one's change goes after it.
    for (let before = this.running.get(id); before; before = this.running.get(id)) await before.done;
    const entry = this.entries.get(id);
    if (!entry || this.held.has(id)) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(id);
    const running: Running = { done: Promise.resolve(), patch: entry.patch, shown: entry.shown };
    running.done = this.sendEntry(id, entry).finally(() => {
      if (this.running.get(id) === running) this.running.delete(id);
    });
    this.running.set(id, running);
    await running.done;
  }

  /** Sends every change now (the window closes, loses focus, or switches document). */
  async flushAll(): Promise<void> {
    const ids = new Set([...this.entries.keys(), ...this.running.keys()]);
    await Promise.all([...ids].map((id) => this.flush(id)));
  }

  private schedule(id: string, delayMs: number): void {
    const entry = this.entries.get(id)!;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    if (delayMs <= 0) void this.flush(id);
    else entry.timer = setTimeout(() => void this.flush(id), delayMs);
  }

  private async sendEntry(id: string, entry: Entry): Promise<void> {
    let base = entry.base;
    let patch = entry.patch;
    for (let attempt = 0; attempt <= MAX_REBASES; attempt++) {
      if (isEmptyPatch(patch)) return this.stored(entry, base);
      const result = await this.deps.send(id, base.version, patch);
      if (result.ok) return this.stored(entry, result.value);
      const current = result.error.code === 'conflict' ? (result.error.current as Annotation | undefined) : undefined;
      if (current && current.id === id) {
        const rebased = rebase(base, patch, current);
        if (rebased.joinedNotes) this.deps.joined?.(current);
        base = current;
        patch = rebased.patch;
        continue;
      }
      if (TRANSIENT.has(result.error.code)) {
        this.keep(id, entry, base, patch);
        this.deps.failed(id, result.error, true);
      } else this.givenUp(entry, base, result.error);
      return;
    }
    this.givenUp(entry, base, {
      code: 'conflict',
      message: 'This annotation kept changing in another window; the last change here was not saved. Try again.',
    });
  }

  /** The change is in `row`; a change made meanwhile is restated over it. */
  private stored(entry: Entry, row: Annotation): void {
    this.restateLater(row.id, row);
    this.deps.saved(row);
    for (const settle of entry.settle) settle(true);
  }

  /**
   * The change is not stored and will not be: a change made meanwhile (which showed this one) is
   * restated over what is stored, so it keeps only its own edits, and the card shows `base` again.
   */
  private givenUp(entry: Entry, base: Annotation, error: GlossErrorData): void {
    this.restateLater(base.id, base, entry);
    this.deps.failed(base.id, error, false);
    for (const settle of entry.settle) settle(false);
  }

  /** A failure that may pass: the change waits to be sent again, underneath any made meanwhile. */
  private keep(id: string, entry: Entry, base: Annotation, patch: Patch): void {
    const later = this.entries.get(id);
    const restated = later ? rebase(later.base, later.patch, applied(base, patch)).patch : {};
    this.entries.set(id, {
      base,
      patch: combine(patch, restated),
      from: entry.from,
      shown: later?.shown ?? entry.shown,
      timer: later?.timer ?? null,
      settle: [...entry.settle, ...(later?.settle ?? [])],
    });
    this.schedule(id, this.deps.retryMs ?? 3_000);
  }

  /**
   * Three-way: what the later change did to what the window showed, done to `row` instead. After
   * `refused`, the window shows what it touched as stored again, and later changes are made on that.
   */
  private restateLater(id: string, row: Annotation, refused?: Entry): void {
    const later = this.entries.get(id);
    if (!later) return;
    const rebased = rebase(later.base, later.patch, row);
    if (rebased.joinedNotes) this.deps.joined?.(row);
    later.base = row;
    later.patch = rebased.patch;
    if (refused) later.shown = afterRefusal({ from: refused.from, to: refused.shown }, { from: later.from, to: later.shown }, row, rebased.patch);
  }
}
