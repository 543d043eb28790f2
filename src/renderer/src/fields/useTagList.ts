// Every tag in the library, loaded once per window and shared by every field and view that shows tags.
import { useSyncExternalStore } from 'react';
import type { GlossClient } from '../../../shared/client';
import type { GlossErrorData } from '../../../shared/errors';
import type { Tag } from '../../../shared/model';
import { useClient } from '../hooks/client';

export interface TagList {
  tags: Tag[];
  loaded: boolean;
  error: GlossErrorData | null;
}

interface Store {
  snapshot: TagList;
  listeners: Set<() => void>;
  reload: () => void;
  subscribe: (listener: () => void) => () => void;
}

// One store per client: many cards each with a tags field must not each ask for the list.
const stores = new WeakMap<GlossClient, Store>();
const COALESCE_MS = 120;

function storeFor(client: GlossClient): Store {
  const existing = stores.get(client);
  if (existing) return existing;
  let ticket = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;
  const store: Store = {
    snapshot: { tags: [], loaded: false, error: null },
    listeners: new Set(),
    reload: () => {
      const mine = ++ticket;
      void client.try('tags.list', {}).then((result) => {
        if (mine !== ticket) return;
        store.snapshot = result.ok ? { tags: result.value, loaded: true, error: null } : { ...store.snapshot, loaded: true, error: result.error };
        store.listeners.forEach((listener) => listener());
      });
    },
    subscribe: (listener) => {
      store.listeners.add(listener);
      if (!unsubscribe) {
        // Usage counts move with annotations, and names with tag edits made in any window.
        unsubscribe = client.subscribe((event) => {
          if (event.type !== 'changed' || (event.entity !== 'tag' && event.entity !== 'annotation')) return;
          if (timer) return;
          timer = setTimeout(() => {
            timer = null;
            store.reload();
          }, COALESCE_MS);
        });
        store.reload();
      }
      return () => {
        store.listeners.delete(listener);
        if (store.listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
          if (timer) clearTimeout(timer);
          timer = null;
        }
      };
    },
  };
  stores.set(client, store);
  return store;
}

export function useTagList(): TagList & { reload: () => void } {
  const store = storeFor(useClient());
  const snapshot = useSyncExternalStore(store.subscribe, () => store.snapshot);
  return { ...snapshot, reload: store.reload };
}
