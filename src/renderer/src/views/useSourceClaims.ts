// A source's claims across the library, page by page, refetched when annotations or documents change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GlossErrorData } from '../../../shared/errors';
import { LIMITS } from '../../../shared/limits';
import type { SourceClaim } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { useChanges } from '../hooks/useChanges';

const PAGE = Math.min(100, LIMITS.listPage);

export interface SourceClaims {
  claims: SourceClaim[];
  total: number;
  loaded: boolean;
  error: GlossErrorData | null;
  loadMore: () => void;
}

export function useSourceClaims(sourceId: string): SourceClaims {
  const client = useClient();
  const [state, setState] = useState({ claims: [] as SourceClaim[], total: 0, loaded: false, error: null as GlossErrorData | null });
  const want = useRef(PAGE);
  const ticket = useRef(0);

  // Refetching the first `count` claims (not just the next page) keeps the list whole after an edit elsewhere.
  const fetchFirst = useCallback(
    async (count: number) => {
      const mine = ++ticket.current;
      const claims: SourceClaim[] = [];
      let total = 0;
      while (claims.length < count) {
        const limit = Math.min(LIMITS.listPage, count - claims.length);
        const result = await client.try('sources.claims', { id: sourceId, offset: claims.length, limit });
        if (mine !== ticket.current) return;
        if (!result.ok) {
          setState((s) => ({ ...s, loaded: true, error: result.error }));
          return;
        }
        claims.push(...result.value.items);
        total = result.value.total;
        if (result.value.items.length < limit) break;
      }
      setState({ claims, total, loaded: true, error: null });
    },
    [client, sourceId],
  );

  useEffect(() => {
    want.current = PAGE;
    void fetchFirst(PAGE);
  }, [fetchFirst]);

  useChanges(
    (event) => event.entity === 'annotation' || event.entity === 'document' || event.entity === 'source',
    () => void fetchFirst(want.current),
  );

  const loadMore = useCallback(() => {
    want.current = state.claims.length + PAGE;
    void fetchFirst(want.current);
  }, [fetchFirst, state.claims.length]);

  return { ...state, loadMore };
}
