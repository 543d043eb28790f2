// A logical dump of every table (the search index included): the same library gives the same
// dump whatever its page layout, so tests and restore checks compare libraries with it.
import type { Database } from './native';

export function logicalDump(db: Database): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts_%' ORDER BY name")
    .all() as { name: string }[];
  const out: string[] = [`user_version ${String(db.pragma('user_version', { simple: true }))}`];
  for (const { name } of tables) {
    const rows = db
      .prepare(`SELECT ${name === 'search_fts' ? 'rowid, *' : '*'} FROM "${name}"`)
      .raw()
      .all() as unknown[][];
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    out.push(`table ${name} (${rows.length})`, ...lines);
  }
  return out.join('\n');
}
