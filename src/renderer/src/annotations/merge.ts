// Rebasing an unsaved change on a newer version of its annotation (another window saved first):
// a three-way merge of base, ours and theirs, field by field, so that neither edit is dropped.
import type { Figure } from '../../../shared/figures/types';
import type { Annotation, ClaimStatus, SourceRole, StoredFigure } from '../../../shared/model';

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

/** A figure's content, ids aside and whatever order its properties came in. */
const figureContent = (figure: FigureInput) =>
  JSON.stringify(
    Object.entries(figure)
      .filter(([key, value]) => key !== 'id' && value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
const sameFigure = (a: FigureInput, b: FigureInput) => figureContent(a) === figureContent(b);

/**
 * A figure added by a send that was still on its way when this change was made has no id in the
 * base or in our list, but has one in theirs (the save gave it one): it is the same figure, not
 * one we added again.
 */
function adoptFigureIds(base: readonly FigureInput[], ours: readonly FigureInput[], theirs: readonly FigureInput[]): [FigureInput[], FigureInput[]] {
  const known = new Set(base.map((figure) => figure.id));
  const fresh = theirs.filter((figure) => figure.id !== undefined && !known.has(figure.id));
  const adopted = new Map<string, string[]>();
  const baseOut = base.map((figure) => {
    if (figure.id !== undefined) return figure;
    const at = fresh.findIndex((candidate) => sameFigure(candidate, figure));
    if (at < 0) return figure;
    const id = fresh.splice(at, 1)[0]!.id!;
    const content = figureContent(figure);
    adopted.set(content, [...(adopted.get(content) ?? []), id]);
    return { ...figure, id };
  });
  const oursOut = ours.map((figure) => {
    const id = figure.id === undefined ? adopted.get(figureContent(figure))?.shift() : undefined;
    return id === undefined ? figure : { ...figure, id };
  });
  return [baseOut, oursOut];
}

const PARAGRAPH_BREAK = '\n\n';

/** Where `text` holds `part` as whole paragraphs, if it does so exactly once. */
function paragraphsAt(text: string, part: string): number | null {
  let found: number | null = null;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const end = at + part.length;
    const starts = at === 0 || text.startsWith(PARAGRAPH_BREAK, at - PARAGRAPH_BREAK.length);
    const ends = end === text.length || text.startsWith(PARAGRAPH_BREAK, end);
    if (!starts || !ends) continue;
    if (found !== null) return null;
    found = at;
  }
  return found;
}

/** Both sides rewrote the note: keep both texts rather than lose one. */
function mergeNote(base: string, ours: string, theirs: string): { note: string; joined: boolean } {
  if (theirs === base || theirs === ours) return { note: ours, joined: false };
  if (ours === base) return { note: theirs, joined: false };
  // They only added paragraphs around what we started from (or it is the note as joined from an
  // earlier send of ours): our edit, deletions included, is made to those paragraphs in theirs.
  const at = base === '' ? null : paragraphsAt(theirs, base);
  if (at !== null) {
    const before = theirs.slice(0, at);
    const after = theirs.slice(at + base.length);
    // Emptied, they leave no blank paragraph behind.
    if (ours === '')
      return {
        note: after.startsWith(PARAGRAPH_BREAK) ? before + after.slice(PARAGRAPH_BREAK.length) : before.slice(0, -PARAGRAPH_BREAK.length),
        joined: false,
      };
    return { note: before + ours + after, joined: false };
  }
  if (ours.includes(theirs)) return { note: ours, joined: false };
  if (theirs.includes(ours)) return { note: theirs, joined: false };
  return { note: `${theirs}${PARAGRAPH_BREAK}${ours}`, joined: true };
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
    const [baseFigures, ourFigures] = adoptFigureIds(base.figures, patch.figures, theirs.figures);
    const figures = mergeKeyed<FigureInput>(baseFigures, ourFigures, theirs.figures, (figure) => figure.id, sameFigure);
    if (JSON.stringify(figures) !== JSON.stringify(theirs.figures)) out.figures = figures;
  }
  return { patch: out, joinedNotes };
}

/**
 * `row` with `patch` applied, as a merge base: what this window showed when it made a later change
 * while `patch` was still on its way. Never stored or shown (new tags, sources and figures lack
 * their names and ids).
 */
export function applied(row: Annotation, patch: Patch): Annotation {
  return {
    ...withPatch(row, patch),
    tags: patch.tagIds ? patch.tagIds.map((id) => row.tags.find((tag) => tag.id === id) ?? { id, name: '', color: null }) : row.tags,
    sources: patch.sources
      ? patch.sources.map((link) => ({ ...link, name: row.sources.find((known) => known.sourceId === link.sourceId)?.name ?? '' }))
      : row.sources,
    figures: patch.figures ? (patch.figures as StoredFigure[]) : row.figures,
  };
}

const symmetricDifference = (a: Set<string>, b: Set<string>) => new Set([...[...a].filter((k) => !b.has(k)), ...[...b].filter((k) => !a.has(k))]);

/** `shown` with the items in `back` as `stored` has them (the way a list field takes back a refused edit). */
function giveBack<T>(shown: readonly T[], stored: readonly T[], back: Set<string>, key: (item: T) => string): T[] {
  const storedKeys = new Set(stored.map(key));
  const kept = shown.filter((item) => !back.has(key(item)) || storedKeys.has(key(item)));
  const keptKeys = new Set(kept.map(key));
  return [...kept, ...stored.filter((item) => back.has(key(item)) && !keptKeys.has(key(item)))];
}

/** A source link as the sources field tells links apart. */
const linkKey = (link: SourceInput) => JSON.stringify([link.sourceId, link.role, link.locator]);

export interface Change {
  /** What the window showed when the change was made. */
  from: Annotation;
  /** What it showed with the change. */
  to: Annotation;
}

/**
 * What the window shows once `refused` was given up, while `later` (made on top of it) is still
 * to be sent as `patch` over `stored`: the items the refused change added or removed go back to
 * how `stored` has them, unless `later` changed them too; the other fields show `stored` with
 * `patch`. The tags and sources fields do the same on their side, so both agree on what the next
 * change is made on.
 */
export function afterRefusal(refused: Change, later: Change, stored: Annotation, patch: Patch): Annotation {
  const list = <T>(get: (row: Annotation) => readonly T[], key: (item: T) => string): T[] => {
    const keys = (row: Annotation) => new Set(get(row).map(key));
    const again = symmetricDifference(keys(later.from), keys(later.to));
    const back = [...symmetricDifference(keys(refused.from), keys(refused.to))].filter((k) => !again.has(k));
    return giveBack(get(later.to), get(stored), new Set(back), key);
  };
  return {
    ...applied(stored, patch),
    tags: list(
      (row) => row.tags,
      (tag) => tag.id,
    ),
    sources: list((row) => row.sources, linkKey),
    figures: list((row) => row.figures, figureContent),
  };
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
