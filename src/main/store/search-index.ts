// Keeps the FTS5 index in step with the rows it covers. Callers run these inside the same
// transaction as their write, so the index never disagrees with the data.
import { foldForIndex } from './fold';
import type { Database } from './native';
import { stmt } from './sql';

type RefKind = 'document' | 'annotation';

function put(db: Database, kind: RefKind, refId: string, documentId: string, cols: [string, string, string, string]): void {
  remove(db, kind, refId);
  const { lastInsertRowid } = stmt(db, 'INSERT INTO search_keys (ref_kind, ref_id, document_id) VALUES (?, ?, ?)').run(kind, refId, documentId);
  stmt(db, 'INSERT INTO search_fts (rowid, title, body, note, labels) VALUES (?, ?, ?, ?, ?)').run(lastInsertRowid, ...cols.map(foldForIndex));
}

function remove(db: Database, kind: RefKind, refId: string): void {
  const row = stmt(db, 'SELECT rowid FROM search_keys WHERE ref_kind = ? AND ref_id = ?').get(kind, refId) as { rowid: number } | undefined;
  if (!row) return;
  stmt(db, 'DELETE FROM search_fts WHERE rowid = ?').run(row.rowid);
  stmt(db, 'DELETE FROM search_keys WHERE rowid = ?').run(row.rowid);
}

export function indexDocument(db: Database, id: string): void {
  const doc = stmt(db, 'SELECT title, text, summary FROM documents WHERE id = ?').get(id) as { title: string; text: string; summary: string } | undefined;
  if (!doc) return remove(db, 'document', id);
  put(db, 'document', id, id, [doc.title, doc.text, doc.summary, '']);
}

export function indexAnnotation(db: Database, id: string): void {
  const row = stmt(db, 'SELECT document_id, exact, note FROM annotations WHERE id = ?').get(id) as
    { document_id: string; exact: string; note: string } | undefined;
  if (!row) return remove(db, 'annotation', id);
  const labels = stmt(
    db,
    `SELECT t.name AS label FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = @id
     UNION ALL SELECT s.name FROM annotation_sources x JOIN sources s ON s.id = x.source_id WHERE x.annotation_id = @id
     UNION ALL SELECT s.acronym FROM annotation_sources x JOIN sources s ON s.id = x.source_id WHERE x.annotation_id = @id AND s.acronym IS NOT NULL
     UNION ALL SELECT a.alias FROM annotation_sources x JOIN source_aliases a ON a.source_id = x.source_id WHERE x.annotation_id = @id`,
  )
    .all({ id })
    .map((r) => (r as { label: string }).label);
  put(db, 'annotation', id, row.document_id, ['', row.exact, row.note, labels.join(' · ')]);
}

export function unindexAnnotation(db: Database, id: string): void {
  remove(db, 'annotation', id);
}

/** Drops a document's row and every row of its annotations. */
export function unindexDocument(db: Database, documentId: string): void {
  const rows = stmt(db, 'SELECT rowid FROM search_keys WHERE document_id = ?').all(documentId) as { rowid: number }[];
  for (const { rowid } of rows) {
    stmt(db, 'DELETE FROM search_fts WHERE rowid = ?').run(rowid);
    stmt(db, 'DELETE FROM search_keys WHERE rowid = ?').run(rowid);
  }
}

/** After a tag or source is renamed, merged or deleted, the annotations that carry it. */
export function reindexAnnotationsWith(db: Database, link: 'tag' | 'source', id: string): void {
  const sql =
    link === 'tag'
      ? 'SELECT annotation_id AS id FROM annotation_tags WHERE tag_id = ?'
      : 'SELECT DISTINCT annotation_id AS id FROM annotation_sources WHERE source_id = ?';
  for (const row of stmt(db, sql).all(id) as { id: string }[]) indexAnnotation(db, row.id);
}

export function indexAllRows(db: Database): void {
  for (const { id } of db.prepare('SELECT id FROM documents').all() as { id: string }[]) indexDocument(db, id);
  for (const { id } of db.prepare('SELECT id FROM annotations').all() as { id: string }[]) indexAnnotation(db, id);
}
