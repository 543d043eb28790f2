// Annotations: W3C position and quote selectors into a document's canonical text, with the
// kind, claim status, note, tags and sources that a researcher attaches.
import { GlossError, notFound } from '../../shared/errors';
import type { Annotation, AnchorStatus, ClaimStatus, Placement, SourceLink, SourceRole, TagRef } from '../../shared/model';
import type { Figure } from '../../shared/figures/types';
import { quoteSelectorAt } from '../../shared/anchoring';
import { documentText, requireDocument } from './documents';
import { figuresOf, figuresOfDocument, setFigures } from './figures';
import type { Database } from './native';
import { indexAnnotation, unindexAnnotation } from './search-index';
import { groupBy, now, stmt } from './sql';
import { claimVersion } from './versioned';

interface Row {
  id: string;
  document_id: string;
  kind_id: string;
  status: ClaimStatus;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchor: AnchorStatus;
  note: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SourceLinkInput {
  sourceId: string;
  role: SourceRole;
  locator: string | null;
}

function tagsOf(db: Database, id: string): TagRef[] {
  return stmt(
    db,
    'SELECT t.id, t.name, t.color FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = ? ORDER BY t.name COLLATE NOCASE',
  ).all(id) as TagRef[];
}

function sourcesOf(db: Database, id: string): SourceLink[] {
  return stmt(
    db,
    'SELECT x.source_id AS sourceId, s.name, x.role, x.locator FROM annotation_sources x JOIN sources s ON s.id = x.source_id WHERE x.annotation_id = ? ORDER BY x.position',
  ).all(id) as SourceLink[];
}

/** What an annotation carries besides its own row. */
interface Attached {
  tags: TagRef[];
  sources: SourceLink[];
  figures: Annotation['figures'];
}

function attachedTo(db: Database, id: string): Attached {
  return { tags: tagsOf(db, id), sources: sourcesOf(db, id), figures: figuresOf(db, id) };
}

/**
 * The tags, sources and figures of every annotation of a document, three queries in all: a
 * document with two thousand highlights would otherwise take six thousand.
 */
function attachedToDocument(db: Database, documentId: string): (id: string) => Attached {
  const tags = groupBy(
    stmt(
      db,
      `SELECT x.annotation_id AS owner, t.id, t.name, t.color FROM annotation_tags x JOIN tags t ON t.id = x.tag_id JOIN annotations a ON a.id = x.annotation_id
       WHERE a.document_id = ? ORDER BY t.name COLLATE NOCASE`,
    ).all(documentId) as (TagRef & { owner: string })[],
    (r) => r.owner,
    ({ id, name, color }): TagRef => ({ id, name, color }),
  );
  const sources = groupBy(
    stmt(
      db,
      `SELECT x.annotation_id AS owner, x.source_id AS sourceId, s.name, x.role, x.locator FROM annotation_sources x JOIN sources s ON s.id = x.source_id
       JOIN annotations a ON a.id = x.annotation_id WHERE a.document_id = ? ORDER BY x.annotation_id, x.position`,
    ).all(documentId) as (SourceLink & { owner: string })[],
    (r) => r.owner,
    ({ sourceId, name, role, locator }): SourceLink => ({ sourceId, name, role, locator }),
  );
  const figures = figuresOfDocument(db, documentId);
  return (id) => ({ tags: tags.get(id) ?? [], sources: sources.get(id) ?? [], figures: figures.get(id) ?? [] });
}

function toAnnotation(row: Row, attached: Attached): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    kindId: row.kind_id,
    status: row.status,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    anchor: row.anchor,
    note: row.note,
    ...attached,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function getAnnotation(db: Database, id: string): Annotation {
  const row = stmt(db, 'SELECT * FROM annotations WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw notFound('annotation', id);
  return toAnnotation(row, attachedTo(db, row.id));
}

/** A document's annotations as they come in its text: the order every list of them is given in. */
const READING_ORDER = 'ORDER BY start, "end", created_at';

/** A document's annotations in reading order, or only those of `ids` (a window refreshing what changed). */
export function listAnnotations(db: Database, documentId: string, ids?: readonly string[]): Annotation[] {
  requireDocument(db, documentId);
  if (ids) {
    const rows = stmt(db, `SELECT * FROM annotations WHERE document_id = ? AND id IN (SELECT value FROM json_each(?)) ${READING_ORDER}`).all(
      documentId,
      JSON.stringify(ids),
    ) as Row[];
    return rows.map((row) => toAnnotation(row, attachedTo(db, row.id)));
  }
  const rows = stmt(db, `SELECT * FROM annotations WHERE document_id = ? ${READING_ORDER}`).all(documentId) as Row[];
  const attached = attachedToDocument(db, documentId);
  return rows.map((row) => toAnnotation(row, attached(row.id)));
}

/**
 * Where the document's placed highlights lie, in reading order: one narrow query, so that a long
 * text's reader can draw two thousand highlights before their notes, tags and figures are read.
 */
export function listPlacements(db: Database, documentId: string): Placement[] {
  requireDocument(db, documentId);
  return stmt(
    db,
    `SELECT id, kind_id AS kindId, start, "end" FROM annotations WHERE document_id = ? AND anchor <> 'orphaned' AND "end" > start ${READING_ORDER}`,
  ).all(documentId) as Placement[];
}

function requireRow(db: Database, table: 'kinds' | 'tags' | 'sources', id: string, label: string): void {
  if (!stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw notFound(label, id);
}

function setTags(db: Database, id: string, tagIds: readonly string[]): void {
  stmt(db, 'DELETE FROM annotation_tags WHERE annotation_id = ?').run(id);
  for (const tagId of new Set(tagIds)) {
    requireRow(db, 'tags', tagId, 'tag');
    stmt(db, 'INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)').run(id, tagId);
  }
}

function setSources(db: Database, id: string, links: readonly SourceLinkInput[]): void {
  stmt(db, 'DELETE FROM annotation_sources WHERE annotation_id = ?').run(id);
  links.forEach((link, position) => {
    requireRow(db, 'sources', link.sourceId, 'source');
    stmt(db, 'INSERT OR REPLACE INTO annotation_sources (annotation_id, source_id, role, locator, position) VALUES (?, ?, ?, ?, ?)').run(
      id,
      link.sourceId,
      link.role,
      link.locator,
      position,
    );
  });
}

export function createAnnotation(
  db: Database,
  input: {
    id: string;
    documentId: string;
    kindId: string;
    start: number;
    end: number;
    note: string;
    status: ClaimStatus;
    tagIds: string[];
    sources: SourceLinkInput[];
    /** The figures, or how to read them from the quote (the form's prefill). */
    figures: (Figure & { id?: string | undefined })[] | ((quote: string) => Figure[]);
  },
): Annotation {
  const text = documentText(db, input.documentId);
  if (input.end <= input.start || input.end > text.length) {
    throw new GlossError({
      code: 'validation',
      message: `The selection ${input.start}–${input.end} is not inside the document (its text is ${text.length} characters long).`,
      fields: [{ path: 'end', message: 'must be after start and within the text' }],
    });
  }
  requireRow(db, 'kinds', input.kindId, 'annotation kind');
  const quote = selectorAt(text, input.start, input.end);
  const at = now();
  stmt(
    db,
    `INSERT INTO annotations (id, document_id, kind_id, status, start, "end", exact, prefix, suffix, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(input.id, input.documentId, input.kindId, input.status, input.start, input.end, quote.exact, quote.prefix, quote.suffix, input.note, at, at);
  setTags(db, input.id, input.tagIds);
  setSources(db, input.id, input.sources);
  setFigures(db, input.id, typeof input.figures === 'function' ? input.figures(quote.exact) : input.figures);
  indexAnnotation(db, input.id);
  return getAnnotation(db, input.id);
}

export function updateAnnotation(
  db: Database,
  id: string,
  basedOn: number,
  patch: {
    kindId?: string;
    note?: string;
    status?: ClaimStatus;
    tagIds?: string[];
    sources?: SourceLinkInput[];
    figures?: (Figure & { id?: string | undefined })[];
  },
): Annotation {
  claimVersion(db, 'annotations', id, basedOn, () => getAnnotation(db, id));
  const current = getAnnotation(db, id);
  if (patch.kindId !== undefined) requireRow(db, 'kinds', patch.kindId, 'annotation kind');
  stmt(db, 'UPDATE annotations SET kind_id = ?, note = ?, status = ?, updated_at = ? WHERE id = ?').run(
    patch.kindId ?? current.kindId,
    patch.note ?? current.note,
    patch.status ?? current.status,
    now(),
    id,
  );
  if (patch.tagIds !== undefined) setTags(db, id, patch.tagIds);
  if (patch.sources !== undefined) setSources(db, id, patch.sources);
  if (patch.figures !== undefined) setFigures(db, id, patch.figures);
  indexAnnotation(db, id);
  return getAnnotation(db, id);
}

export function deleteAnnotation(db: Database, id: string, basedOn: number): Annotation {
  claimVersion(db, 'annotations', id, basedOn, () => getAnnotation(db, id));
  const annotation = getAnnotation(db, id);
  unindexAnnotation(db, id);
  stmt(db, 'DELETE FROM annotations WHERE id = ?').run(id);
  return annotation;
}

export interface AnchorUpdate {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchor: AnchorStatus;
}

/**
 * Moves an annotation's selectors (re-anchoring, re-attaching). `bump` gives it a new version, so
 * a window still holding the old selectors rebases instead of writing over the move.
 */
export function setAnchor(db: Database, id: string, update: AnchorUpdate, bump = true): void {
  stmt(
    db,
    'UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, anchor = ?, updated_at = ?, version = version + ? WHERE id = ?',
  ).run(update.start, update.end, update.exact, update.prefix, update.suffix, update.anchor, now(), bump ? 1 : 0, id);
  indexAnnotation(db, id);
}

export function reattachAnnotation(db: Database, id: string, basedOn: number, start: number, end: number): Annotation {
  const current = getAnnotation(db, id);
  const text = documentText(db, current.documentId);
  if (end <= start || end > text.length) {
    throw new GlossError({
      code: 'validation',
      message: `The selection ${start}–${end} is not inside the document (its text is ${text.length} characters long).`,
    });
  }
  claimVersion(db, 'annotations', id, basedOn, () => current);
  setAnchor(db, id, { start, end, ...selectorAt(text, start, end), anchor: 'anchored' }, false);
  return getAnnotation(db, id);
}

/** The TextQuoteSelector at a range, with context that never splits a character outside the BMP. */
export const selectorAt = (text: string, start: number, end: number) => quoteSelectorAt(text, start, end);

export interface AnnotationSnapshot extends AnchorUpdate {
  id: string;
  documentId: string;
  kindId: string;
  status: ClaimStatus;
  note: string;
  tags: { id: string }[];
  sources: SourceLinkInput[];
  figures: (Figure & { id?: string | undefined })[];
  createdAt: string;
}

/** Re-creates a deleted annotation as it was. Tags and sources deleted since are left out. */
export function restoreAnnotation(db: Database, snapshot: AnnotationSnapshot): Annotation {
  if (stmt(db, 'SELECT 1 FROM annotations WHERE id = ?').get(snapshot.id)) {
    throw new GlossError({
      code: 'conflict',
      message: 'This annotation is already there; there is nothing to restore.',
      current: getAnnotation(db, snapshot.id),
    });
  }
  requireDocument(db, snapshot.documentId);
  requireRow(db, 'kinds', snapshot.kindId, 'annotation kind');
  stmt(
    db,
    `INSERT INTO annotations (id, document_id, kind_id, status, start, "end", exact, prefix, suffix, anchor, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    snapshot.id,
    snapshot.documentId,
    snapshot.kindId,
    snapshot.status,
    snapshot.start,
    snapshot.end,
    snapshot.exact,
    snapshot.prefix,
    snapshot.suffix,
    snapshot.anchor,
    snapshot.note,
    snapshot.createdAt,
    now(),
  );
  const live = (table: 'tags' | 'sources', id: string) => Boolean(stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id));
  setTags(
    db,
    snapshot.id,
    snapshot.tags.map((t) => t.id).filter((tagId) => live('tags', tagId)),
  );
  setSources(
    db,
    snapshot.id,
    snapshot.sources.filter((s) => live('sources', s.sourceId)),
  );
  setFigures(db, snapshot.id, snapshot.figures);
  indexAnnotation(db, snapshot.id);
  return getAnnotation(db, snapshot.id);
}

/** Sets when an annotation was made and last changed, for imports that carry both over. */
export function setAnnotationTimes(db: Database, id: string, createdAt: string, updatedAt: string): void {
  stmt(db, 'UPDATE annotations SET created_at = ?, updated_at = ? WHERE id = ?').run(createdAt, updatedAt, id);
}
