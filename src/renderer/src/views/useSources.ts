// The library's sources (optionally filtered by a search), kept current by push events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GlossErrorData } from '../../../shared/errors';
import type { Source } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { useChanges } from '../hooks/useChanges';

export interface SourceList {
  sources: Source[];
  loaded: boolean;
  error: GlossErrorData | null;
  reload: () => void;
}

export function useSources(query = ''): SourceList {
  const client = useClient();
  const [state, setState] = useState({ sources: [] as Source[], loaded: false, error: null as GlossErrorData | null });
  const ticket = useRef(0);

  const reload = useCallback(() => {
    const mine = ++ticket.current;
    const q = query.trim();
    void client.try('sources.list', q === '' ? {} : { query: q }).then((result) => {
      if (mine !== ticket.current) return;
      setState((s) => (result.ok ? { sources: result.value, loaded: true, error: null } : { ...s, loaded: true, error: result.error }));
    });
  }, [client, query]);

  useEffect(reload, [reload]);
  // Claim counts move with annotations, and trashing a document hides its claims.
  useChanges((event) => event.entity === 'source' || event.entity === 'annotation' || event.entity === 'document', reload);

  return { ...state, reload };
}
