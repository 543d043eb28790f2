// Builds `window.gloss` from the pieces of Electron's ipcRenderer it needs, so the shape of the
// bridge can be tested without Electron: one named function per API method and an event feed.
import { METHOD_NAMES } from '../shared/method-names';
import { type BridgeApi, type GlossBridge, IPC } from '../shared/bridge';
import type { Result } from '../shared/errors';
import type { PushEvent } from '../shared/events';

/** The part of ipcRenderer the bridge uses; the renderer never sees it. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function buildBridge(ipc: BridgeIpc): GlossBridge {
  const api = {} as BridgeApi;
  for (const method of METHOD_NAMES) {
    // The method name is fixed here, in the preload: page script can pick a method only from this list.
    api[method] = (args: unknown) => ipc.invoke(IPC.call, method, args) as Promise<Result<unknown>>;
  }
  return {
    api: Object.freeze(api),
    onEvent(listener) {
      // The IPC event object (with its sender) stays in the preload; only the payload crosses.
      const forward = (_event: unknown, pushed: unknown) => listener(pushed as PushEvent);
      ipc.on(IPC.event, forward);
      return () => {
        ipc.removeListener(IPC.event, forward);
      };
    },
  };
}
