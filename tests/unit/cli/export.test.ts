// `gloss export` and `gloss import-annotations` from a script: files written whole, usage errors
// with exit 2, and an exported annotation file read back into another library.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/main/cli/main';
import { tempDir } from '../support/library';

const TEXT = 'Forced labour in Asia\n\nThe ILO estimates that forced labour generates approximately US$51.8 billion per year in Asia and the Pacific.';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

async function library(): Promise<{ data: string; id: string; folder: string }> {
  const data = tempDir();
  const folder = tempDir();
  const file = join(folder, 'asia.txt');
  writeFileSync(file, TEXT);
  const imported = capture();
  expect(await run(['import', file, '--data', data, '--json'], imported.io)).toBe(0);
  const [{ id }] = JSON.parse(imported.out.join('\n')) as [{ id: string }];
  const annotated = capture();
  expect(
    await run(['annotate', id, '--quote', 'approximately US$51.8 billion per year', '--tag', 'region/asia', '--source', 'ILO', '--data', data], annotated.io),
  ).toBe(0);
  return { data, id, folder };
}

describe('gloss export', () => {
  it('writes each format to --out, citing in the style asked for', async () => {
    const { data, folder } = await library();
    const md = join(folder, 'bibliography.md');
    const result = capture();
    expect(await run(['export', '--format', 'md', '--style', 'vancouver', '--tag', 'region/asia', '--out', md, '--data', data], result.io)).toBe(0);
    expect(result.out.join('\n')).toMatch(/^Wrote .*bibliography\.md \(\d[\d,]* bytes\)\.$/);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('approximately US$51.8 billion per year');
    expect(text).toContain('region/asia');
    const csv = join(folder, 'claims.csv');
    expect(await run(['export', '--format', 'csv', '--bom', '--out', csv, '--data', data], capture().io)).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFdocument,')).toBe(true);
    for (const format of ['html', 'txt', 'docx', 'pdf', 'csl-json', 'bibtex', 'ris', 'w3c']) {
      const out = join(folder, `export.${format}`);
      expect(await run(['export', '--format', format, '--out', out, '--data', data], capture().io), format).toBe(0);
      const bytes = readFileSync(out);
      if (format === 'docx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      else if (format === 'pdf') expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      else expect(bytes.toString('utf8'), format).toMatch(format === 'w3c' ? /approximately US\$51\.8 billion per year/ : /Forced}? labour in {?Asia/);
    }
    // Only the finished files: no partial file is left beside them.
    expect(readdirSync(folder).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('refuses bad requests with a usage error and writes nothing', async () => {
    const { data, folder } = await library();
    const out = join(folder, 'never.md');
    const cases: [string[], RegExp][] = [
      [['export', '--out', out, '--data', data], /needs --format/],
      [['export', '--format', 'odt', '--out', out, '--data', data], /--format odt is not known/],
      [['export', '--format', 'md', '--data', data], /needs --out FILE/],
      [['export', '--format', 'md', '--tag', 'x', '--doc', 'y', '--out', out, '--data', data], /not both/],
      [['export', '--format', 'md', '--sort', 'colour', '--out', out, '--data', data], /sort/],
    ];
    for (const [args, message] of cases) {
      const result = capture();
      expect(await run(args, result.io), args.join(' ')).toBe(2);
      expect(result.err.join('\n')).toMatch(message);
    }
    const missing = capture();
    expect(await run(['export', '--format', 'md', '--style', join(folder, 'none.csl'), '--out', out, '--data', data], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toMatch(/does not exist/);
    expect(existsSync(out)).toBe(false);
  });

  it('reads an exported annotation file into another library with the same document', async () => {
    const { data, folder } = await library();
    const jsonld = join(folder, 'annotations.jsonld');
    expect(await run(['export', '--format', 'w3c', '--out', jsonld, '--data', data], capture().io)).toBe(0);
    const other = tempDir();
    expect(await run(['import', join(folder, 'asia.txt'), '--data', other], capture().io)).toBe(0);
    const imported = capture();
    expect(await run(['import-annotations', jsonld, '--data', other, '--json'], imported.io)).toBe(0);
    expect(JSON.parse(imported.out.join(''))).toMatchObject({ imported: 1, orphaned: 0, skipped: [], unmatchedDocuments: [] });
    const again = capture();
    expect(await run(['import-annotations', jsonld, '--data', other], again.io)).toBe(0);
    expect(again.out[0]).toBe('Imported 0 annotations.');
  });
});
