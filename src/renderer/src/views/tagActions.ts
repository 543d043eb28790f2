// What the tags view does to tags: rename a whole branch, recolour, and delete with a way back.
import type { GlossClient } from '../../../shared/client';
import type { Result } from '../../../shared/errors';
import type { Tag } from '../../../shared/model';
import { isWithin, normalizeTagName, sameTagName } from '../fields/tagPaths';
import { withRebase } from './rebase';

/** Renaming a path renames every tag under it too: "labour" → "work" takes "labour/forced" to "work/forced". */
export function renamePlan(tags: readonly Tag[], fromPath: string, toTyped: string): { tag: Tag; name: string }[] | { error: string } {
  const to = normalizeTagName(toTyped);
  const from = normalizeTagName(fromPath);
  if (to === '') return { error: 'A tag needs a name.' };
  if (isWithin(to, from) && !sameTagName(to, from)) return { error: `“${to}” is inside “${from}”; a tag cannot move below itself.` };
  const plan = tags.filter((t) => isWithin(t.name, from)).map((tag) => ({ tag, name: to + normalizeTagName(tag.name).slice(from.length) }));
  const moving = new Set(plan.map((p) => p.tag.id));
  for (const { name } of plan) {
    const clash = tags.find((t) => !moving.has(t.id) && sameTagName(t.name, name));
    if (clash) return { error: `There is already a tag “${clash.name}”. To fold one into the other, select both and choose Merge selected.` };
  }
  return plan.filter((p) => p.name !== p.tag.name);
}

export async function renameTags(client: GlossClient, plan: { tag: Tag; name: string }[]): Promise<Result<unknown> | null> {
  for (const { tag, name } of plan) {
    const result = await withRebase((version) => client.try('tags.update', { id: tag.id, version, name }), tag.version);
    if (!result.ok) return result;
  }
  return null;
}

export const recolorTag = (client: GlossClient, tag: Tag, color: string | null) =>
  withRebase((version) => client.try('tags.update', { id: tag.id, version, color }), tag.version);

/** The claims carrying a tag, by document, found before it is deleted so Undo can put it back on them. */
async function carriersOf(client: GlossClient, tag: Tag): Promise<Map<string, Set<string>> | null> {
  const carriers = new Map<string, Set<string>>();
  if (tag.usage === 0) return carriers;
  const docs = await client.try('documents.list', { tagId: tag.id, limit: 100 });
  // Too many to restore one by one within reason: the confirmation says there is no undo.
  if (!docs.ok || docs.value.total > 100) return null;
  for (const doc of docs.value.items) {
    const annotations = await client.try('annotations.list', { documentId: doc.id });
    if (!annotations.ok) return null;
    const ids = annotations.value.filter((a) => a.tags.some((t) => t.id === tag.id)).map((a) => a.id);
    if (ids.length > 0) carriers.set(doc.id, new Set(ids));
  }
  return carriers;
}

export interface Deletion {
  result: Result<unknown>;
  /** Brings the tag back on every claim that had it; absent when that could not be recorded. */
  undo?: () => Promise<Result<unknown>>;
}

export async function deleteTag(client: GlossClient, tag: Tag, confirm: (question: string) => boolean): Promise<Deletion | null> {
  const carriers = await carriersOf(client, tag);
  const claims = tag.usage === 1 ? 'one claim' : `${tag.usage} claims`;
  const question =
    tag.usage === 0
      ? `Delete the tag “${tag.name}”?`
      : `Delete the tag “${tag.name}”? It comes off ${claims}; the claims stay.${carriers ? '' : ' This cannot be undone.'}`;
  if (!confirm(question)) return null;
  const result = await withRebase((version) => client.try('tags.delete', { id: tag.id, version }), tag.version);
  if (!result.ok || !carriers) return { result };
  const undo = async (): Promise<Result<unknown>> => {
    const created = await client.try('tags.create', { name: tag.name, color: tag.color });
    if (!created.ok) return created;
    for (const [documentId, ids] of carriers) {
      const annotations = await client.try('annotations.list', { documentId });
      if (!annotations.ok) return annotations;
      for (const annotation of annotations.value.filter((a) => ids.has(a.id))) {
        const tagIds = [...annotation.tags.map((t) => t.id), created.value.id];
        // Rebased onto the annotation as it now stands: only the tag is added back.
        const restored = await client.try('annotations.update', { id: annotation.id, version: annotation.version, tagIds });
        if (!restored.ok && restored.error.code === 'conflict') {
          const current = restored.error.current as typeof annotation | undefined;
          if (current)
            await client.try('annotations.update', {
              id: annotation.id,
              version: current.version,
              tagIds: [...current.tags.map((t) => t.id), created.value.id],
            });
        } else if (!restored.ok) return restored;
      }
    }
    return created;
  };
  return { result, undo };
}
