// Tag names as paths: "labour/forced" sits under "labour". Pure helpers shared by the field and the tags view.
import type { TagRef } from '../../../shared/model';

/** Tidies what was typed into a tag path: trimmed segments, no empty ones, single spaces. */
export function normalizeTagName(typed: string): string {
  return typed
    .split('/')
    .map((segment) => segment.trim().replace(/\s+/g, ' '))
    .filter((segment) => segment !== '')
    .join('/');
}

export function tagSegments(name: string): string[] {
  return normalizeTagName(name).split('/').filter(Boolean);
}

/** The last segment, what the tag is called within its parent. */
export function tagLeaf(name: string): string {
  const segments = tagSegments(name);
  return segments[segments.length - 1] ?? '';
}

/** "labour" for "labour/forced"; null at the top. */
export function tagParent(name: string): string | null {
  const segments = tagSegments(name);
  return segments.length > 1 ? segments.slice(0, -1).join('/') : null;
}

export function sameTagName(a: string, b: string): boolean {
  return normalizeTagName(a).toLocaleLowerCase() === normalizeTagName(b).toLocaleLowerCase();
}

/** True when `name` is `ancestor` itself or sits below it. */
export function isWithin(name: string, ancestor: string): boolean {
  const n = normalizeTagName(name).toLocaleLowerCase();
  const a = normalizeTagName(ancestor).toLocaleLowerCase();
  return n === a || n.startsWith(`${a}/`);
}

/**
 * How well a tag matches what is being typed, or -1: the whole path first, then a segment that
 * starts with it, then anywhere. "for" finds "labour/forced"; "labour/f" finds it too.
 */
export function tagMatchRank(name: string, typed: string): number {
  const query = normalizeTagName(typed).toLocaleLowerCase();
  if (query === '') return 2;
  const path = normalizeTagName(name).toLocaleLowerCase();
  if (path.startsWith(query)) return 0;
  if (path.split('/').some((segment) => segment.startsWith(query))) return 1;
  return path.includes(query) ? 2 : -1;
}

/** Tags that match the typed text, best first, then by path; those already chosen are left out. */
export function suggestTags<T extends TagRef>(tags: readonly T[], typed: string, chosen: readonly string[], max = 8): T[] {
  const taken = new Set(chosen);
  return tags
    .map((tag) => ({ tag, rank: tagMatchRank(tag.name, typed) }))
    .filter(({ tag, rank }) => rank >= 0 && !taken.has(tag.id))
    .sort((a, b) => a.rank - b.rank || compareTagNames(a.tag.name, b.tag.name))
    .slice(0, max)
    .map(({ tag }) => tag);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Path order, so a parent comes right before its children ("labour", "labour/forced", "labour law"). */
export function compareTagNames(a: string, b: string): number {
  const sa = tagSegments(a);
  const sb = tagSegments(b);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = collator.compare(sa[i]!, sb[i]!);
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}

export interface TagNode<T> {
  /** The full path of this node. */
  path: string;
  leaf: string;
  depth: number;
  /** The stored tag at this path; null when only its children exist ("labour" for "labour/forced" alone). */
  tag: T | null;
  children: TagNode<T>[];
}

/** The tags as a tree by path; parents that are not tags themselves still appear, to hold their children. */
export function buildTagTree<T extends { name: string }>(tags: readonly T[]): TagNode<T>[] {
  const roots: TagNode<T>[] = [];
  const byPath = new Map<string, TagNode<T>>();
  const sorted = [...tags].sort((a, b) => compareTagNames(a.name, b.name));
  for (const tag of sorted) {
    const segments = tagSegments(tag.name);
    let siblings = roots;
    for (let depth = 0; depth < segments.length; depth++) {
      const path = segments.slice(0, depth + 1).join('/');
      const key = path.toLocaleLowerCase();
      let node = byPath.get(key);
      if (!node) {
        node = { path, leaf: segments[depth]!, depth, tag: null, children: [] };
        byPath.set(key, node);
        siblings.push(node);
      }
      if (depth === segments.length - 1) node.tag = tag;
      siblings = node.children;
    }
  }
  return roots;
}

/** The tree in reading order, depth first: what a flat list shows, indented. */
export function flattenTagTree<T>(nodes: readonly TagNode<T>[]): TagNode<T>[] {
  return nodes.flatMap((node) => [node, ...flattenTagTree(node.children)]);
}
