// Full-text search as the person types: debounced, newest answer wins, refreshed on changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../shared/limits';
import type { SearchHit } from '../../../shared/model';
import { GlossError } from '../../../shared/errors';
import { useClient } from '../hooks/client';
import { useChanges } from '../hooks/useChanges';

const DEBOUNCE_MS = 180;
const PAGE = 30;

export interface SearchState {
  query: string;
  hits: SearchHit[];
  hasMore: boolean;
  loading: boolean;
  error: GlossError | null;
  loadMore: () => void;
}

export function useSearch(query: string): SearchState {
  const client = useClient();
  const trimmed = query.trim();
  const [state, setState] = useState({ query: '', hits: [] as SearchHit[], hasMore: false, loading: false, error: null as GlossError | null });
  const request = useRef(0);
  const want = useRef(PAGE);

  const run = useCallback(
    async (q: string, count: number) => {
      const ticket = ++request.current;
      if (q === '') {
        setState({ query: '', hits: [], hasMore: false, loading: false, error: null });
        return;
      }
      setState((s) => ({ ...s, loading: true }));
      const hits: SearchHit[] = [];
      let hasMore = true;
      while (hasMore && hits.length < count) {
        const result = await client.try('search.query', { query: q, offset: hits.length, limit: Math.min(count - hits.length, LIMITS.searchPage) });
        if (ticket !== request.current) return;
        if (!result.ok) {
          setState({ query: q, hits: [], hasMore: false, loading: false, error: GlossError.from(result.error) });
          return;
        }
        hits.push(...result.value.hits);
        hasMore = result.value.hasMore && result.value.hits.length > 0;
      }
      setState({ query: q, hits, hasMore, loading: false, error: null });
    },
    [client],
  );

  useEffect(() => {
    want.current = PAGE;
    const timer = setTimeout(() => void run(trimmed, PAGE), trimmed === '' ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [run, trimmed]);

  useChanges(
    () => trimmed !== '',
    () => void run(trimmed, want.current),
  );

  const loadMore = useCallback(() => {
    want.current += PAGE;
    void run(trimmed, want.current);
  }, [run, trimmed]);

  return { ...state, loadMore };
}
