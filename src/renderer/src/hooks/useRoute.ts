// Which document is open lives in the address (#/documents/<id>), so reload and Back keep it.
import { useCallback, useSyncExternalStore } from 'react';

const PREFIX = '#/documents/';

function readRoute(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return null;
  const id = decodeURIComponent(hash.slice(PREFIX.length));
  return id === '' ? null : id;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function documentHref(id: string): string {
  return PREFIX + encodeURIComponent(id);
}

export function useOpenDocument(): [string | null, (id: string | null) => void] {
  const openId = useSyncExternalStore(subscribe, readRoute);
  const open = useCallback((id: string | null) => {
    if (id !== null) {
      const target = documentHref(id);
      if (window.location.hash !== target) window.location.hash = target;
      return;
    }
    // Drop the hash without leaving a bare “#” behind or reloading the page.
    history.pushState(null, '', window.location.pathname + window.location.search);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, []);
  return [openId, open];
}
