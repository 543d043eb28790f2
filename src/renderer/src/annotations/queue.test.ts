// The pending-write queue: edits merge, stale writes are refused as conflicts and rebased on the
// newer row, and neither side's edit is lost; failures that may pass are retried.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
import type { Annotation } from '../../../shared/model';
import { rebase, type Patch } from './merge';
import { WriteQueue } from './queue';

const row = (over: Partial<Annotation> = {}): Annotation => ({
  id: 'a1',
  documentId: 'd1',
  kindId: 'k-claim',
  status: 'unverified',
  start: 0,
  end: 5,
  exact: 'hello',
  prefix: '',
  suffix: '',
  anchor: 'anchored',
  note: '',
  tags: [],
  sources: [],
  figures: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  version: 1,
  ...over,
});

/** A library of one row that refuses stale versions the way the main side does. */
function fakeLibrary(initial: Annotation) {
  let stored = initial;
  const sent: Patch[] = [];
  const tag = (id: string) => ({ id, name: id, color: null });
  return {
    get stored() {
      return stored;
    },
    sent,
    /** Another window's save. */
    elsewhere(patch: Patch) {
      stored = apply(stored, patch);
    },
    async send(id: string, version: number, patch: Patch): Promise<Result<Annotation>> {
      sent.push(patch);
      if (version !== stored.version) return { ok: false, error: { code: 'conflict', message: 'stale', current: stored } };
      stored = apply(stored, patch);
      return { ok: true, value: stored };
    },
  };
  function apply(r: Annotation, patch: Patch): Annotation {
    return {
      ...r,
      note: patch.note ?? r.note,
      status: patch.status ?? r.status,
      tags: patch.tagIds ? patch.tagIds.map(tag) : r.tags,
      version: r.version + 1,
    };
  }
}

describe('WriteQueue', () => {
  it('merges edits typed in a burst into one write', async () => {
    const lib = fakeLibrary(row());
    const queue = new WriteQueue({ send: lib.send, saved: () => {}, failed: () => {}, delayMs: 1_000 });
    queue.edit(row(), { note: 'a' });
    queue.edit(row(), { note: 'ab' });
    queue.edit(row(), { status: 'checked' });
    await queue.flushAll();
    expect(lib.sent).toEqual([{ note: 'ab', status: 'checked' }]);
    expect(lib.stored).toMatchObject({ note: 'ab', status: 'checked', version: 2 });
  });

  it('rebases a stale write on the newer row: both windows’ edits stay', async () => {
    const lib = fakeLibrary(row({ tags: [{ id: 't1', name: 't1', color: null }] }));
    const base = lib.stored;
    lib.elsewhere({ note: 'from the other window', tagIds: ['t1', 't2'] });
    const saved: Annotation[] = [];
    const queue = new WriteQueue({ send: lib.send, saved: (r) => saved.push(r), failed: () => {}, delayMs: 0 });
    queue.edit(base, { status: 'disputed', tagIds: ['t1', 't3'] });
    await queue.flushAll();
    expect(lib.stored.note).toBe('from the other window');
    expect(lib.stored.status).toBe('disputed');
    expect(lib.stored.tags.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(saved.at(-1)!.version).toBe(lib.stored.version);
  });

  it('keeps both notes when both windows rewrote the same note', () => {
    const base = row({ note: 'start' });
    const theirs = row({ note: 'theirs', version: 2 });
    const { patch, joinedNotes } = rebase(base, { note: 'ours' }, theirs);
    expect(joinedNotes).toBe(true);
    expect(patch.note).toContain('ours');
    expect(patch.note).toContain('theirs');
  });

  it('keeps a write that failed for a passing reason and sends it again', async () => {
    const lib = fakeLibrary(row());
    let down = true;
    const failures: boolean[] = [];
    const queue = new WriteQueue({
      send: (id, version, patch) =>
        down ? Promise.resolve({ ok: false as const, error: { code: 'unavailable' as const, message: 'down' } }) : lib.send(id, version, patch),
      saved: () => {},
      failed: (_id, _error, kept) => failures.push(kept),
      delayMs: 0,
      retryMs: 5,
    });
    queue.edit(row(), { note: 'typed while offline' });
    await queue.flushAll();
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every(Boolean)).toBe(true);
    expect(queue.pending('a1')).toEqual({ note: 'typed while offline' });
    down = false;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.flushAll();
    expect(lib.stored.note).toBe('typed while offline');
  });
});
