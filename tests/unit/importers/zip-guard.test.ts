// The zip guard: counts inflated bytes itself, so lying headers and truncated archives are caught
// before any library inflates whole entries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZip } from '../../../src/main/importers/zip-guard';
import { GlossError } from '../../../src/shared/errors';

const fixture = (name: string): Uint8Array => readFileSync(join(__dirname, '../../fixtures/docx', name));
const MB = 1024 * 1024;

function thrown(run: () => unknown): GlossError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError);
    return error as GlossError;
  }
  throw new Error('expected a GlossError');
}

describe('checkZip', () => {
  it('lists entries, counts inflated bytes and hands back the parts asked for', () => {
    const bytes = zipSync({ 'a.xml': new TextEncoder().encode('<a/>'), 'b.bin': new Uint8Array(5000) }, { mtime: new Date('2024-01-01') });
    const result = checkZip(bytes, { maxInflated: MB, keep: (name) => name === 'a.xml' });
    expect(result.names).toEqual(['a.xml', 'b.bin']);
    expect(result.inflatedBytes).toBe(5004);
    expect(new TextDecoder().decode(result.kept.get('a.xml'))).toBe('<a/>');
    expect(result.kept.has('b.bin')).toBe(false);
  });

  it('stops a bomb whose headers declare 1 KiB as soon as the count passes the cap', () => {
    const bytes = fixture('bomb-8mb.docx');
    expect(bytes.length).toBeLessThan(20_000);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(22, true) === 1024 || view.getUint32(bytes.length - 22 - 46 - 'word/document.xml'.length + 24, true) === 1024).toBe(true);
    const error = thrown(() => checkZip(bytes, { maxInflated: MB, what: '“bomb.docx” is not a Word document' }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('“bomb.docx” expands to more than 1 MB');
    const inflated = checkZip(bytes, { maxInflated: 9 * MB }).inflatedBytes;
    // The bomb's 8 MiB of zeros plus [Content_Types].xml.
    expect(inflated).toBeGreaterThan(8 * MB);
    expect(inflated).toBeLessThan(8 * MB + 2000);
  });

  it('counts stored (uncompressed) entries too', () => {
    const bytes = zipSync({ 'big.bin': [new Uint8Array(2 * MB), { level: 0 }] });
    expect(thrown(() => checkZip(bytes, { maxInflated: MB })).code).toBe('too-large');
  });

  it('refuses text, a truncated archive and a damaged entry as not a valid zip', () => {
    expect(thrown(() => checkZip(fixture('not-a-zip.docx'), { maxInflated: MB })).code).toBe('unsupported');
    const good = fixture('sample.docx');
    const truncated = thrown(() => checkZip(good.subarray(0, good.length - 30), { maxInflated: MB }));
    expect(truncated.code).toBe('unsupported');
    expect(truncated.message).toContain('may be truncated');
    const damaged = good.slice();
    // A deflate block header with the reserved block type 3 is invalid in any stream.
    damaged[49] = 0x07;
    expect(thrown(() => checkZip(damaged, { maxInflated: MB })).message).toContain('cannot be unpacked');
  });
});
