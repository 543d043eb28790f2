// The annotation named in the address (#/documents/<docId>/a/<annotationId>), for when the route
// hook does not hand it over: links from a source page or search land on the highlight itself.
import { useSyncExternalStore } from 'react';

const PATTERN = /^#\/documents\/[^/]+\/a\/([^/?#]+)/;

function read(): string | null {
  const match = PATTERN.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useFocusedAnnotationFromHash(): string | null {
  return useSyncExternalStore(subscribe, read);
}
