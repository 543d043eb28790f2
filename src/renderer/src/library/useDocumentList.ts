// One page-by-page list of documents (the library or the Trash), kept current by push events.
import { useCallback, useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../shared/limits';
import type { DocumentSummary } from '../../../shared/model';
import { GlossError } from '../../../shared/errors';
import { useClient } from '../hooks/client';
import { useChanges } from '../hooks/useChanges';
import { sortQuery, type SortKey } from './sorting';

const PAGE = 100;

export interface DocumentList {
  items: DocumentSummary[];
  total: number;
  /** False until the first answer, so an empty list is not mistaken for an empty library. */
  loaded: boolean;
  loading: boolean;
  error: GlossError | null;
  loadMore: () => void;
  reload: () => void;
}

/** `tagId` narrows the list to documents with a claim carrying that tag or one below it. */
export function useDocumentList(trashed: boolean, sort: SortKey, tagId: string | null = null): DocumentList {
  const client = useClient();
  const [state, setState] = useState({ items: [] as DocumentSummary[], total: 0, loaded: false, loading: true, error: null as GlossError | null });
  const want = useRef(PAGE);
  const request = useRef(0);

  /** Fetches the first `count` rows in as many pages as the API allows per call. */
  const fetchFirst = useCallback(
    async (count: number) => {
      const ticket = ++request.current;
      setState((s) => ({ ...s, loading: true }));
      const items: DocumentSummary[] = [];
      let total = 0;
      while (items.length < count) {
        const limit = Math.min(LIMITS.listPage, count - items.length);
        const result = await client.try('documents.list', { trashed, ...sortQuery(sort), ...(tagId ? { tagId } : {}), offset: items.length, limit });
        if (ticket !== request.current) return;
        if (!result.ok) {
          setState((s) => ({ ...s, loading: false, loaded: true, error: GlossError.from(result.error) }));
          return;
        }
        items.push(...result.value.items);
        total = result.value.total;
        if (result.value.items.length < limit) break;
      }
      setState({ items, total, loaded: true, loading: false, error: null });
    },
    [client, trashed, sort, tagId],
  );

  const reload = useCallback(() => void fetchFirst(Math.max(want.current, PAGE)), [fetchFirst]);

  useEffect(() => {
    want.current = PAGE;
    void fetchFirst(PAGE);
  }, [fetchFirst]);

  // A filtered list also moves when tags are merged, renamed or deleted.
  useChanges((event) => event.entity === 'document' || event.entity === 'annotation' || (tagId !== null && event.entity === 'tag'), reload);

  const loadMore = useCallback(() => {
    want.current = state.items.length + PAGE;
    void fetchFirst(want.current);
  }, [fetchFirst, state.items.length]);

  return { ...state, loadMore, reload };
}
