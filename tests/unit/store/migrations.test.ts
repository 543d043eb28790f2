import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/main/store/backup';
import { connect, DATABASE_FILE, migrate, openLibrary } from '../../../src/main/store/library';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/store/migrations';
import { search } from '../../../src/main/store/search';
import { failure, tempDir } from '../support/library';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('store and migrations', () => {
  it('creates a fresh library at the latest version with WAL, FULL sync and foreign keys', async () => {
    const lib = await openLibrary(tempDir());
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect((lib.db.prepare('SELECT name FROM kinds ORDER BY position').all() as { name: string }[]).map((k) => k.name)).toEqual([
      'Claim',
      'Figure',
      'Quote',
      'Question',
      'Note',
    ]);
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    lib.close();
  });

  it('numbers its migrations 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  for (let from = 1; from < LATEST_VERSION; from++) {
    it(`upgrades a library from version ${from}, keeping its rows and backing it up first`, async () => {
      const dir = tempDir();
      const db = connect(join(dir, DATABASE_FILE));
      db.pragma('journal_mode = WAL');
      migrate(db, from);
      db.prepare(
        `INSERT INTO documents (id, title, status, format, text, blocks, content_hash, created_at, updated_at)
         VALUES ('d1', 'Old report', 'ready', 'text', 'Forced labour generates billions', '[{"type":"paragraph","start":0,"end":32}]', 'h', 'x', 'x')`,
      ).run();
      db.close();

      const lib = await openLibrary(dir);
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(lib.db.prepare('SELECT title FROM documents').get()).toEqual({ title: 'Old report' });
      expect(search(lib.db, 'billions', 0, 10).hits.map((h) => h.documentId)).toEqual(['d1']);
      const backups = listBackups(dir);
      expect(backups.map((b) => b.name)).toEqual([expect.stringMatching(/before-upgrade-to-v\d+\.sqlite$/)]);
      const old = connect(backups[0]!.file, { readonly: true });
      expect(old.pragma('user_version', { simple: true })).toBe(from);
      old.close();
      lib.close();
    });
  }

  it('refuses a library from a newer Gloss and leaves the file byte-for-byte untouched', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const db = connect(file);
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = sha256(file);
    const filesBefore = readdirSync(dir).sort();

    const error = await failure(openLibrary(dir));
    expect(error.code).toBe('newer-version');
    expect(error.message).toMatch(/newer version of Gloss/);
    expect(error.message).toMatch(/not changed/);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('rolls a failing migration back whole', async () => {
    const dir = tempDir();
    const db = connect(join(dir, DATABASE_FILE));
    migrate(db, 1);
    // Make step 2 fail half-way: its index table already exists.
    db.exec('CREATE TABLE search_keys (x)');
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'search_fts'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('uses its indexes for the hot queries', async () => {
    const lib = await openLibrary(tempDir());
    const plan = (sql: string) => (lib.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM annotations WHERE document_id = 'x' ORDER BY start")).toMatch(/annotations_document_start/);
    expect(plan("SELECT id FROM documents WHERE content_hash = 'x'")).toMatch(/documents_content_hash/);
    expect(plan("SELECT annotation_id FROM annotation_tags WHERE tag_id = 'x'")).toMatch(/annotation_tags_tag/);
    expect(plan("SELECT rowid FROM search_keys WHERE document_id = 'x'")).toMatch(/search_keys_document/);
    lib.close();
  });
});
