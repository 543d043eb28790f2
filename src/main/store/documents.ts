// Documents: their text, block structure, CSL-JSON metadata, origin and place in the Trash.
import type { Block } from '../../shared/canonical';
import { notFound } from '../../shared/errors';
import type { CslItem, DocumentOrigin, DocumentRecord, DocumentStatus, DocumentSummary, Page, SourceFormat } from '../../shared/model';
import { parseJson } from './json';
import type { Database } from './native';
import { indexDocument, unindexDocument } from './search-index';
import { now, stmt } from './sql';
import { claimVersion } from './versioned';

export interface NewDocument {
  id: string;
  title: string;
  status: DocumentStatus;
  format: SourceFormat;
  csl: CslItem;
  text: string;
  blocks: Block[];
  contentHash: string;
  wordCount: number;
  origin: Omit<DocumentOrigin, 'mediaType' | 'hasOriginal'> & { mediaType: string | null; bytes: Buffer | null };
}

interface Row {
  id: string;
  title: string;
  status: DocumentStatus;
  format: SourceFormat;
  csl: string;
  issued: string | null;
  word_count: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  version: number;
  annotation_count: number;
}

const SUMMARY_COLUMNS = `d.id, d.title, d.status, d.format, d.csl, d.issued, d.word_count, d.created_at, d.updated_at, d.deleted_at, d.version,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count`;

/** An ISO-like sortable date from CSL `issued` (2015-08-17, 2015-08 or 2015). */
export function issuedKey(csl: CslItem): string | null {
  const parts = csl.issued?.['date-parts']?.[0];
  if (parts && parts.length > 0) {
    const [y, m, d] = parts.map((p) => Number(p));
    if (y === undefined || !Number.isFinite(y)) return null;
    return [String(y).padStart(4, '0'), m ? String(m).padStart(2, '0') : null, d ? String(d).padStart(2, '0') : null].filter(Boolean).join('-');
  }
  const raw = csl.issued?.raw ?? csl.issued?.literal;
  const match = raw?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  return match ? match.slice(1).filter(Boolean).join('-') : null;
}

function authorsLine(csl: CslItem): string {
  return (csl.author ?? [])
    .map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(', ');
}

function toSummary(row: Row): DocumentSummary {
  const csl = parseJson<CslItem>(row.csl, {});
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    format: row.format,
    outlet: typeof csl['container-title'] === 'string' ? csl['container-title'] : null,
    issued: row.issued,
    authors: authorsLine(csl),
    wordCount: row.word_count,
    annotationCount: row.annotation_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    version: row.version,
  };
}

