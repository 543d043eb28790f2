// Prepared statements, cached per connection. Every value is bound, never spliced into SQL.
import type { Statement } from 'better-sqlite3';
import type { Database } from './native';

const caches = new WeakMap<Database, Map<string, Statement>>();

export function stmt(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export function now(): string {
  return new Date().toISOString();
}

/** Rows of a query over many owners, as each owner's list in the rows' order. */
export function groupBy<R, T>(rows: readonly R[], owner: (row: R) => string, map: (row: R) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = owner(row);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(map(row));
  }
  return groups;
}
