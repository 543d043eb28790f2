import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEEP_ROUTINE, listBackups, routineBackupDue, takeBackup } from '../../../src/main/store/backup';
import { logicalDump } from '../../../src/main/store/dump';
import { openLibrary } from '../../../src/main/store/library';
import { restoreBackup } from '../../../src/main/store/restore';
import { failure, tempDir, testLibrary } from '../support/library';

describe('backups', () => {
  it('restores a backup to an identical logical dump, and keeps the state it replaced', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { title: 'Kept', text: 'IOM assisted more than 7,000 victims in 2014.' });
    const tag = await lib.call('tags.create', { name: 'victims/assisted' });
    await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-figure', start: 0, end: 12, tagIds: [tag.id], note: 'figure' });
    const atBackup = logicalDump(lib.host.library.db);
    const backup = await takeBackup(lib.host.library.db, lib.dir, 'manual');

    await lib.call('documents.create', { title: 'Added later', text: 'This arrives after the backup.' });
    await lib.call('documents.trash', { id: doc.id });
    const afterChanges = logicalDump(lib.host.library.db);
    expect(afterChanges).not.toBe(atBackup);
    await lib.host.close();

    const { safety } = await restoreBackup(lib.dir, backup.file);
    const restored = await openLibrary(lib.dir);
    expect(logicalDump(restored.db)).toBe(atBackup);
    restored.close();

    // The restore itself can be undone from the safety copy.
    expect(safety).not.toBeNull();
    await restoreBackup(lib.dir, safety!.file);
    const undone = await openLibrary(lib.dir);
    expect(logicalDump(undone.db)).toBe(afterChanges);
    undone.close();
  });

  it('verifies what it writes and refuses to restore a damaged or foreign file', async () => {
    const lib = await testLibrary();
    const info = await takeBackup(lib.host.library.db, lib.dir, 'manual');
    expect(info.schemaVersion).toBeGreaterThan(0);
    expect(existsSync(`${info.file}.partial`)).toBe(false);
    const before = logicalDump(lib.host.library.db);
    await lib.host.close();

    const garbage = join(tempDir(), 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database at all '.repeat(200));
    const error = await failure(restoreBackup(lib.dir, garbage));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/garbage\.sqlite/);
    const missing = await failure(restoreBackup(lib.dir, join(lib.dir, 'nope.sqlite')));
    expect(missing.code).toBe('not-found');
    const reopened = await openLibrary(lib.dir);
    expect(logicalDump(reopened.db)).toBe(before);
    reopened.close();
  });

  it('keeps a rotating set and says when a routine backup is due', async () => {
    const dir = tempDir();
    const lib = await openLibrary(dir);
    expect(routineBackupDue(dir)).toBe(true);
    for (let i = 0; i < KEEP_ROUTINE + 3; i++) await takeBackup(lib.db, dir, 'routine', new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    await takeBackup(lib.db, dir, 'before-upgrade-to-v9', new Date(Date.UTC(2025, 0, 1)));
    const names = listBackups(dir).map((b) => b.name);
    expect(names.filter((n) => n.includes('routine'))).toHaveLength(KEEP_ROUTINE);
    expect(names.filter((n) => n.includes('before-upgrade'))).toHaveLength(1);
    expect(names.some((n) => n.includes('20260101T000000000Z'))).toBe(false);
    expect(routineBackupDue(dir)).toBe(false);
    lib.close();
  });
});