export function insertDocument(db: Database, doc: NewDocument): void {
  const at = now();
  stmt(
    db,
    `INSERT INTO documents (id, title, status, format, csl, text, blocks, summary, content_hash, word_count, issued, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
  ).run(
    doc.id,
    doc.title,
    doc.status,
    doc.format,
    JSON.stringify(doc.csl),
    doc.text,
    JSON.stringify(doc.blocks),
    doc.contentHash,
    doc.wordCount,
    issuedKey(doc.csl),
    at,
    at,
  );
  const o = doc.origin;
  stmt(db, 'INSERT INTO document_origins (document_id, kind, file_name, url, final_url, fetched_at, media_type, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    doc.id,
    o.kind,
    o.fileName,
    o.url,
    o.finalUrl,
    o.fetchedAt,
    o.mediaType,
    o.bytes,
  );
  indexDocument(db, doc.id);
}

export function getSummary(db: Database, id: string): DocumentSummary {
  const row = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('document', id);
  return toSummary(row);
}

export function getDocument(db: Database, id: string): DocumentRecord {
  const summary = getSummary(db, id);
  const row = stmt(
    db,
    `SELECT d.csl, d.text, d.blocks, d.summary, d.content_hash, o.kind, o.file_name, o.url, o.final_url, o.fetched_at, o.media_type,
       o.bytes IS NOT NULL AS has_original
     FROM documents d LEFT JOIN document_origins o ON o.document_id = d.id WHERE d.id = ?`,
  ).get(id) as {
    csl: string;
    text: string;
    blocks: string;
    summary: string;
    content_hash: string;
    kind: DocumentOrigin['kind'] | null;
    file_name: string | null;
    url: string | null;
    final_url: string | null;
    fetched_at: string | null;
    media_type: string | null;
    has_original: number | null;
  };
  return {
    ...summary,
    csl: parseJson<CslItem>(row.csl, {}),
    text: row.text,
    blocks: parseJson<Block[]>(row.blocks, []),
    summary: row.summary,
    contentHash: row.content_hash,
    origin: {
      kind: row.kind ?? 'pasted',
      fileName: row.file_name,
      url: row.url,
      finalUrl: row.final_url,
      fetchedAt: row.fetched_at,
      mediaType: row.media_type,
      hasOriginal: row.has_original === 1,
    },
  };
}

const ORDER: Record<string, string> = {
  title: 'd.title COLLATE NOCASE',
  created: 'd.created_at',
  updated: 'd.updated_at',
  issued: 'd.issued',
};

export function listDocuments(
  db: Database,
  options: { offset: number; limit: number; sort: keyof typeof ORDER; direction: 'asc' | 'desc'; trashed: boolean; tagId?: string | undefined },
): Page<DocumentSummary> {
  let where = options.trashed ? 'd.deleted_at IS NOT NULL' : 'd.deleted_at IS NULL';
  const params: Record<string, string> = {};
  if (options.tagId !== undefined) {
    // A tag stands for its whole branch: filtering by "labour" also finds "labour/forced".
    where += ` AND EXISTS (SELECT 1 FROM annotations a JOIN annotation_tags x ON x.annotation_id = a.id JOIN tags t ON t.id = x.tag_id
      WHERE a.document_id = d.id AND (t.id = @tagId OR t.name LIKE (SELECT replace(replace(name, '%', '\\%'), '_', '\\_') || '/%' FROM tags WHERE id = @tagId) ESCAPE '\\'))`;
    params.tagId = options.tagId;
  }
  const direction = options.direction === 'asc' ? 'ASC' : 'DESC';
  // Documents without a date sort last whichever the direction; ties fall back to id (creation order).
  const order = `${options.sort === 'issued' ? 'd.issued IS NULL, ' : ''}${ORDER[options.sort] ?? ORDER.created} ${direction}, d.id ${direction}`;
  const rows = stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: options.limit,
    offset: options.offset,
  }) as Row[];
  const { total } = stmt(db, `SELECT count(*) AS total FROM documents d WHERE ${where}`).get(params) as { total: number };
  return { items: rows.map(toSummary), total, offset: options.offset, limit: options.limit };
}

export function findByContentHash(db: Database, hash: string): DocumentSummary | null {
  const row = stmt(db, 'SELECT id FROM documents WHERE content_hash = ? AND deleted_at IS NULL LIMIT 1').get(hash) as { id: string } | undefined;
  return row ? getSummary(db, row.id) : null;
}

export function updateDocument(db: Database, id: string, basedOn: number, patch: { title?: string; csl?: CslItem; summary?: string }): DocumentRecord {
  claimVersion(db, 'documents', id, basedOn, () => getDocument(db, id));
  const current = getDocument(db, id);
  const csl = patch.csl ?? current.csl;
  stmt(db, 'UPDATE documents SET title = ?, csl = ?, issued = ?, summary = ?, updated_at = ? WHERE id = ?').run(
    patch.title ?? current.title,
    JSON.stringify(csl),
    issuedKey(csl),
    patch.summary ?? current.summary,
    now(),
    id,
  );
  indexDocument(db, id);
  return getDocument(db, id);
}

export function setTrashed(db: Database, id: string, trashed: boolean): DocumentSummary {
  getSummary(db, id);
  const at = now();
  stmt(db, 'UPDATE documents SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(trashed ? at : null, at, id);
  return getSummary(db, id);
}

export function purgeDocument(db: Database, id: string): void {
  const summary = getSummary(db, id);
  if (summary.deletedAt === null) {
    throw notFound('document in the Trash', id);
  }
  unindexDocument(db, id);
  stmt(db, 'DELETE FROM documents WHERE id = ?').run(id);
}

/** Throws not-found unless the document exists (in the library or the Trash), without reading its text. */
export function requireDocument(db: Database, id: string): void {
  if (!stmt(db, 'SELECT 1 FROM documents WHERE id = ?').get(id)) throw notFound('document', id);
}

export function documentText(db: Database, id: string): string {
  const row = stmt(db, 'SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
  if (!row) throw notFound('document', id);
  return row.text;
}

/** Replaces a document's text (edit mode, re-import); the caller re-anchors its annotations. */
export function replaceText(db: Database, id: string, basedOn: number, next: { text: string; blocks: Block[]; contentHash: string; wordCount: number }): void {
  claimVersion(db, 'documents', id, basedOn, () => getDocument(db, id));
  stmt(db, 'UPDATE documents SET text = ?, blocks = ?, content_hash = ?, word_count = ?, updated_at = ? WHERE id = ?').run(
    next.text,
    JSON.stringify(next.blocks),
    next.contentHash,
    next.wordCount,
    now(),
    id,
  );
  indexDocument(db, id);
}

/**
 * A live document that cites the same work: the same DOI, or the same URL and title (case aside);
 * for a reference with neither (a printed report), the same title and date of issue.
 */
export function findCitationDuplicate(db: Database, csl: CslItem): { id: string; title: string; reason: 'DOI' | 'URL and title' | 'title and date' } | null {
  const doi = typeof csl.DOI === 'string' ? csl.DOI.trim() : '';
  if (doi !== '') {
    const row = stmt(
      db,
      "SELECT id, title FROM documents WHERE deleted_at IS NULL AND lower(trim(json_extract(csl, '$.DOI'))) = lower(?) ORDER BY created_at LIMIT 1",
    ).get(doi) as { id: string; title: string } | undefined;
    if (row) return { ...row, reason: 'DOI' };
  }
  const url = typeof csl.URL === 'string' ? csl.URL.trim() : '';
  const title = typeof csl.title === 'string' ? csl.title.trim() : '';
  if (url !== '' && title !== '') {
    const row = stmt(
      db,
      `SELECT id, title FROM documents WHERE deleted_at IS NULL AND trim(json_extract(csl, '$.URL')) = ?
       AND lower(trim(coalesce(json_extract(csl, '$.title'), title))) = lower(?) ORDER BY created_at LIMIT 1`,
    ).get(url, title) as { id: string; title: string } | undefined;
    if (row) return { ...row, reason: 'URL and title' };
  }
  const issued = issuedKey(csl);
  if (doi === '' && url === '' && title !== '' && issued !== null) {
    const row = stmt(
      db,
      `SELECT id, title FROM documents WHERE deleted_at IS NULL AND issued = ?
       AND lower(trim(coalesce(json_extract(csl, '$.title'), title))) = lower(?) ORDER BY created_at LIMIT 1`,
    ).get(issued, title) as { id: string; title: string } | undefined;
    if (row) return { ...row, reason: 'title and date' };
  }
  return null;
}

/** Where a document came from, with the original bytes when they were kept (for re-import). */
export function getOriginSource(db: Database, id: string): DocumentOrigin & { bytes: Buffer | null } {
  const row = stmt(db, 'SELECT kind, file_name, url, final_url, fetched_at, media_type, bytes FROM document_origins WHERE document_id = ?').get(id) as
    | {
        kind: DocumentOrigin['kind'];
        file_name: string | null;
        url: string | null;
        final_url: string | null;
        fetched_at: string | null;
        media_type: string | null;
        bytes: Buffer | null;
      }
    | undefined;
  if (!row) throw notFound('document', id);
  return {
    kind: row.kind,
    fileName: row.file_name,
    url: row.url,
    finalUrl: row.final_url,
    fetchedAt: row.fetched_at,
    mediaType: row.media_type,
    hasOriginal: row.bytes !== null,
    bytes: row.bytes,
  };
}

export function setOrigin(db: Database, id: string, o: NewDocument['origin']): void {
  stmt(db, 'UPDATE document_origins SET kind = ?, file_name = ?, url = ?, final_url = ?, fetched_at = ?, media_type = ?, bytes = ? WHERE document_id = ?').run(
    o.kind,
    o.fileName,
    o.url,
    o.finalUrl,
    o.fetchedAt,
    o.mediaType,
    o.bytes,
    id,
  );
}

/** Gives an entry awaiting its text that text: it becomes a ready document of the given format. */
export function fillText(
  db: Database,
  id: string,
  basedOn: number,
  next: { text: string; blocks: Block[]; contentHash: string; wordCount: number; format: SourceFormat; csl: CslItem; title: string },
): void {
  claimVersion(db, 'documents', id, basedOn, () => getDocument(db, id));
  stmt(
    db,
    `UPDATE documents SET status = 'ready', format = ?, title = ?, csl = ?, issued = ?, text = ?, blocks = ?, content_hash = ?, word_count = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    next.format,
    next.title,
    JSON.stringify(next.csl),
    issuedKey(next.csl),
    next.text,
    JSON.stringify(next.blocks),
    next.contentHash,
    next.wordCount,
    now(),
    id,
  );
  indexDocument(db, id);
}
