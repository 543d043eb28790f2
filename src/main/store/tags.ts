// Tags: hierarchical names written with `/` (labour/forced), attached to annotations.
import { GlossError, notFound } from '../../shared/errors';
import type { Tag } from '../../shared/model';
import type { Database } from './native';
import { indexAnnotation, reindexAnnotationsWith } from './search-index';
import { stmt } from './sql';
import { claimVersion } from './versioned';

const SELECT = 'SELECT t.id, t.name, t.color, t.version, (SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id) AS usage FROM tags t';

/** `Labour / Forced/` → `Labour/Forced`: one spelling for each place in the hierarchy. */
export function normalizeTagName(name: string): string {
  return name
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('/');
}

export function listTags(db: Database): Tag[] {
  return stmt(db, `${SELECT} ORDER BY t.name COLLATE NOCASE`).all() as Tag[];
}

export function getTag(db: Database, id: string): Tag {
  const tag = stmt(db, `${SELECT} WHERE t.id = ?`).get(id) as Tag | undefined;
  if (!tag) throw notFound('tag', id);
  return tag;
}

export function findTagByName(db: Database, name: string): Tag | null {
  return (stmt(db, `${SELECT} WHERE t.name = ? COLLATE NOCASE`).get(normalizeTagName(name)) as Tag | undefined) ?? null;
}

function checkedName(db: Database, raw: string, self: string | null): string {
  const name = normalizeTagName(raw);
  if (!name) throw new GlossError({ code: 'validation', message: 'A tag needs a name.', fields: [{ path: 'name', message: 'must not be empty' }] });
  const existing = findTagByName(db, name);
  if (existing && existing.id !== self) throw new GlossError({ code: 'conflict', message: `There is already a tag “${existing.name}”.` });
  return name;
}

export function createTag(db: Database, input: { id: string; name: string; color: string | null }): Tag {
  stmt(db, 'INSERT INTO tags (id, name, color) VALUES (?, ?, ?)').run(input.id, checkedName(db, input.name, null), input.color);
  return getTag(db, input.id);
}

export function updateTag(db: Database, id: string, basedOn: number, patch: { name?: string; color?: string | null }): Tag {
  claimVersion(db, 'tags', id, basedOn, () => getTag(db, id));
  const current = getTag(db, id);
  const name = patch.name === undefined ? current.name : checkedName(db, patch.name, id);
  stmt(db, 'UPDATE tags SET name = ?, color = ? WHERE id = ?').run(name, patch.color === undefined ? current.color : patch.color, id);
  if (name !== current.name) reindexAnnotationsWith(db, 'tag', id);
  return getTag(db, id);
}

export function deleteTag(db: Database, id: string, basedOn: number): void {
  claimVersion(db, 'tags', id, basedOn, () => getTag(db, id));
  const carriers = stmt(db, 'SELECT annotation_id AS id FROM annotation_tags WHERE tag_id = ?').all(id) as { id: string }[];
  stmt(db, 'DELETE FROM tags WHERE id = ?').run(id);
  for (const carrier of carriers) indexAnnotation(db, carrier.id);
}

export function mergeTags(db: Database, targetId: string, otherIds: readonly string[]): Tag {
  getTag(db, targetId);
  for (const otherId of new Set(otherIds)) {
    if (otherId === targetId) continue;
    getTag(db, otherId);
    const carriers = stmt(db, 'SELECT annotation_id AS id FROM annotation_tags WHERE tag_id = ?').all(otherId) as { id: string }[];
    stmt(db, 'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?').run(
      targetId,
      otherId,
    );
    stmt(db, 'DELETE FROM tags WHERE id = ?').run(otherId);
    for (const carrier of carriers) indexAnnotation(db, carrier.id);
  }
  stmt(db, 'UPDATE tags SET version = version + 1 WHERE id = ?').run(targetId);
  return getTag(db, targetId);
}
