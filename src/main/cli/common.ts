// What every CLI command shares: usage errors, output, input files read within the import limit,
// and a library opened for one command.
import { readFileSync, statSync } from 'node:fs';
import { GlossError } from '../../shared/errors';
import { hostLibrary, type LocalHost } from '../host/local-host';
import { IMPORT_LIMITS } from '../importers/types';
import { openLibrary } from '../store/library';

export class UsageError extends Error {}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** An option's values as a list, whether it was given once, several times or not at all. */
export function strings(value: string | boolean | string[] | undefined): string[] {
  if (value === undefined || typeof value === 'boolean') return [];
  return Array.isArray(value) ? value : [value];
}

export function dataDir(values: Values): string {
  const dir = values.data;
  if (typeof dir !== 'string' || dir === '') throw new UsageError('--data DIR is required: the folder that holds the library.');
  return dir;
}

/** A file named on the command line, refused with a sentence when it is missing or larger than Gloss imports. */
export function readInputFile(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new GlossError({ code: 'not-found', message: `${file}: no such file.` });
  }
  if (size > IMPORT_LIMITS.fileBytes) {
    throw new GlossError({
      code: 'too-large',
      message: `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; Gloss imports files up to ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB.`,
    });
  }
  return readFileSync(file);
}

export async function withHost<T>(values: Values, run: (host: LocalHost) => Promise<T>): Promise<T> {
  const host = hostLibrary(await openLibrary(dataDir(values)));
  try {
    return await run(host);
  } finally {
    await host.close();
  }
}

export async function call<T>(host: LocalHost, method: string, args: unknown): Promise<T> {
  const result = await host.call(method, args);
  if (!result.ok) throw GlossError.from(result.error);
  return result.value as T;
}
