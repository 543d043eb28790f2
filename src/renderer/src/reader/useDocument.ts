// Loads the open document and keeps it current when this or another window changes it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/model';
import { useChanges } from '../hooks/useChanges';
import { useClient } from '../hooks/client';
import { GlossError } from '../../../shared/errors';

export interface DocumentState {
  doc: DocumentRecord | null;
  error: GlossError | null;
  loading: boolean;
  reload: () => void;
}

export function useDocument(id: string): DocumentState {
  const client = useClient();
  const [state, setState] = useState<{ id: string; doc: DocumentRecord | null; error: GlossError | null; loading: boolean }>({
    id,
    doc: null,
    error: null,
    loading: true,
  });
  const request = useRef(0);

  const load = useCallback(() => {
    const ticket = ++request.current;
    setState((previous) => (previous.id === id ? { ...previous, loading: true } : { id, doc: null, error: null, loading: true }));
    void client.try('documents.get', { id }).then((result) => {
      if (ticket !== request.current) return;
      if (result.ok) {
        setState({ id, doc: result.value, error: null, loading: false });
        return;
      }
      const error = GlossError.from(result.error);
      // A failed refresh keeps what is on screen, unless the document itself is gone.
      setState((previous) => ({ id, doc: previous.id === id && error.code !== 'not-found' ? previous.doc : null, error, loading: false }));
    });
  }, [client, id]);

  useEffect(load, [load]);
  useChanges((event) => event.entity === 'document' && (event.ids.length === 0 || event.ids.includes(id)), load);

  // A render between an id change and its effect must not show the previous document.
  const current = state.id === id ? state : { doc: null, error: null, loading: true };
  return { doc: current.doc, error: current.error, loading: current.loading, reload: load };
}
