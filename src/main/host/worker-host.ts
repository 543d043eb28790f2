// Hosts the API in a worker thread. Calls are posted to the worker and answered by id; events
// come back the same way. Nothing here touches the database, so this thread stays responsive.
import { Worker } from 'node:worker_threads';
import { GlossError, type Result } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';
import type { ApiHost, HostOptions } from './types';
import type { FromWorker, ToWorker } from './worker-protocol';

export interface WorkerHostOptions extends HostOptions {
  /** The built worker entry (out/main/worker.js). Named by each entry, since shared code is bundled into chunks/. */
  workerFile: string;
  onWarning?: (message: string) => void;
}

export function startWorkerHost(options: WorkerHostOptions): Promise<ApiHost> {
  const worker = new Worker(options.workerFile, {
    workerData: { dataDir: options.dataDir, ...(options.nativeRoots ? { nativeRoots: options.nativeRoots } : {}) } satisfies HostOptions,
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const pendingJson = new Map<number, (json: string) => void>();
  const listeners = new Set<(event: PushEvent) => void>();
  let nextId = 1;
  let closed: (() => void) | null = null;
  let failure: GlossError | null = null;

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'unavailable', message } });
    for (const resolve of pendingJson.values()) resolve(JSON.stringify({ ok: false, error: { code: 'unavailable', message } }));
    pending.clear();
    pendingJson.clear();
  };

  const host: ApiHost = {
    call(method, args) {
      if (failure) return Promise.resolve({ ok: false, error: failure.toData() });
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        worker.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
      });
    },
    callJson(method, args) {
      if (failure) return Promise.resolve(JSON.stringify({ ok: false, error: failure.toData() }));
      return new Promise((resolve) => {
        const id = nextId++;
        pendingJson.set(id, resolve);
        worker.postMessage({ type: 'call', id, method, args, json: true } satisfies ToWorker);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      return new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ type: 'close' } satisfies ToWorker);
      }).then(() => worker.terminate().then(() => undefined));
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve(host);
          break;
        case 'fatal':
          failure = GlossError.from(message.error);
          failAll(message.error.message);
          reject(failure);
          void worker.terminate();
          break;
        case 'warning':
          options.onWarning?.(message.message);
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'json':
          pendingJson.get(message.id)?.(message.json);
          pendingJson.delete(message.id);
          break;
        case 'event':
          for (const listener of listeners) listener(message.event);
          break;
        case 'closed':
          closed?.();
          break;
      }
    });
    worker.on('exit', (code) => {
      if (closed || failure) return;
      failure = new GlossError({
        code: 'unavailable',
        message: `The library worker exited (code ${code}) before it was closed. Restart Gloss; saved work is safe.`,
      });
      failAll(failure.message);
      reject(failure);
    });
    worker.on('error', (error) => {
      failure = new GlossError({ code: 'unavailable', message: `The library worker stopped (${error.message}). Restart Gloss; saved work is safe.` });
      failAll(failure.message);
      reject(failure);
    });
  });
}
