// Runs the handlers in this thread: used by the CLI, by tests, and inside the worker.
import type { PushEvent } from '../../shared/events';
import { createDispatcher, type Dispatcher } from '../api/dispatch';
import { type Library, openLibrary } from '../store/library';
import type { ApiHost, HostOptions } from './types';

export interface LocalHost extends ApiHost {
  library: Library;
  dispatcher: Dispatcher;
}

export function hostLibrary(library: Library): LocalHost {
  const listeners = new Set<(event: PushEvent) => void>();
  const dispatcher = createDispatcher(
    library.db,
    (event) => {
      for (const listener of listeners) listener(event);
    },
    { dataDir: library.dir },
  );
  return {
    library,
    dispatcher,
    call: (method, args) => dispatcher.call(method, args),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await dispatcher.jobs.idle();
      listeners.clear();
      library.close();
    },
  };
}

export async function startLocalHost(options: HostOptions): Promise<LocalHost> {
  return hostLibrary(await openLibrary(options.dataDir));
}
