// Sources: the organisations, people, reports, datasets, outlets and pages that claims come
// from. Aliases and an acronym let "ILO" and "International Labour Organization" find one source.
import { GlossError, notFound } from '../../shared/errors';
import type { CslItem, Page, Source, SourceClaim, SourceKind, SourceRole } from '../../shared/model';
import { getAnnotation } from './annotations';
import { parseJson } from './json';
import type { Database } from './native';
import { indexAnnotation, reindexAnnotationsWith } from './search-index';
import { now, stmt } from './sql';
import { claimVersion } from './versioned';

interface Row {
  id: string;
  kind: SourceKind;
  name: string;
  acronym: string | null;
  url: string | null;
  publisher_id: string | null;
  csl: string | null;
  version: number;
  claim_count: number;
}

const SELECT = `SELECT s.*, (SELECT count(DISTINCT x.annotation_id) FROM annotation_sources x WHERE x.source_id = s.id) AS claim_count FROM sources s`;

function toSource(db: Database, row: Row): Source {
  const aliases = (stmt(db, 'SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY alias').all(row.id) as { alias: string }[]).map((r) => r.alias);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    acronym: row.acronym,
    aliases,
    url: row.url,
    publisherId: row.publisher_id,
    csl: parseJson<CslItem | null>(row.csl, null),
    claimCount: row.claim_count,
    version: row.version,
  };
}

