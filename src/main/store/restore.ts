// Returns a library to a backup. The backup is verified first, the library as it stands is
// backed up (so a restore can itself be undone), then SQLite's backup API copies the pages in
// under SQLite's own locks, and the result is opened (and upgraded if the backup is older).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { takeBackup, verifyBackup, type BackupInfo } from './backup';
import { LATEST_VERSION } from './migrations';
import { connect, DATABASE_FILE, newerVersionError, openLibrary } from './library';

export async function restoreBackup(dir: string, backupFile: string): Promise<{ safety: BackupInfo | null; schemaVersion: number }> {
  const { schemaVersion } = verifyBackup(backupFile, (file) => connect(file, { readonly: true, fileMustExist: true }));
  if (schemaVersion > LATEST_VERSION) throw newerVersionError(schemaVersion);
  let safety: BackupInfo | null = null;
  if (existsSync(join(dir, DATABASE_FILE))) {
    const current = await openLibrary(dir, { migrate: false });
    try {
      safety = await takeBackup(current.db, dir, 'before-restore');
    } finally {
      current.close();
    }
  }
  const source = connect(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(join(dir, DATABASE_FILE));
  } finally {
    source.close();
  }
  (await openLibrary(dir)).close();
  return { safety, schemaVersion };
}
