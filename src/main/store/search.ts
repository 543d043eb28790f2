// Full-text search over the library: bounded, ranked, with snippets as plain parts (never HTML).
import type { SearchHit, SearchResult, SnippetPart } from '../../shared/model';
import { toFtsQuery, unfold } from './fold';
import type { Database } from './native';
import { stmt } from './sql';

const OPEN = '\u0001';
const CLOSE = '\u0002';
const FIELDS = ['title', 'text', 'note', 'labels'] as const;
/** Title matches weigh most, then labels (tags, sources), notes, body text. */
const WEIGHTS = '10.0, 1.0, 2.0, 4.0';

interface Row {
  ref_kind: 'document' | 'annotation';
  ref_id: string;
  document_id: string;
  document_title: string;
  score: number;
  s0: string;
  s1: string;
  s2: string;
  s3: string;
}

export function toSnippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of unfold(marked)
    .split(new RegExp(`[${OPEN}${CLOSE}]`))
    .entries()) {
    if (piece === '') continue;
    const hit = index % 2 === 1;
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += piece;
    else parts.push({ text: piece, hit });
  }
  return parts;
}

export function search(db: Database, query: string, offset: number, limit: number): SearchResult {
  const fts = toFtsQuery(query);
  if (fts === null) return { query, hits: [], offset, limit, hasMore: false };
  const snippet = (column: number) => `snippet(search_fts, ${column}, '${OPEN}', '${CLOSE}', '…', 16) AS s${column}`;
  const rows = stmt(
    db,
    `SELECT k.ref_kind, k.ref_id, k.document_id, d.title AS document_title, bm25(search_fts, ${WEIGHTS}) AS score,
            ${[0, 1, 2, 3].map(snippet).join(', ')}
     FROM search_fts JOIN search_keys k ON k.rowid = search_fts.rowid JOIN documents d ON d.id = k.document_id
     WHERE search_fts MATCH ? AND d.deleted_at IS NULL
     ORDER BY score LIMIT ? OFFSET ?`,
  ).all(fts, limit + 1, offset) as Row[];
  const hits: SearchHit[] = rows.slice(0, limit).map((row) => {
    const snippets = [row.s0, row.s1, row.s2, row.s3];
    // Show the field that matched, preferring the body text over the title for its context.
    const order = [1, 2, 3, 0];
    const column = order.find((c) => snippets[c]!.includes(OPEN)) ?? 1;
    return {
      kind: row.ref_kind,
      documentId: row.document_id,
      documentTitle: row.document_title,
      annotationId: row.ref_kind === 'annotation' ? row.ref_id : null,
      field: FIELDS[column]!,
      snippet: toSnippetParts(snippets[column]!),
      score: -row.score,
    };
  });
  return { query, hits, offset, limit, hasMore: rows.length > limit };
}
