// What the preload adds to the renderer's window; absent in web mode, where the client uses HTTP.
import type { GlossBridge } from '../shared/bridge';

declare global {
  interface Window {
    gloss?: GlossBridge;
  }
}

export {};
