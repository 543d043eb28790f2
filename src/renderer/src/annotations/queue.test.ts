// The pending-write queue: edits merge, stale writes are refused as conflicts and rebased on the
// newer row, and neither side's edit is lost; failures that may pass are retried, others are
// given up and said so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GlossErrorData, Result } from '../../../shared/errors';
import type { Annotation, StoredFigure, TagRef } from '../../../shared/model';
import { PendingEdits } from '../fields/echo';
import { rebase, type FigureInput, type Patch } from './merge';
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

const tag = (id: string): TagRef => ({ id, name: id, color: null });
const tagIds = (r: Annotation) => r.tags.map((t) => t.id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A library of one row that refuses stale versions the way the main side does. With `gated`, each
 * send waits until `complete` answers it, so tests choose what happens while it is on its way.
 */
function fakeLibrary(initial: Annotation, { gated = false } = {}) {
  let stored = initial;
  const sent: Patch[] = [];
  const waiting: { version: number; patch: Patch; answer: (result: Result<Annotation>) => void }[] = [];
  const answer = (version: number, patch: Patch): Result<Annotation> => {
    if (version !== stored.version) return { ok: false, error: { code: 'conflict', message: 'stale', current: stored } };
    stored = apply(stored, patch);
    return { ok: true, value: stored };
  };
  return {
    get stored() {
      return stored;
    },
    sent,
    waiting,
    /** Another window's save. */
    elsewhere(patch: Patch) {
      stored = apply(stored, patch);
    },
    send(_id: string, version: number, patch: Patch): Promise<Result<Annotation>> {
      sent.push(patch);
      if (!gated) return Promise.resolve(answer(version, patch));
      return new Promise((resolve) => waiting.push({ version, patch, answer: resolve }));
    },
    /** Answers the oldest send on its way: stored as the library stands now, or refused with `error`. */
    complete(error?: GlossErrorData) {
      const next = waiting.shift()!;
      next.answer(error ? { ok: false, error } : answer(next.version, next.patch));
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
    const lib = fakeLibrary(row({ tags: [tag('t1')] }));
    const base = lib.stored;
    lib.elsewhere({ note: 'from the other window', tagIds: ['t1', 't2'] });
    const saved: Annotation[] = [];
    const queue = new WriteQueue({ send: lib.send, saved: (r) => saved.push(r), failed: () => {}, delayMs: 0 });
    queue.edit(base, { status: 'disputed', tagIds: ['t1', 't3'] });
    await queue.flushAll();
    expect(lib.stored.note).toBe('from the other window');
    expect(lib.stored.status).toBe('disputed');
    expect(tagIds(lib.stored)).toEqual(['t1', 't2', 't3']);
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

  it('makes our edit where our text stands when the other window only added paragraphs around it', () => {
    const base = row({ note: 'ILO estimate.' });
    const theirs = row({ note: 'Checked against the 2014 report.\n\nILO estimate.\n\nSee also IOM.', version: 2 });
    const { patch, joinedNotes } = rebase(base, { note: 'ILO estimate, about US$150 billion.' }, theirs);
    expect(joinedNotes).toBe(false);
    expect(patch.note).toBe('Checked against the 2014 report.\n\nILO estimate, about US$150 billion.\n\nSee also IOM.');
    // What we deleted stays deleted, an emptied note included, while their paragraph stays.
    const two = row({ note: 'ILO estimate.\n\nUnsourced.' });
    expect(rebase(two, { note: 'ILO estimate.' }, row({ note: 'ILO estimate.\n\nUnsourced.\n\nSee also IOM.', version: 2 })).patch.note).toBe(
      'ILO estimate.\n\nSee also IOM.',
    );
    expect(rebase(base, { note: '' }, theirs).patch.note).toBe('Checked against the 2014 report.\n\nSee also IOM.');
    expect(rebase(base, { note: '' }, row({ note: 'Walk Free.\n\nILO estimate.', version: 2 })).patch.note).toBe('Walk Free.');
    // Not inside a paragraph of theirs, nor where it stands twice: both texts are kept whole.
    expect(rebase(base, { note: 'ILO estimate!' }, row({ note: 'An ILO estimate.', version: 2 })).patch.note).toBe('An ILO estimate.\n\nILO estimate!');
    expect(rebase(base, { note: 'ILO estimate!' }, row({ note: 'ILO estimate.\n\nILO estimate.', version: 2 })).joinedNotes).toBe(true);
  });

  it('does not repeat a note joined with another window’s when typing went on while it was on its way', async () => {
    const lib = fakeLibrary(row({ note: 'ILO' }), { gated: true });
    const start = lib.stored;
    const joined: Annotation[] = [];
    const queue = new WriteQueue({ send: lib.send, saved: () => {}, failed: () => {}, joined: (r) => joined.push(r), delayMs: 0 });
    const first = queue.edit(start, { note: 'ILO estimate' });
    await settle();
    // The other window saves its own note first; this window goes on typing meanwhile.
    lib.elsewhere({ note: 'Walk Free' });
    const second = queue.edit(start, { note: 'ILO estimate of US$150 billion' }, 1_000);
    lib.complete(); // refused: the send is rebased, both notes joined, and sent again
    await settle();
    lib.complete();
    await first;
    expect(lib.stored.note).toBe('Walk Free\n\nILO estimate');
    expect(joined).toHaveLength(1);
    const flushed = queue.flushAll();
    await settle();
    lib.complete();
    await flushed;
    expect(await second).toBe(true);
    expect(lib.stored.note).toBe('Walk Free\n\nILO estimate of US$150 billion');
    expect(joined).toHaveLength(1);
  });

  it('does not add a figure twice when a change was made while the send adding it was on its way', () => {
    const figure = (value: number, id?: string): FigureInput => ({
      ...(id ? { id } : {}),
      surface: String(value),
      start: 0,
      end: 0,
      value,
      low: null,
      high: null,
      unit: 'count',
      scale: null,
      normalized: value,
      normalizedLow: null,
      normalizedHigh: null,
      period: null,
      timeStart: null,
      timeEnd: null,
      qualifier: null,
      subject: null,
    });
    // The window showed the new figure (no id yet) and changed the other one.
    const shown = row({ figures: [figure(1, 'f1'), figure(2)] as StoredFigure[] });
    const saved = row({ figures: [figure(1, 'f1'), figure(2, 'f2')] as StoredFigure[], version: 2 });
    const { patch } = rebase(shown, { figures: [figure(10, 'f1'), figure(2)] }, saved);
    expect(patch.figures!.map((f) => [f.id, f.value])).toEqual([
      ['f1', 10],
      ['f2', 2],
    ]);
  });

  it('keeps another window’s tag when a tag is added while a conflicting send is on its way', async () => {
    const lib = fakeLibrary(row(), { gated: true });
    const base = lib.stored;
    lib.elsewhere({ tagIds: ['x'] });
    const queue = new WriteQueue({ send: lib.send, saved: () => {}, failed: () => {} });
    const first = queue.edit(base, { tagIds: ['t1'] }, 0);
    await settle();
    // The card still holds the row it had: the first send has not come back.
    const second = queue.edit(base, { tagIds: ['t1', 't2'] }, 0);
    lib.complete(); // refused as stale; rebased over x and sent again
    await settle();
    lib.complete();
    await settle();
    lib.complete();
    await queue.flushAll();
    expect(tagIds(lib.stored).sort()).toEqual(['t1', 't2', 'x']);
    expect(await first).toBe(true);
    expect(await second).toBe(true);
  });

  it('keeps a tag put back while the send that took it off is on its way', async () => {
    const lib = fakeLibrary(row({ tags: [tag('t0'), tag('t1')] }), { gated: true });
    const base = lib.stored;
    const queue = new WriteQueue({ send: lib.send, saved: () => {}, failed: () => {} });
    void queue.edit(base, { tagIds: ['t1'] }, 0);
    await settle();
    void queue.edit(base, { tagIds: ['t1', 't0'] }, 0);
    lib.elsewhere({ tagIds: ['t0', 't1', 'x'] });
    while (lib.waiting.length > 0) {
      lib.complete();
      await settle();
    }
    await queue.flushAll();
    expect(tagIds(lib.stored).sort()).toEqual(['t0', 't1', 'x']);
  });

  it('gives up a refused change, says so, and still saves a change made while it was on its way', async () => {
    const lib = fakeLibrary(row({ tags: [tag('t0')] }), { gated: true });
    const base = lib.stored;
    const failures: [string, boolean][] = [];
    const queue = new WriteQueue({ send: lib.send, saved: () => {}, failed: (_id, error, kept) => failures.push([error.code, kept]) });
    const refused = queue.edit(base, { tagIds: ['t0', 'gone'] }, 0);
    await settle();
    const later = queue.edit(base, { tagIds: ['t0', 'gone', 't2'] }, 0);
    lib.complete({ code: 'validation', message: 'No such tag' });
    expect(await refused).toBe(false);
    expect(failures).toEqual([['validation', false]]);
    await settle();
    lib.complete();
    expect(await later).toBe(true);
    // The later change keeps its own edit and not the refused one it was made on top of.
    expect(tagIds(lib.stored)).toEqual(['t0', 't2']);
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
    const saved = queue.edit(row(), { note: 'typed while offline' });
    await queue.flushAll();
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every(Boolean)).toBe(true);
    expect(queue.pending('a1')).toEqual({ note: 'typed while offline' });
    down = false;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.flushAll();
    expect(lib.stored.note).toBe('typed while offline');
    expect(await saved).toBe(true);
  });

  it('shows a change as pending while it is on its way', async () => {
    const lib = fakeLibrary(row(), { gated: true });
    const queue = new WriteQueue({ send: lib.send, saved: () => {}, failed: () => {} });
    void queue.edit(row(), { status: 'checked' }, 0);
    await settle();
    expect(queue.pending('a1')).toEqual({ status: 'checked' });
    lib.complete();
    await queue.flushAll();
    expect(queue.pending('a1')).toBeUndefined();
  });
});

type Step =
  | { type: 'add' }
  | { type: 'remove'; which: number }
  | { type: 'elsewhere-add' }
  | { type: 'elsewhere-remove'; which: number }
  | { type: 'refetch' }
  | { type: 'answer'; outcome: 'stored' | 'transient' | 'refused' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ type: 'add' as const }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('remove' as const), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ type: 'elsewhere-add' as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('elsewhere-remove' as const), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ type: 'refetch' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('answer' as const),
      outcome: fc.constantFrom('stored' as const, 'stored' as const, 'transient' as const, 'refused' as const),
    }),
  },
);

