// The single entry for every call from any transport: allow-list, validation, transaction,
// events after commit, and errors turned into Results a person can read.
import type { z } from 'zod';
import { isMethodName, methods, type MethodName } from '../../shared/api';
import { GlossError, type Result } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';
import type { Database } from '../store/native';
import type { ApiContext } from './context';
import { handlers, READ_ONLY, SELF_TRANSACTED } from './handlers';
import { JobRunner } from './jobs';

export interface Dispatcher {
  call(method: string, args: unknown): Promise<Result<unknown>>;
  jobs: JobRunner;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the arguments';
  if (issue.code === 'invalid_type') {
    return `${where} must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
  }
  return `${where}: ${issue.message}`;
}

export function validationError(method: MethodName, error: z.ZodError): GlossError {
  const issues = error.issues;
  const tooLarge = issues.find((i) => i.code === 'too_big' && (i.origin === 'string' || i.origin === 'array'));
  const fields = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (tooLarge) {
    return new GlossError({ code: 'too-large', message: `${method} was refused: ${describeIssue(tooLarge)}. Nothing was changed.`, fields });
  }
  return new GlossError({
    code: 'validation',
    message: `${method} was refused: ${issues.slice(0, 3).map(describeIssue).join('; ')}. Nothing was changed.`,
    fields,
  });
}

function asResultError(error: unknown): GlossError {
  if (error instanceof GlossError) return error;
  const message = (error as Error)?.message ?? String(error);
  if (/SQLITE_BUSY|database is locked/i.test(message)) {
    return new GlossError({
      code: 'unavailable',
      message: 'The library is busy with another program’s write (the Gloss CLI?). Nothing was changed; try again in a moment.',
    });
  }
  if (/SQLITE_FULL|disk is full|ENOSPC/i.test(message)) {
    return new GlossError({ code: 'unavailable', message: 'The disk is full, so nothing was saved. Free some space and try again.' });
  }
  return new GlossError({ code: 'internal', message: `Something went wrong inside Gloss (${message}). Nothing was changed.` });
}

export function createDispatcher(db: Database, publish: (event: PushEvent) => void, options: { dataDir?: string } = {}): Dispatcher {
  const jobs = new JobRunner(publish);

  async function call(method: string, args: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'validation', message: `Gloss has no method “${String(method).slice(0, 100)}”.` } };
    }
    const parsed = (methods[method].input as z.ZodType).safeParse(args ?? {});
    if (!parsed.success) return { ok: false, error: validationError(method, parsed.error).toData() };

    let pending: PushEvent[] | null = [];
    const ctx: ApiContext = {
      db,
      jobs,
      dataDir: options.dataDir ?? null,
      emit: (event) => (pending ? pending.push(event) : publish(event)),
    };
    const handler = handlers[method] as (ctx: ApiContext, args: unknown) => unknown;
    try {
      const value =
        READ_ONLY.has(method) || SELF_TRANSACTED.has(method) ? await handler(ctx, parsed.data) : db.transaction(() => handler(ctx, parsed.data)).immediate();
      const committed = pending;
      pending = null;
      for (const event of committed) publish(event);
      return { ok: true, value };
    } catch (error) {
      pending = null;
      return { ok: false, error: asResultError(error).toData() };
    }
  }

  return { call, jobs };
}
