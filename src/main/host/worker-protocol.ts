// Messages between the worker that owns the database and the thread that hosts it.
import type { GlossErrorData, Result } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';

export type ToWorker = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: GlossErrorData }
  | { type: 'warning'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: PushEvent }
  | { type: 'closed' };
