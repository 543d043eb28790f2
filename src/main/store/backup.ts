// Verified backups: SQLite's online backup into backups/, then the copy is opened and checked
// (integrity and schema version) before it counts. A rotating set is kept; backups taken before
// an upgrade are kept apart so routine ones never push them out.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GlossError } from '../../shared/errors';
import type { Database } from './native';

export const BACKUP_DIR = 'backups';
export const KEEP_ROUTINE = 10;
export const KEEP_UPGRADE = 5;
/** A new routine backup is due when the newest one is older than this. */
export const ROUTINE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface BackupInfo {
  file: string;
  name: string;
  schemaVersion: number;
  takenAt: string;
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d+)Z$/, '$1Z');
}

/** Opens a backup file and checks it; throws a GlossError saying what is wrong with it. */
export function verifyBackup(file: string, connect: (file: string) => Database): { schemaVersion: number } {
  if (!existsSync(file)) throw new GlossError({ code: 'not-found', message: `There is no backup file at ${file}.` });
  let db: Database;
  try {
    db = connect(file);
  } catch (error) {
    throw new GlossError({ code: 'validation', message: `${basename(file)} is not a Gloss backup (${(error as Error).message}).` });
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new GlossError({ code: 'validation', message: `${basename(file)} is damaged (${String(integrity)}).` });
    const hasDocuments = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get();
    if (!hasDocuments) throw new GlossError({ code: 'validation', message: `${basename(file)} is an SQLite file but not a Gloss library.` });
    return { schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    if (error instanceof GlossError) throw error;
    throw new GlossError({ code: 'validation', message: `${basename(file)} is not a Gloss backup (${(error as Error).message}).` });
  } finally {
    db.close();
  }
}

export async function takeBackup(db: Database, dir: string, reason: string, at: Date = new Date()): Promise<BackupInfo> {
  const folder = join(dir, BACKUP_DIR);
  mkdirSync(folder, { recursive: true });
  // Never overwrite an existing backup: it may be the very one being restored from.
  let name = `gloss-${stamp(at)}-${reason.replace(/[^a-z0-9-]/gi, '-')}.sqlite`;
  for (let n = 2; existsSync(join(folder, name)); n++) name = name.replace(/(?:-\d+)?\.sqlite$/, `-${n}.sqlite`);
  const file = join(folder, name);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  await db.backup(partial);
  const Database = db.constructor as new (file: string, options: object) => Database;
  const { schemaVersion } = verifyBackup(partial, (f) => new Database(f, { readonly: true, fileMustExist: true }));
  renameSync(partial, file);
  rotate(folder);
  return { file, name, schemaVersion, takenAt: at.toISOString() };
}

export function listBackups(dir: string): { file: string; name: string; modified: Date }[] {
  const folder = join(dir, BACKUP_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /^gloss-.*\.sqlite$/.test(name))
    .map((name) => ({ file: join(folder, name), name, modified: statSync(join(folder, name)).mtime }))
    .sort((a, b) => b.name.localeCompare(a.name));
}

function rotate(folder: string): void {
  const all = listBackups(join(folder, '..'));
  const upgrade = all.filter((b) => b.name.includes('-before-upgrade'));
  const routine = all.filter((b) => !b.name.includes('-before-upgrade'));
  for (const old of [...upgrade.slice(KEEP_UPGRADE), ...routine.slice(KEEP_ROUTINE)]) rmSync(old.file, { force: true });
}

export function routineBackupDue(dir: string, now: Date = new Date()): boolean {
  const newest = listBackups(dir).find((b) => !b.name.includes('-before-upgrade'));
  return !newest || now.getTime() - newest.modified.getTime() > ROUTINE_INTERVAL_MS;
}
