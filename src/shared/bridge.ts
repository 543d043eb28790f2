// What the Electron preload exposes as `window.gloss`: one named function per API method and a
// way to hear pushed events. Nothing else crosses the bridge (never ipcRenderer itself).
import type { MethodName } from './api';
import type { Result } from './errors';
import type { PushEvent } from './events';

export type BridgeApi = { [M in MethodName]: (args: unknown) => Promise<Result<unknown>> };

export interface GlossBridge {
  api: BridgeApi;
  onEvent(listener: (event: PushEvent) => void): () => void;
}

/** IPC channel names, shared by the preload and the main side. */
export const IPC = {
  call: 'gloss:call',
  event: 'gloss:event',
} as const;

/** HTTP routes of web mode, shared by the server and the renderer's HTTP transport. */
export const HTTP = {
  /** POST `${call}${method}` with the JSON arguments; the answer is a JSON Result. */
  call: '/api/call/',
  /** GET: a text/event-stream of PushEvent JSON, one `data:` line per event. */
  events: '/api/events',
  sessionCookie: 'gloss_session',
} as const;
