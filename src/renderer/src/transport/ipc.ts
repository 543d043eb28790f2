// The Electron transport: calls and events go through the preload's `window.gloss` bridge.
import type { MethodName } from '../../../shared/api';
import type { GlossBridge } from '../../../shared/bridge';
import type { Transport } from '../../../shared/client';

/** The bridge, when the page runs inside Gloss's Electron window; undefined in a browser. */
export function electronBridge(): GlossBridge | undefined {
  return window.gloss;
}

export function ipcTransport(bridge: GlossBridge): Transport {
  return {
    call(method: MethodName, args: unknown) {
      const fn = bridge.api[method];
      if (typeof fn !== 'function') {
        return Promise.resolve({
          ok: false,
          error: { code: 'unsupported', message: `This version of Gloss does not offer “${method}”. Restart Gloss so its window and its library match.` },
        });
      }
      return fn(args);
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
