// @vitest-environment jsdom
// The store gives the reader where the highlights lie before the panel's rows come, and follows
// other writes by reading again only the annotations they changed: a long text with thousands of
// highlights is not read whole for each highlight or note saved elsewhere.
import { describe, expect, it, vi } from 'vitest';
import type { Input, MethodName, Output } from '../../../shared/api';
import type { GlossClient } from '../../../shared/client';
import type { Result } from '../../../shared/errors';
import type { PushEvent } from '../../../shared/events';
import type { Annotation } from '../../../shared/model';
import { AnnotationStore } from './store';

const DOCUMENT = 'doc-1';

function annotation(id: string, start: number, version = 1): Annotation {
  return {
    id,
    documentId: DOCUMENT,
    kindId: 'k-claim',
    status: 'unverified',
    start,
    end: start + 5,
    exact: 'quote',
    prefix: '',
    suffix: '',
    anchor: 'anchored',
    note: '',
    tags: [],
    sources: [],
    figures: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version,
  };
}

/**
 * A library of one document's rows, answering the calls the store makes and recording them.
 * `holdLists`: whole lists wait for `release()`; `placements: false`: that call fails.
 */
function fakeLibrary(rows: Annotation[], options: { holdLists?: boolean; placements?: boolean } = {}) {
  const library = new Map(rows.map((row) => [row.id, row]));
  const lists: (string[] | 'all')[] = [];
  const listeners = new Set<(event: PushEvent) => void>();
  let release = () => {};
  const released = options.holdLists ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const sorted = () => [...library.values()].sort((a, b) => a.start - b.start);
  const answer = async <M extends MethodName>(method: M, args: Input<M>): Promise<Result<Output<M>>> => {
    const ok = (value: unknown): Result<Output<M>> => ({ ok: true, value: value as Output<M> });
    if (method === 'kinds.list') return ok([]);
    if (method === 'annotations.placements') {
      if (options.placements === false) return { ok: false, error: { code: 'unavailable', message: 'Gloss could not reach its library.' } };
      return ok(
        sorted()
          .filter((row) => row.anchor !== 'orphaned')
          .map(({ id, kindId, start, end }) => ({ id, kindId, start, end })),
      );
    }
    if (method === 'annotations.create') {
      const input = args as Input<'annotations.create'>;
      const row = { ...annotation(`stored-${library.size + 1}`, input.start), kindId: input.kindId, end: input.end };
      library.set(row.id, row);
      return ok(row);
    }
    if (method === 'annotations.delete') {
      const { id } = args as Input<'annotations.delete'>;
      library.delete(id);
      return ok({ id });
    }
    if (method !== 'annotations.list') throw new Error(`unexpected call ${method}`);
    const { ids } = args as Input<'annotations.list'>;
    lists.push(ids ?? 'all');
    if (!ids) await released;
    return ok(ids ? sorted().filter((row) => ids.includes(row.id)) : sorted());
  };
  const client: GlossClient = {
    call: async (method, args) => {
      const result = await answer(method, args);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    try: answer,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: PushEvent) => listeners.forEach((listener) => listener(event));
  return { library, lists, client, emit, release: () => release() };
}

const reporter = { error: () => {}, info: () => {} };
const ids = (store: AnnotationStore) => store.getView().rows.map((row) => `${row.id}@${row.version}`);
const marks = (store: AnnotationStore) => store.getView().marks.map((mark) => `${mark.id}:${mark.kindId}:${mark.start}-${mark.end}`);

describe('the annotation store places highlights before their rows come', () => {
  it('gives the reader the placements while the rows are on their way, with what this window learns meanwhile', async () => {
    const orphan = { ...annotation('c', 40), anchor: 'orphaned' as const };
    const { library, lists, client, emit, release } = fakeLibrary([annotation('a', 0), annotation('b', 10), orphan], { holdLists: true });
    // Writes go through the client, as in the app (in a browser they are keepalive requests).
    Object.assign(window, { gloss: {} });
    const store = new AnnotationStore(client, DOCUMENT, reporter);
    const stop = store.start();
    await vi.waitFor(() => expect(store.getView().placed).toBe(true));
    // The orphan has no place; the panel's rows have not come.
    expect(marks(store)).toEqual(['a:k-claim:0-5', 'b:k-claim:10-15']);
    expect(store.getView()).toMatchObject({ loaded: false, rows: [] });

    // Another window changes b's kind and deletes a: read by id, and the marks follow.
    library.set('b', { ...annotation('b', 10, 2), kindId: 'k-note' });
    library.delete('a');
    emit({ type: 'changed', entity: 'annotation', ids: ['a', 'b'], documentId: DOCUMENT });
    await vi.waitFor(() => expect(marks(store)).toEqual(['b:k-note:10-15']));
    // Rows read by id are not the list: the panel still waits for it.
    expect(store.getView().loaded).toBe(false);

    // A highlight made now is drawn at once, and stays once stored.
    const made = store.create('k-quote', 20, 26, 'quote!');
    expect(marks(store)).toEqual(['b:k-note:10-15', `${made}:k-quote:20-26`]);
    await vi.waitFor(() => expect(store.renamed.get(made)).toBeDefined());
    const stored = store.renamed.get(made)!;
    expect(marks(store)).toEqual(['b:k-note:10-15', `${stored}:k-quote:20-26`]);

    release();
    await vi.waitFor(() => expect(store.getView().loaded).toBe(true));
    expect(lists[0]).toBe('all');
    expect(ids(store)).toEqual(['b@2', `${stored}@1`, 'c@1']);
    expect(marks(store)).toEqual(['b:k-note:10-15', `${stored}:k-quote:20-26`]);
    stop();
    Reflect.deleteProperty(window, 'gloss');
  });

  it('keeps a highlight deleted here gone, and one selected in the text selected, while the rows are on their way', async () => {
    const { library, client, emit, release } = fakeLibrary([annotation('a', 0), annotation('b', 10)], { holdLists: true });
    Object.assign(window, { gloss: {} });
    const store = new AnnotationStore(client, DOCUMENT, reporter);
    const stop = store.start();
    await vi.waitFor(() => expect(store.getView().placed).toBe(true));
    // Clicked in the text: only its placement is known yet.
    store.select('a', 'panel');
    // Another window edits b: its row is read by id, and then it is deleted here from its card.
    library.set('b', { ...annotation('b', 10, 2), note: 'from the other window' });
    emit({ type: 'changed', entity: 'annotation', ids: ['b'], documentId: DOCUMENT });
    await vi.waitFor(() => expect(store.row('b')?.version).toBe(2));
    expect(store.getView().selectedId).toBe('a');
    await store.remove('b');
    expect(marks(store)).toEqual(['a:k-claim:0-5']);
    release();
    await vi.waitFor(() => expect(store.getView().loaded).toBe(true));
    expect(ids(store)).toEqual(['a@1']);
    expect(store.getView().selectedId).toBe('a');
    stop();
    Reflect.deleteProperty(window, 'gloss');
  });

  it('waits for the rows when the placements cannot be had', async () => {
    const { client, release } = fakeLibrary([annotation('a', 0)], { holdLists: true, placements: false });
    const store = new AnnotationStore(client, DOCUMENT, reporter);
    const stop = store.start();
    await vi.waitFor(() => expect(store.getView().kindsLoaded).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getView()).toMatchObject({ placed: false, marks: [] });
    release();
    await vi.waitFor(() => expect(store.getView().placed).toBe(true));
    expect(marks(store)).toEqual(['a:k-claim:0-5']);
    stop();
  });
});

describe('the annotation store follows other writes', () => {
  it('reads again only the annotations a write changed, and drops those gone', async () => {
    const { library, lists, client, emit } = fakeLibrary([annotation('a', 0), annotation('b', 10), annotation('c', 20)]);
    const store = new AnnotationStore(client, DOCUMENT, reporter);
    const stop = store.start();
    await vi.waitFor(() => expect(store.getView().loaded).toBe(true));
    expect(lists).toEqual(['all']);

    // Another window edits b and deletes c, in two events close together: one read of the two.
    library.set('b', annotation('b', 10, 2));
    library.delete('c');
    emit({ type: 'changed', entity: 'annotation', ids: ['b'], documentId: DOCUMENT });
    emit({ type: 'changed', entity: 'annotation', ids: ['c'], documentId: DOCUMENT });
    await vi.waitFor(() => expect(ids(store)).toEqual(['a@1', 'b@2']));
    expect(lists).toEqual(['all', ['b', 'c']]);

    // Another document's annotations are not this store's business.
    emit({ type: 'changed', entity: 'annotation', ids: ['x'], documentId: 'doc-2' });
    // A tag renamed changes rows this window cannot name: the whole list is read.
    emit({ type: 'changed', entity: 'tag', ids: ['t1'] });
    await vi.waitFor(() => expect(lists).toEqual(['all', ['b', 'c'], 'all']));
    stop();
  });

  it('reads the whole list when too many annotations changed at once to ask for them by id', async () => {
    const { lists, client, emit } = fakeLibrary([annotation('a', 0)]);
    const store = new AnnotationStore(client, DOCUMENT, reporter);
    const stop = store.start();
    await vi.waitFor(() => expect(store.getView().loaded).toBe(true));
    emit({ type: 'changed', entity: 'annotation', ids: Array.from({ length: 150 }, (_, i) => `m${i}`), documentId: DOCUMENT });
    await vi.waitFor(() => expect(lists).toEqual(['all', 'all']));
    stop();
  });
});
