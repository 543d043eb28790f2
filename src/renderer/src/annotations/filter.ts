// The Annotations panel's tag filter: which annotations it keeps, and the tags it offers to filter
// by. A tag path takes in the paths below it, so "labour" keeps what is tagged "labour/forced".
import type { Annotation, TagRef } from '../../../shared/model';
import { buildTagTree, flattenTagTree, isWithin, normalizeTagName } from '../fields/tagPaths';

/** Any: an annotation needs one of the chosen tags. All: it needs every one of them. */
export type TagMatch = 'any' | 'all';

export interface TagFilter {
  /** Tag paths as chosen; names, not ids, so a parent that is not a tag itself ("labour") can be chosen. */
  tags: string[];
  match: TagMatch;
}

export const NO_FILTER: TagFilter = { tags: [], match: 'any' };

type Tagged = Pick<Annotation, 'tags'>;

/** Paths tidied for comparing and for the address: normalised, without empties or repeats (ignoring case). */
export function tidyTagPaths(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of paths) {
    const path = normalizeTagName(raw);
    const key = path.toLocaleLowerCase();
    if (path === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(path);
  }
  return out;
}

export const isFiltering = (filter: TagFilter): boolean => filter.tags.length > 0;

/** True when the annotation has a tag at `path` or below it. */
export function carriesTag(row: Tagged, path: string): boolean {
  return row.tags.some((tag) => isWithin(tag.name, path));
}

export function matchesFilter(row: Tagged, filter: TagFilter): boolean {
  if (!isFiltering(filter)) return true;
  return filter.match === 'all' ? filter.tags.every((path) => carriesTag(row, path)) : filter.tags.some((path) => carriesTag(row, path));
}

/** The chosen path that takes in `path` from above ("labour" for "labour/forced"), if any. */
export function chosenAncestor(path: string, chosen: readonly string[]): string | null {
  return chosen.find((c) => c.toLocaleLowerCase() !== path.toLocaleLowerCase() && isWithin(path, c)) ?? null;
}

export const isChosen = (path: string, chosen: readonly string[]): boolean => chosen.some((c) => c.toLocaleLowerCase() === path.toLocaleLowerCase());

/** The filter with `path` chosen or not; choosing a parent drops its children, which it already takes in. */
export function toggleTag(filter: TagFilter, path: string, on: boolean): TagFilter {
  const rest = filter.tags.filter((c) => c.toLocaleLowerCase() !== path.toLocaleLowerCase());
  if (!on) return { ...filter, tags: rest };
  return { ...filter, tags: tidyTagPaths([...rest.filter((c) => !isWithin(c, path)), path]) };
}

export interface TagOption {
  path: string;
  /** The last segment, shown indented under its parent. */
  leaf: string;
  depth: number;
  color: string | null;
  /** Annotations with this tag or one below it. */
  count: number;
}

/**
 * What the filter offers: every tag on the given annotations as a tree in path order, with the
 * parents their paths imply, and any chosen path the annotations no longer carry (so it can be unchosen).
 */
export function tagOptions(rows: readonly Tagged[], chosen: readonly string[]): TagOption[] {
  const byName = new Map<string, Pick<TagRef, 'name' | 'color'>>();
  for (const row of rows) for (const tag of row.tags) byName.set(normalizeTagName(tag.name).toLocaleLowerCase(), tag);
  for (const path of chosen) if (!byName.has(path.toLocaleLowerCase())) byName.set(path.toLocaleLowerCase(), { name: path, color: null });
  return flattenTagTree(buildTagTree([...byName.values()])).map((node) => ({
    path: node.path,
    leaf: node.leaf,
    depth: node.depth,
    color: node.tag?.color ?? null,
    count: rows.filter((row) => carriesTag(row, node.path)).length,
  }));
}
