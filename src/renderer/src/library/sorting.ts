// The library's sort orders as people name them, and how each asks the API.
import type { Input } from '../../../shared/api';

export type SortKey = 'newest' | 'title' | 'issued';

export const SORTS: { key: SortKey; label: string; query: Pick<Input<'documents.list'>, 'sort' | 'direction'> }[] = [
  { key: 'newest', label: 'Newest added', query: { sort: 'created', direction: 'desc' } },
  { key: 'title', label: 'Title', query: { sort: 'title', direction: 'asc' } },
  { key: 'issued', label: 'Publication date', query: { sort: 'issued', direction: 'desc' } },
];

const STORAGE_KEY = 'gloss.librarySort';

export function savedSort(): SortKey {
  const saved = localStorage.getItem(STORAGE_KEY);
  return SORTS.some((sort) => sort.key === saved) ? (saved as SortKey) : 'newest';
}

export function saveSort(key: SortKey): void {
  localStorage.setItem(STORAGE_KEY, key);
}

export function sortQuery(key: SortKey) {
  return (SORTS.find((sort) => sort.key === key) ?? SORTS[0]!).query;
}