/**
 * One window's tags field, card store and queue (as the app wires them) against a library that
 * another window also writes to; sends are answered, refused or fail for a while in the order the
 * steps say.
 */
async function run(steps: Step[]): Promise<void> {
  const lib = fakeLibrary(row({ tags: [tag('t0')] }), { gated: true });
  let known = lib.stored; // the store's row: saves put, refetches only while nothing is on its way
  const field = new PendingEdits<TagRef>((t) => t.id);
  let shown: readonly TagRef[] = known.tags;
  const receive = (r: Annotation) => void (shown = field.receive(r.tags));
  const queue = new WriteQueue({
    send: lib.send,
    saved: (r) => {
      if (r.version >= known.version) known = r;
      receive(known);
    },
    failed: () => {},
    retryMs: 0,
  });
  const added = new Set<string>();
  const removed = new Set<string>();
  let next = 1;
  /** One tag added or removed here; a refused edit takes back only what it did. */
  const edit = (tags: TagRef[], change: { add?: string; remove?: string }) => {
    const token = {};
    field.edit(shown, tags, token);
    shown = tags;
    if (change.add) added.add(change.add);
    if (change.remove) removed.add(change.remove);
    void queue.edit(known, { tagIds: tags.map((t) => t.id) }, 0).then((saved) => {
      shown = field.settle(token, saved, known.tags);
      if (saved) return;
      if (change.add) added.delete(change.add);
      if (change.remove && !removedThere.has(change.remove)) removed.delete(change.remove);
    });
  };
  const removedThere = new Set<string>();

  for (const s of steps) {
    if (s.type === 'add') {
      const id = `here${next++}`;
      edit([...shown, tag(id)], { add: id });
    } else if (s.type === 'remove' && shown.length > 0) {
      const gone = shown[s.which % shown.length]!;
      edit(
        shown.filter((t) => t !== gone),
        { remove: gone.id },
      );
    } else if (s.type === 'elsewhere-add') {
      const id = `there${next++}`;
      added.add(id);
      lib.elsewhere({ tagIds: [...tagIds(lib.stored), id] });
    } else if (s.type === 'elsewhere-remove' && lib.stored.tags.length > 0) {
      const ids = tagIds(lib.stored);
      const gone = ids[s.which % ids.length]!;
      removed.add(gone);
      removedThere.add(gone);
      lib.elsewhere({ tagIds: ids.filter((id) => id !== gone) });
    } else if (s.type === 'refetch' && !queue.busy('a1')) {
      known = lib.stored;
      receive(known);
    } else if (s.type === 'answer' && lib.waiting.length > 0) {
      if (s.outcome === 'stored') lib.complete();
      else lib.complete(s.outcome === 'transient' ? { code: 'unavailable', message: 'down' } : { code: 'validation', message: 'refused' });
    }
    await settle();
  }
  while (queue.busy('a1')) {
    while (lib.waiting.length > 0) lib.complete();
    await settle();
  }

  const final = new Set(tagIds(lib.stored));
  const initial = ['t0'];
  for (const id of [...initial, ...added]) if (!removed.has(id)) expect(final, `${id} is on the claim`).toContain(id);
  for (const id of final) expect([...initial, ...added], `${id} was put there`).toContain(id);
  for (const id of removed) expect(final, `${id} was removed`).not.toContain(id);
  // Once nothing is on its way, the field shows what is stored after the next refetch.
  known = lib.stored;
  receive(known);
  expect(shown.map((t) => t.id)).toEqual(tagIds(lib.stored));
}

describe('tags edited here and in another window, sends answered in any order', () => {
  it('keeps every tag added on either side and not removed on either side', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => run(steps)),
      { numRuns: 300 },
    );
  });
});
