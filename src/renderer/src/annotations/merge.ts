// Rebasing an unsaved change on a newer version of its annotation (another window saved first):
// a three-way merge of base, ours and theirs, field by field, so that neither edit is dropped.
import type { Figure } from '../../../shared/figures/types';
import type { Annotation, ClaimStatus, SourceRole } from '../../../shared/model';

export interface SourceInput {
  sourceId: string;
  role: SourceRole;
  locator: string | null;
}

export type FigureInput = Figure & { id?: string };

/** The editable fields of an annotation, as annotations.update takes them. */
export interface Patch {
  kindId?: string;
  note?: string;
  status?: ClaimStatus;
  tagIds?: string[];
  sources?: SourceInput[];
  figures?: FigureInput[];
}

export const tagIdsOf = (row: Pick<Annotation, 'tags'>): string[] => row.tags.map((tag) => tag.id);
export const sourcesOf = (row: Pick<Annotation, 'sources'>): SourceInput[] => row.sources.map(({ sourceId, role, locator }) => ({ sourceId, role, locator }));

/** The patch that would turn `row` back into `before` for every field `patch` touches (for undo). */
export function inverseOf(before: Annotation, patch: Patch): Patch {
  const inverse: Patch = {};
  if (patch.kindId !== undefined) inverse.kindId = before.kindId;
  if (patch.note !== undefined) inverse.note = before.note;
  if (patch.status !== undefined) inverse.status = before.status;
  if (patch.tagIds !== undefined) inverse.tagIds = tagIdsOf(before);
  if (patch.sources !== undefined) inverse.sources = sourcesOf(before);
  if (patch.figures !== undefined) inverse.figures = before.figures;
  return inverse;
}

export function isEmptyPatch(patch: Patch): boolean {
  return Object.values(patch).every((value) => value === undefined);
}

/** Later edits of the same field replace earlier ones; different fields add up. */
export function combine(earlier: Patch, later: Patch): Patch {
  const out: Patch = { ...earlier };
  for (const [key, value] of Object.entries(later)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

/** Three-way merge of keyed lists: theirs, plus what we added or changed, minus what we removed. */
function mergeKeyed<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], key: (item: T) => string | undefined, same: (a: T, b: T) => boolean): T[] {
  const baseByKey = new Map(base.map((item) => [key(item), item] as const));
  const oursByKey = new Map(ours.map((item) => [key(item), item] as const));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const item of theirs) {
    const k = key(item);
    if (k === undefined) continue;
    seen.add(k);
    const before = baseByKey.get(k);
    const mine = oursByKey.get(k);
    if (before !== undefined && mine === undefined) continue; // we removed it
    if (before !== undefined && mine !== undefined && !same(before, mine))
      out.push(mine); // we changed it
    else out.push(item);
  }
  for (const item of ours) {
    const k = key(item);
    if (k === undefined)
      out.push(item); // new, not stored yet
    else if (!seen.has(k) && !baseByKey.has(k)) out.push(item); // we added it
  }
  return out;
}

/** Both sides rewrote the note: keep both texts rather than lose one. */
function mergeNote(base: string, ours: string, theirs: string): { note: string; joined: boolean } {
  if (theirs === base || theirs === ours) return { note: ours, joined: false };
  if (ours === base) return { note: theirs, joined: false };
  if (ours.includes(theirs)) return { note: ours, joined: false };
  if (theirs.includes(ours)) return { note: theirs, joined: false };
  return { note: `${theirs}\n\n${ours}`, joined: true };
}

export interface Rebased {
  patch: Patch;
  /** True when both sides rewrote the note and both texts were kept. */
  joinedNotes: boolean;
}

/** Our change (`patch` over `base`), restated over `theirs`, the newer stored row. */
export function rebase(base: Annotation, patch: Patch, theirs: Annotation): Rebased {
  const out: Patch = {};
  let joinedNotes = false;
  if (patch.kindId !== undefined && patch.kindId !== theirs.kindId) out.kindId = patch.kindId;
  if (patch.status !== undefined && patch.status !== theirs.status) out.status = patch.status;
  if (patch.note !== undefined) {
    const merged = mergeNote(base.note, patch.note, theirs.note);
    joinedNotes = merged.joined;
    if (merged.note !== theirs.note) out.note = merged.note;
  }
  if (patch.tagIds !== undefined) {
    const ids = mergeKeyed(
      tagIdsOf(base),
      patch.tagIds,
      tagIdsOf(theirs),
      (id) => id,
      (a, b) => a === b,
    );
    if (ids.join('\n') !== tagIdsOf(theirs).join('\n')) out.tagIds = ids;
  }
  if (patch.sources !== undefined) {
    const same = (a: SourceInput, b: SourceInput) => a.role === b.role && a.locator === b.locator;
    const links = mergeKeyed(sourcesOf(base), patch.sources, sourcesOf(theirs), (link) => link.sourceId, same);
    if (JSON.stringify(links) !== JSON.stringify(sourcesOf(theirs))) out.sources = links;
  }
  if (patch.figures !== undefined) {
    const same = (a: FigureInput, b: FigureInput) => JSON.stringify({ ...a, id: undefined }) === JSON.stringify({ ...b, id: undefined });
    const figures = mergeKeyed<FigureInput>(base.figures, patch.figures, theirs.figures, (figure) => figure.id, same);
    if (JSON.stringify(figures) !== JSON.stringify(theirs.figures)) out.figures = figures;
  }
  return { patch: out, joinedNotes };
}

/** What the card shows while a change is unsaved: the scalar fields as typed. */
export function withPatch(row: Annotation, patch: Patch | undefined): Annotation {
  if (!patch) return row;
  return {
    ...row,
    kindId: patch.kindId ?? row.kindId,
    note: patch.note ?? row.note,
    status: patch.status ?? row.status,
  };
}
