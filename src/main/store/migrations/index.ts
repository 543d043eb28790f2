// The ordered list of schema steps. The database's `PRAGMA user_version` is the number of the
// last step applied; a database with a higher number was written by a newer Gloss.
import { core } from './001-core';
import { search } from './002-search';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [core, search];
export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

for (const [index, migration] of MIGRATIONS.entries()) {
  if (migration.version !== index + 1) throw new Error(`migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
}
