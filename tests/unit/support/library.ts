// Test libraries: real SQLite files in fresh temporary folders, never mocks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Input, MethodName, Output } from '../../../src/shared/api';
import { GlossError } from '../../../src/shared/errors';
import { type LocalHost, startLocalHost } from '../../../src/main/host/local-host';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(prefix = 'gloss-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestLibrary {
  host: LocalHost;
  dir: string;
  call<M extends MethodName>(method: M, args: Input<M>): Promise<Output<M>>;
}

export async function testLibrary(dir = tempDir()): Promise<TestLibrary> {
  const host = await startLocalHost({ dataDir: dir });
  let closed = false;
  const close = async () => {
    if (!closed) await host.close();
    closed = true;
  };
  cleanups.push(close);
  return {
    host,
    dir,
    async call(method, args) {
      const result = await host.call(method, args);
      if (!result.ok) throw GlossError.from(result.error);
      return result.value as never;
    },
  };
}

export async function failure(promise: Promise<unknown>): Promise<GlossError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GlossError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
