// The web-mode transport: calls are JSON POSTs, pushed events arrive over one shared EventSource.
import type { MethodName } from '../../../shared/api';
import { HTTP } from '../../../shared/bridge';
import type { Transport } from '../../../shared/client';
import { isGlossErrorData, type Result } from '../../../shared/errors';
import type { Entity, PushEvent } from '../../../shared/events';

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
const ALL_ENTITIES: Entity[] = ['document', 'annotation', 'kind', 'tag', 'source'];

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: unknown };
  return candidate.ok === true || (candidate.ok === false && isGlossErrorData(candidate.error));
}

/** A sentence for an HTTP failure that carried no Result of its own (a proxy, a refused session). */
function refusal(status: number): Result<never> {
  if (status === 401 || status === 403) {
    return {
      ok: false,
      error: {
        code: 'unavailable',
        message:
          'Gloss refused this page’s request because its session is not recognised. Open Gloss again with the link it printed when it started (the one that ends in ?token=…).',
      },
    };
  }
  if (status === 413) {
    return { ok: false, error: { code: 'too-large', message: 'That is too much to send to Gloss at once. Try fewer or smaller files.' } };
  }
  return {
    ok: false,
    error: { code: 'unavailable', message: `Gloss answered with an unexpected HTTP status ${status}. Check that Gloss is still running, then try again.` },
  };
}

async function post(method: MethodName, args: unknown): Promise<Result<unknown>> {
  const response = await fetch(HTTP.call + encodeURIComponent(method), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args ?? {}),
    credentials: 'same-origin',
  });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return refusal(response.status);
  }
  // A Result is authoritative even on an error status: it carries the handler's own sentence.
  return isResult(body) ? body : refusal(response.status);
}

/**
 * One EventSource serves every subscriber. EventSource retries on its own after a dropped
 * connection, but gives up for good when the server answers with an error status (for instance
 * while it restarts); then we open a new one with a growing delay.
 */
class EventChannel {
  private readonly listeners = new Set<(event: PushEvent) => void>();
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = RETRY_FIRST_MS;
  private interrupted = false;

  subscribe(listener: (event: PushEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.source && !this.retryTimer) this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  private open(): void {
    const source = new EventSource(HTTP.events);
    this.source = source;
    source.onopen = () => {
      this.retryDelay = RETRY_FIRST_MS;
      // Events sent while the connection was down are lost, so whatever is on screen may be stale.
      if (this.interrupted) {
        this.interrupted = false;
        for (const entity of ALL_ENTITIES) this.emit({ type: 'changed', entity, ids: [] });
      }
    };
    source.onmessage = (message: MessageEvent<string>) => {
      let event: PushEvent;
      try {
        event = JSON.parse(message.data) as PushEvent;
      } catch {
        return;
      }
      if (event && typeof event === 'object' && typeof event.type === 'string') this.emit(event);
    };
    source.onerror = () => {
      this.interrupted = true;
      if (source.readyState !== EventSource.CLOSED) return;
      source.close();
      this.source = null;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.listeners.size > 0) this.open();
      }, this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    };
  }

  private close(): void {
    this.source?.close();
    this.source = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private emit(event: PushEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

export function httpTransport(): Transport {
  const channel = new EventChannel();
  return {
    call: post,
    subscribe: (listener) => channel.subscribe(listener),
  };
}