export function getSource(db: Database, id: string): Source {
  const row = stmt(db, `${SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('source', id);
  return toSource(db, row);
}

/** Every source, or those whose name, acronym or an alias contains the query (any case). */
export function listSources(db: Database, query?: string): Source[] {
  if (!query?.trim()) return (stmt(db, `${SELECT} ORDER BY s.name COLLATE NOCASE`).all() as Row[]).map((r) => toSource(db, r));
  const like = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = stmt(
    db,
    `${SELECT} WHERE s.name LIKE @q ESCAPE '\\' OR s.acronym LIKE @q ESCAPE '\\'
       OR EXISTS (SELECT 1 FROM source_aliases a WHERE a.source_id = s.id AND a.alias LIKE @q ESCAPE '\\')
     ORDER BY s.name COLLATE NOCASE LIMIT 200`,
  ).all({ q: like }) as Row[];
  return rows.map((r) => toSource(db, r));
}

/** The source that already answers to this name, acronym or alias, if any. */
export function findSourceByName(db: Database, name: string): Source | null {
  const row = stmt(
    db,
    `${SELECT} WHERE s.name = @q COLLATE NOCASE OR s.acronym = @q COLLATE NOCASE
       OR EXISTS (SELECT 1 FROM source_aliases a WHERE a.source_id = s.id AND a.alias = @q)
     LIMIT 1`,
  ).get({ q: name.trim() }) as Row | undefined;
  return row ? toSource(db, row) : null;
}

function setAliases(db: Database, id: string, aliases: readonly string[]): void {
  stmt(db, 'DELETE FROM source_aliases WHERE source_id = ?').run(id);
  for (const alias of new Set(aliases.map((a) => a.trim()).filter(Boolean)))
    stmt(db, 'INSERT OR IGNORE INTO source_aliases (source_id, alias) VALUES (?, ?)').run(id, alias);
}

function checkPublisher(db: Database, id: string, publisherId: string | null): void {
  if (publisherId === null) return;
  if (publisherId === id)
    throw new GlossError({
      code: 'validation',
      message: 'A source cannot be its own publisher.',
      fields: [{ path: 'publisherId', message: 'must be another source' }],
    });
  getSource(db, publisherId);
}

export interface SourceFields {
  kind: SourceKind;
  name: string;
  acronym: string | null;
  aliases: string[];
  url: string | null;
  publisherId: string | null;
  csl: CslItem | null;
}

export function createSource(db: Database, id: string, input: SourceFields): Source {
  checkPublisher(db, id, input.publisherId);
  const at = now();
  stmt(db, 'INSERT INTO sources (id, kind, name, acronym, url, publisher_id, csl, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    input.kind,
    input.name.trim(),
    input.acronym?.trim() || null,
    input.url,
    input.publisherId,
    input.csl ? JSON.stringify(input.csl) : null,
    at,
    at,
  );
  setAliases(db, id, input.aliases);
  return getSource(db, id);
}

export function updateSource(db: Database, id: string, basedOn: number, patch: Partial<SourceFields>): Source {
  claimVersion(db, 'sources', id, basedOn, () => getSource(db, id));
  const current = getSource(db, id);
  const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Source;
  checkPublisher(db, id, next.publisherId);
  stmt(db, 'UPDATE sources SET kind = ?, name = ?, acronym = ?, url = ?, publisher_id = ?, csl = ?, updated_at = ? WHERE id = ?').run(
    next.kind,
    next.name.trim(),
    next.acronym?.trim() || null,
    next.url,
    next.publisherId,
    next.csl ? JSON.stringify(next.csl) : null,
    now(),
    id,
  );
  if (patch.aliases !== undefined) setAliases(db, id, patch.aliases);
  reindexAnnotationsWith(db, 'source', id);
  return getSource(db, id);
}

export function deleteSource(db: Database, id: string, basedOn: number): void {
  claimVersion(db, 'sources', id, basedOn, () => getSource(db, id));
  const carriers = stmt(db, 'SELECT DISTINCT annotation_id AS id FROM annotation_sources WHERE source_id = ?').all(id) as { id: string }[];
  stmt(db, 'DELETE FROM sources WHERE id = ?').run(id);
  for (const carrier of carriers) indexAnnotation(db, carrier.id);
}

/** Every name the other source answered to becomes an alias of the target, so searches still find it. */
export function mergeSources(db: Database, targetId: string, otherIds: readonly string[]): Source {
  const target = getSource(db, targetId);
  const aliases = new Set(target.aliases);
  for (const otherId of new Set(otherIds)) {
    if (otherId === targetId) continue;
    const other = getSource(db, otherId);
    for (const name of [other.name, other.acronym, ...other.aliases]) if (name && name.toLowerCase() !== target.name.toLowerCase()) aliases.add(name);
    const carriers = stmt(db, 'SELECT DISTINCT annotation_id AS id FROM annotation_sources WHERE source_id = ?').all(otherId) as { id: string }[];
    stmt(
      db,
      'INSERT OR IGNORE INTO annotation_sources (annotation_id, source_id, role, locator, position) SELECT annotation_id, ?, role, locator, position FROM annotation_sources WHERE source_id = ?',
    ).run(targetId, otherId);
    stmt(db, 'UPDATE sources SET publisher_id = ? WHERE publisher_id = ? AND id <> ?').run(targetId, otherId, targetId);
    stmt(db, 'DELETE FROM sources WHERE id = ?').run(otherId);
    for (const carrier of carriers) indexAnnotation(db, carrier.id);
  }
  if (target.acronym) aliases.delete(target.acronym);
  setAliases(db, targetId, [...aliases]);
  stmt(db, 'UPDATE sources SET version = version + 1, updated_at = ? WHERE id = ?').run(now(), targetId);
  reindexAnnotationsWith(db, 'source', targetId);
  return getSource(db, targetId);
}

export function sourceClaims(db: Database, id: string, offset: number, limit: number): Page<SourceClaim> {
  getSource(db, id);
  const rows = stmt(
    db,
    `SELECT x.annotation_id AS annotationId, x.role, x.locator, d.title AS documentTitle
     FROM annotation_sources x JOIN annotations a ON a.id = x.annotation_id JOIN documents d ON d.id = a.document_id
     WHERE x.source_id = ? AND d.deleted_at IS NULL
     ORDER BY d.title COLLATE NOCASE, d.id, a.start LIMIT ? OFFSET ?`,
  ).all(id, limit, offset) as { annotationId: string; role: SourceRole; locator: string | null; documentTitle: string }[];
  const { total } = stmt(
    db,
    'SELECT count(*) AS total FROM annotation_sources x JOIN annotations a ON a.id = x.annotation_id JOIN documents d ON d.id = a.document_id WHERE x.source_id = ? AND d.deleted_at IS NULL',
  ).get(id) as { total: number };
  const items = rows.map((row) => ({
    annotation: getAnnotation(db, row.annotationId),
    documentTitle: row.documentTitle,
    role: row.role,
    locator: row.locator,
  }));
  return { items, total, offset, limit };
}
