// Sends annotation writes so that they reach the library even when the window closes right after:
// in web mode as keepalive requests, which the browser finishes after the page is gone; in the
// app through the bridge, whose messages the main side handles whatever the window does next.
import type { Input, MethodName, Output } from '../../../shared/api';
import { HTTP } from '../../../shared/bridge';
import type { GlossClient } from '../../../shared/client';
import { isGlossErrorData, type Result } from '../../../shared/errors';

/** Browsers refuse keepalive bodies past 64 KiB in flight; larger writes go the ordinary way. */
const KEEPALIVE_MAX_BYTES = 48_000;

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: unknown };
  return candidate.ok === true || (candidate.ok === false && isGlossErrorData(candidate.error));
}

export function sendDurably<M extends MethodName>(client: GlossClient, method: M, args: Input<M>): Promise<Result<Output<M>>> {
  const body = JSON.stringify(args);
  if (typeof window === 'undefined' || window.gloss || body.length > KEEPALIVE_MAX_BYTES) return client.try(method, args);
  return fetch(HTTP.call + encodeURIComponent(method), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    credentials: 'same-origin',
    keepalive: true,
  }).then(
    async (response) => {
      const result: unknown = await response.json().catch(() => null);
      // Anything but a Result (a refused session, a proxy page) gets the client's own wording.
      return isResult(result) ? (result as Result<Output<M>>) : client.try(method, args);
    },
    // Not sent again: the request may have reached the library before the connection broke.
    (error: Error) => ({
      ok: false as const,
      error: {
        code: 'unavailable' as const,
        message: `Gloss could not reach its library (${error.message}). Check that Gloss is still running, then try again.`,
      },
    }),
  );
}
