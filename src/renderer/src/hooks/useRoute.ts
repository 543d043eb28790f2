// Where the window is lives in the address (#/documents/<id>, #/sources/<id>, #/tags, …), so reload and Back keep it.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { TagFilter } from '../annotations/filter';

export type Route =
  | { name: 'home'; tagId: string | null }
  | { name: 'document'; id: string; annotationId: string | null; filter: TagFilter }
  | { name: 'tags' }
  | { name: 'sources' }
  | { name: 'source'; id: string }
  | { name: 'kinds' };

const DOCUMENTS = '#/documents/';

const segment = (text: string): string | null => {
  try {
    const decoded = decodeURIComponent(text);
    return decoded === '' ? null : decoded;
  } catch {
    return null;
  }
};

/** Reads an address's hash; anything not understood is the plain library. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(search);
  const home: Route = { name: 'home', tagId: segment(params.get('tag') ?? '') };
  if (parts[0] === 'documents' && parts[1]) {
    const id = segment(parts[1]);
    if (!id) return home;
    const annotationId = parts[2] === 'a' && parts[3] ? segment(parts[3]) : null;
    // In a document, ?tag= holds tag paths for the Annotations panel's filter (in the library, a tag's id).
    const filter: TagFilter = { tags: params.getAll('tag').filter(Boolean), match: params.get('match') === 'all' ? 'all' : 'any' };
    return { name: 'document', id, annotationId, filter };
  }
  if (parts[0] === 'tags' && parts.length === 1) return { name: 'tags' };
  if (parts[0] === 'sources') {
    if (parts.length === 1) return { name: 'sources' };
    const id = parts.length === 2 ? segment(parts[1]!) : null;
    if (id) return { name: 'source', id };
  }
  if (parts[0] === 'settings' && parts[1] === 'kinds' && parts.length === 2) return { name: 'kinds' };
  return home;
}

export const documentHref = (id: string): string => DOCUMENTS + encodeURIComponent(id);
export const annotationHref = (documentId: string, annotationId: string): string => `${documentHref(documentId)}/a/${encodeURIComponent(annotationId)}`;
/** A document with its Annotations panel filtered by tag paths (and an annotation to focus, if any). */
export function documentFilterHref(id: string, annotationId: string | null, filter: TagFilter): string {
  const path = annotationId ? annotationHref(id, annotationId) : documentHref(id);
  const params = new URLSearchParams(filter.tags.map((tag) => ['tag', tag]));
  if (filter.tags.length > 0 && filter.match === 'all') params.set('match', 'all');
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
export const sourceHref = (id: string): string => `#/sources/${encodeURIComponent(id)}`;
export const SOURCES_HREF = '#/sources';
export const TAGS_HREF = '#/tags';
export const KINDS_HREF = '#/settings/kinds';
/** The library filtered to documents with claims carrying this tag (or one below it). */
export const libraryTagHref = (tagId: string): string => `#/?tag=${encodeURIComponent(tagId)}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  return useMemo(() => parseRoute(hash), [hash]);
}

/** Goes to an address inside the app; null leaves for the plain library without leaving a bare “#”. */
export function navigate(href: string | null): void {
  if (href !== null) {
    if (window.location.hash !== href) window.location.hash = href;
    return;
  }
  history.pushState(null, '', window.location.pathname + window.location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Changes the address without a new history entry (a filter being adjusted is not a place to go Back to). */
export function replaceRoute(href: string): void {
  if (window.location.hash === href) return;
  history.replaceState(history.state, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The open document, a way to open another (or none), and the annotation the address asks to focus. */
export function useOpenDocument(): [string | null, (id: string | null) => void, string | undefined] {
  const route = useRoute();
  const open = useCallback((id: string | null) => navigate(id === null ? null : documentHref(id)), []);
  if (route.name !== 'document') return [null, open, undefined];
  return [route.id, open, route.annotationId ?? undefined];
}
