// Optimistic concurrency: each edit names the row version it was based on. If the row has moved
// on since, the edit is refused with the current row so the client can rebase and retry.
import { GlossError, notFound } from '../../shared/errors';
import type { Database } from './native';
import { stmt } from './sql';

type VersionedTable = 'documents' | 'annotations' | 'kinds' | 'tags' | 'sources';
const LABEL: Record<VersionedTable, string> = { documents: 'document', annotations: 'annotation', kinds: 'annotation kind', tags: 'tag', sources: 'source' };

/** Claims the next version of a row, or throws not-found / conflict. Call inside a transaction. */
export function claimVersion(db: Database, table: VersionedTable, id: string, basedOn: number, current: () => unknown): number {
  const row = stmt(db, `SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: number } | undefined;
  if (!row) throw notFound(LABEL[table], id);
  if (row.version !== basedOn) {
    throw new GlossError({
      code: 'conflict',
      message: `This ${LABEL[table]} was changed elsewhere (you edited version ${basedOn}, it is now at version ${row.version}). Your change was not saved; it will be applied to the newer version.`,
      current: current(),
    });
  }
  stmt(db, `UPDATE ${table} SET version = version + 1 WHERE id = ?`).run(id);
  return row.version + 1;
}
