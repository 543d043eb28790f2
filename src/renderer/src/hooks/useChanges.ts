// Refetches when another window, a job or this window changed what a view shows.
import { useEffect, useRef } from 'react';
import type { PushEvent } from '../../../shared/events';
import { useClient } from './client';

type Changed = Extract<PushEvent, { type: 'changed' }>;

/** A batch import announces each document on its own; one refetch per burst is enough. */
const COALESCE_MS = 120;

export function useChanges(matches: (event: Changed) => boolean, refetch: () => void): void {
  const client = useClient();
  const latest = useRef({ matches, refetch });
  useEffect(() => {
    latest.current = { matches, refetch };
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = client.subscribe((event) => {
      if (event.type !== 'changed' || !latest.current.matches(event)) return;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        latest.current.refetch();
      }, COALESCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client]);
}
