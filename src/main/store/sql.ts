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
