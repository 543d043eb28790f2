// Messages between the worker that owns the database and the thread that hosts it.
import type { GlossErrorData, Result } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';

/** `json`: answer with the Result written as JSON text (a `json` message) instead of as an object. */
export type ToWorker = { type: 'call'; id: number; method: string; args: unknown; json?: boolean } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: GlossErrorData }
  | { type: 'warning'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'json'; id: number; json: string }
  | { type: 'event'; event: PushEvent }
  | { type: 'closed' };
