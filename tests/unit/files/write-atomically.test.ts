// A file replaced whole or not at all: whatever step fails, the old file is still there as it was
// and no temporary file is left beside it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeAtomically } from '../../../src/main/files/write-atomically';
import { tempDir } from '../support/library';

// Disks rarely fail on cue, and a read-only folder stops nothing when tests run as root: a step is made to throw instead.
const failing = vi.hoisted(() => ({ write: false, fsync: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (step: string) => Object.assign(new Error(`ENOSPC: no space left on device, ${step}`), { code: 'ENOSPC' });
  return {
    ...fs,
    writeFileSync: ((file, data, options) => {
      if (failing.write && typeof file === 'number') {
        // Half the bytes reach the temporary file before the disk fills.
        fs.writeSync(file, typeof data === 'string' ? data.slice(0, data.length / 2) : 'partial');
        throw fail('write');
      }
      return fs.writeFileSync(file, data, options);
    }) as typeof fs.writeFileSync,
    fsyncSync: (fd: number) => {
      if (failing.fsync) throw fail('fsync');
      fs.fsyncSync(fd);
    },
  };
});

afterEach(() => {
  failing.write = false;
  failing.fsync = false;
});

function folderWithOldFile(): { folder: string; file: string } {
  const folder = tempDir();
  const file = join(folder, 'export.md');
  writeFileSync(file, 'old contents\n');
  return { folder, file };
}

describe('writeAtomically', () => {
  it('replaces the file with the new text or bytes and leaves nothing else', () => {
    const { folder, file } = folderWithOldFile();
    writeAtomically(file, 'new “contents”\n');
    expect(readFileSync(file, 'utf8')).toBe('new “contents”\n');
    writeAtomically(file, Uint8Array.from([0x50, 0x4b, 3, 4]));
    expect([...readFileSync(file)]).toEqual([0x50, 0x4b, 3, 4]);
    writeAtomically(join(folder, 'fresh.txt'), '');
    expect(readdirSync(folder).sort()).toEqual(['export.md', 'fresh.txt']);
  });

  it.each(['write', 'fsync'] as const)('keeps the old file and removes the temporary one when the %s fails', (step) => {
    const { folder, file } = folderWithOldFile();
    failing[step] = true;
    expect(() => writeAtomically(file, 'new contents that never arrive\n')).toThrow(/ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe('old contents\n');
    expect(readdirSync(folder)).toEqual(['export.md']);
  });

  it('removes the temporary file when the rename fails', () => {
    const folder = tempDir();
    // A folder cannot be replaced by a file, whoever runs the test.
    mkdirSync(join(folder, 'taken', 'inside'), { recursive: true });
    expect(() => writeAtomically(join(folder, 'taken'), 'text')).toThrow();
    expect(readdirSync(folder)).toEqual(['taken']);
    expect(readdirSync(join(folder, 'taken'))).toEqual(['inside']);
  });

  it('throws without leaving anything when the folder does not exist', () => {
    const folder = tempDir();
    expect(() => writeAtomically(join(folder, 'missing', 'export.md'), 'text')).toThrow(/ENOENT/);
    expect(readdirSync(folder)).toEqual([]);
  });
});
