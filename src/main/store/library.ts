// Opens a library folder: refuses a database from a newer Gloss without touching it, sets the
// durability pragmas, takes a verified backup before any upgrade, then migrates step by step.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GlossError } from '../../shared/errors';
import { takeBackup } from './backup';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { type Database, loadSqlite } from './native';

export const DATABASE_FILE = 'library.sqlite';

export interface Library {
  db: Database;
  dir: string;
  file: string;
  close(): void;
}

/** Opens with the right native binding; all Gloss connections go through here. */
export function connect(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database {
  const { Database, choice } = loadSqlite();
  return new Database(file, { ...options, ...(choice.nativeBinding ? { nativeBinding: choice.nativeBinding } : {}) });
}

export function newerVersionError(found: number): GlossError {
  return new GlossError({
    code: 'newer-version',
    message: `This library was written by a newer version of Gloss (database version ${found}; this Gloss reads up to ${LATEST_VERSION}). Update Gloss to open it. The library file was not changed.`,
  });
}

/** Reads the schema version without writing a byte (read-only, no pragmas that write). */
export function readSchemaVersion(file: string): number {
  const db = connect(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

export function applyPragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged save survives a crash or power loss, at a small cost per commit.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // The app and the CLI may have the same library open; wait for each other's writes.
  db.pragma('busy_timeout = 5000');
}

export function migrate(db: Database, upTo: number = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) throw newerVersionError(current);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

export async function openLibrary(dir: string, options: { migrate?: boolean } = {}): Promise<Library> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, DATABASE_FILE);
  let version = 0;
  if (existsSync(file)) {
    version = readSchemaVersion(file);
    if (version > LATEST_VERSION) throw newerVersionError(version);
  }
  const db = connect(file);
  try {
    applyPragmas(db);
    if (options.migrate !== false && version < LATEST_VERSION) {
      if (version > 0) await takeBackup(db, dir, `before-upgrade-to-v${LATEST_VERSION}`);
      migrate(db);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, dir, file, close: () => db.close() };
}
