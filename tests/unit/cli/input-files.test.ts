// Files named on the command line are read the same way by `import` and `import-annotations`:
// a missing or oversized file is refused with one sentence and exit 1, before any library is made.
import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/main/cli/main';
import { IMPORT_LIMITS } from '../../../src/main/importers/types';
import { tempDir } from '../support/library';

async function gloss(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('files named on the command line', () => {
  it('refuses a missing file in the same words for import and import-annotations', async () => {
    const folder = tempDir();
    const data = join(folder, 'library');
    const missing = join(folder, 'missing.jsonld');
    const annotations = await gloss('import-annotations', missing, '--data', data);
    expect(annotations).toMatchObject({ code: 1, err: `gloss: ${missing}: no such file.` });
    // Nothing was read, so no library was made for it.
    expect(existsSync(data)).toBe(false);
    const imported = await gloss('import', missing, '--data', data, '--json');
    expect(imported.code).toBe(1);
    expect(JSON.parse(imported.out)).toMatchObject([{ status: 'failed', error: `${missing}: no such file.` }]);
  });

  it('refuses a file over the import limit with its size and the limit', async () => {
    const folder = tempDir();
    const data = join(folder, 'library');
    const big = join(folder, 'big.jsonld');
    writeFileSync(big, '');
    // Sparse: the size is what is checked, so no disk space is spent.
    truncateSync(big, IMPORT_LIMITS.fileBytes + 1024 * 1024);
    const message = `${big} is 101.0 MB; Gloss imports files up to 100 MB.`;
    expect(await gloss('import-annotations', big, '--data', data)).toMatchObject({ code: 1, err: `gloss: ${message}` });
    expect(existsSync(data)).toBe(false);
    const imported = await gloss('import', big, '--data', data, '--json');
    expect(JSON.parse(imported.out)).toMatchObject([{ status: 'failed', error: message }]);
  });
});
