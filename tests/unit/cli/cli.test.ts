import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/main/cli/main';
import { tempDir } from '../support/library';

const FIXTURES = resolve(__dirname, '../../fixtures/text');
const MD = join(FIXTURES, 'migrant-workers.md');
const TXT = join(FIXTURES, 'harbour-labour.txt');

async function gloss(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('gloss CLI', () => {
  it('imports files, lists them with their titles and finds a phrase from them', async () => {
    const data = tempDir();
    const imported = await gloss('import', MD, TXT, '--data', data, '--json');
    expect(imported.code).toBe(0);
    const results = JSON.parse(imported.out) as { file: string; status: string; id: string; title: string }[];
    expect(results.map((r) => [r.status, r.title])).toEqual([
      ['imported', 'Recruitment fees and forced labour in the Gulf corridor'],
      ['imported', 'Dock workers in three harbours went on strike on Monday, according to the port authority.'],
    ]);

    const list = await gloss('list', '--data', data, '--json');
    expect(list.code).toBe(0);
    const docs = JSON.parse(list.out) as { id: string; title: string }[];
    expect(docs.map((d) => d.id)).toEqual(results.map((r) => r.id));

    const found = await gloss('search', '"recruitment fees paid"', '--data', data, '--json');
    expect(found.code).toBe(0);
    const hits = JSON.parse(found.out) as { id: string; snippet: string }[];
    expect(hits[0]!.id).toBe(results[0]!.id);
    expect(hits[0]!.snippet).toContain('recruitment fees paid');

    const shown = await gloss('show', results[1]!.id, '--data', data, '--json');
    expect(JSON.parse(shown.out)).toMatchObject({ id: results[1]!.id, text: expect.stringContaining('€3 million per day') });
  });

  it('takes --title for a single file, and reports a re-import as skipped', async () => {
    const data = tempDir();
    const first = await gloss('import', TXT, '--title', 'Harbour strike', '--data', data);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^imported \S+ Harbour strike$/);
    const again = await gloss('import', TXT, '--data', data);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^skipped .*harbour-labour\.txt: This text is already in the library as “Harbour strike”\.$/);
  });

  it('exits 2 on usage errors and 1 on failures, with one line on stderr', async () => {
    const data = tempDir();
    expect((await gloss()).code).toBe(2);
    expect((await gloss('list')).code).toBe(2);
    expect((await gloss('frobnicate', '--data', data)).code).toBe(2);
    expect((await gloss('list', '--data', data, '--bogus')).code).toBe(2);
    expect((await gloss('import', MD, TXT, '--title', 'x', '--data', data)).code).toBe(2);
    expect((await gloss('search', '--data', data)).code).toBe(2);

    const binary = join(data, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const failed = await gloss('import', binary, '--data', data);
    expect(failed.code).toBe(1);
    expect(failed.err.split('\n')).toHaveLength(1);
    expect(failed.err).toMatch(/is a PNG image, not text/);
    const missing = await gloss('show', 'no-such-id', '--data', data);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('gloss: No document with id no-such-id; it may have been deleted.');
    expect((await gloss('--help')).out).toMatch(/Commands:/);
  });

  it('backs up and restores a library', async () => {
    const data = tempDir();
    await gloss('import', MD, '--data', data);
    const backup = await gloss('backup', '--data', data, '--json');
    expect(backup.code).toBe(0);
    const file = (JSON.parse(backup.out) as { file: string }).file;
    expect(existsSync(file)).toBe(true);
    await gloss('import', TXT, '--data', data);
    expect((await gloss('restore', file, '--data', data)).code).toBe(0);
    const list = JSON.parse((await gloss('list', '--data', data, '--json')).out) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('runs as the installed `gloss` command from the built checkout', () => {
    const bin = resolve(__dirname, '../../../bin/gloss.js');
    expect(existsSync(resolve(__dirname, '../../../out/main/cli.js')), 'run `npm run build` before the unit tests').toBe(true);
    const data = tempDir();
    const out = execFileSync(process.execPath, [bin, 'import', TXT, '--data', data, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)[0].status).toBe('imported');
    const search = execFileSync(process.execPath, [bin, 'search', 'port authority', '--data', data, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(search)).toHaveLength(1);
    const usage = spawnSync(process.execPath, [bin, 'list'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--data DIR is required/);
  });
});
