// Writes that carry a row version: when the row moved on meanwhile, apply the same change on top of the newer row once.
import type { Result } from '../../../shared/errors';

/**
 * For edits that set a value outright (a name, a colour), retrying on the current version is the
 * rebase: the change does not depend on what the row held before.
 */
export async function withRebase<T>(attempt: (version: number) => Promise<Result<T>>, version: number): Promise<Result<T>> {
  const first = await attempt(version);
  if (first.ok || first.error.code !== 'conflict') return first;
  const current = first.error.current as { version?: unknown } | undefined;
  if (typeof current?.version !== 'number') return first;
  return attempt(current.version);
}
