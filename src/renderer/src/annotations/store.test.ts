// @vitest-environment jsdom
// The store follows other writes by reading again only the annotations they changed: a long text
// with thousands of highlights is not read whole for each highlight or note saved elsewhere.
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

/** A library of one document's rows, answering the calls the store makes and recording them. */
function fakeLibrary(rows: Annotation[]) {
  const library = new Map(rows.map((row) => [row.id, row]));
  const lists: (string[] | 'all')[] = [];
  const listeners = new Set<(event: PushEvent) => void>();
  const answer = <M extends MethodName>(method: M, args: Input<M>): Result<Output<M>> => {
    if (method === 'kinds.list') return { ok: true, value: [] as unknown as Output<M> };
    if (method !== 'annotations.list') throw new Error(`unexpected call ${method}`);
    const { ids } = args as Input<'annotations.list'>;
    lists.push(ids ?? 'all');
    const all = [...library.values()].sort((a, b) => a.start - b.start);
    return { ok: true, value: (ids ? all.filter((row) => ids.includes(row.id)) : all) as Output<M> };
  };
  const client: GlossClient = {
    call: async (method, args) => {
      const result = answer(method, args);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    try: async (method, args) => answer(method, args),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: PushEvent) => listeners.forEach((listener) => listener(event));
  return { library, lists, client, emit };
}

const reporter = { error: () => {}, info: () => {} };
const ids = (store: AnnotationStore) => store.getView().rows.map((row) => `${row.id}@${row.version}`);

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
