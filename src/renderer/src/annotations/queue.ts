// Unsaved annotation edits: merged per annotation, sent after a short pause (or at once), and
// rebased and retried when another window saved the same annotation first. Nothing typed is
// dropped: a failed send that may succeed later is kept and tried again.
import type { GlossErrorData, Result } from '../../../shared/errors';
import type { Annotation } from '../../../shared/model';
import { combine, isEmptyPatch, rebase, type Patch } from './merge';

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
  base: Annotation;
  patch: Patch;
  timer: ReturnType<typeof setTimeout> | null;
}

const MAX_REBASES = 5;
/** Errors that may go away by themselves; the change is kept and sent again. */
const TRANSIENT = new Set(['unavailable', 'internal']);

export class WriteQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly held = new Set<string>();

  constructor(private readonly deps: QueueDeps) {}

  /** Adds a change to an annotation; `row` is the stored row it was made on. */
  edit(row: Annotation, patch: Patch, delayMs = this.deps.delayMs ?? 500): void {
    const entry = this.entries.get(row.id);
    if (entry) entry.patch = combine(entry.patch, patch);
    else this.entries.set(row.id, { base: row, patch, timer: null });
    this.schedule(row.id, delayMs);
  }

  /** The change not yet saved for an annotation, if any. */
  pending(id: string): Patch | undefined {
    return this.entries.get(id)?.patch;
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
    this.entries.set(row.id, { base: row, patch: entry.patch, timer: entry.timer });
    void this.flush(row.id);
  }

  /** Forgets the changes of an annotation that no longer exists (its create failed). */
  drop(id: string): void {
    const entry = this.entries.get(id);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(id);
    this.held.delete(id);
  }

  /** Sends one annotation's change now and settles when it and any send before it are done. */
  async flush(id: string): Promise<void> {
    const before = this.running.get(id);
    if (before) await before;
    const entry = this.entries.get(id);
    if (!entry || this.held.has(id)) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(id);
    const run = this.sendEntry(id, entry).finally(() => {
      if (this.running.get(id) === run) this.running.delete(id);
    });
    this.running.set(id, run);
    await run;
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
      if (isEmptyPatch(patch)) {
        this.deps.saved(base);
        return;
      }
      const result = await this.deps.send(id, base.version, patch);
      if (result.ok) {
        this.afterSave(result.value);
        return;
      }
      const current = result.error.code === 'conflict' ? (result.error.current as Annotation | undefined) : undefined;
      if (current && current.id === id) {
        const rebased = rebase(base, patch, current);
        if (rebased.joinedNotes) this.deps.joined?.(current);
        base = current;
        patch = rebased.patch;
        continue;
      }
      const kept = TRANSIENT.has(result.error.code);
      if (kept) {
        // Changes made meanwhile come after this one, so this one goes underneath them.
        const later = this.entries.get(id);
        this.entries.set(id, { base: later?.base ?? base, patch: later ? combine(patch, later.patch) : patch, timer: later?.timer ?? null });
        this.schedule(id, this.deps.retryMs ?? 3_000);
      }
      this.deps.failed(id, result.error, kept);
      return;
    }
    this.deps.failed(
      id,
      { code: 'conflict', message: 'This annotation kept changing in another window; the last change here was not saved. Try again.' },
      false,
    );
  }

  private afterSave(row: Annotation): void {
    // A change typed while this one was on its way now builds on what was just stored.
    const later = this.entries.get(row.id);
    if (later && later.base.version < row.version) later.base = row;
    this.deps.saved(row);
  }
}
