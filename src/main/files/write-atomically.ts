// Files that must never be seen half-written (exports, user styles): the bytes go to a hidden
// temporary name in the target's own folder, since a rename is atomic only within one file
// system, and are flushed before the rename so a crash cannot leave the new name pointing at
// data still in the page cache. A reader finds the old file or the new one, never a mix.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Replaces `file` with `data` (text as UTF-8) whole, or throws and leaves `file` as it was, with no temporary file behind. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  // The random part keeps apart two writers in one process: worker threads share the pid.
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  // 'wx' so that a name already taken is never written into, nor removed below as if it were ours.
  const fd = openSync(temporary, 'wx');
  try {
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
