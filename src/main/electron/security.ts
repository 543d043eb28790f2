// The Electron security checklist as pure values and handlers, so each item can be unit-tested
// without the Electron binary. main.ts wires them to every web contents and the session.
import type { WebPreferences, WindowOpenHandlerResponse } from 'electron';

export const APP_SCHEME = 'gloss-app';
export const APP_HOST = 'app';
/** Written out rather than taken from `new URL().origin`: WHATWG URL gives non-http schemes the opaque origin "null". */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The renderer gets no Node, no Electron internals and Chromium's full sandbox; it reaches data only through the preload's bridge. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

const STRICT_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // React style props and Lexical both write styles through the CSSOM (element.style), which CSP
  // does not govern, so the built renderer needs no 'unsafe-inline' here. A `<style>` element or
  // a style="" attribute in HTML would be blocked: keep styles in CSS files.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

function serialize(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy of the built renderer, in Electron and in web mode alike: nothing remote, no eval, no inline script. */
export const PRODUCTION_CSP = serialize(STRICT_DIRECTIVES);

/**
 * Only for `electron-vite dev`: Vite serves modules from its own origin, pushes updates over a
 * WebSocket, injects CSS as `<style>` elements and the React refresh preamble as an inline script.
 * Still no eval and no origin but the dev server's.
 */
export function devCsp(devServerUrl: string): string {
  const origin = new URL(devServerUrl).origin;
  const socket = origin.replace(/^http/, 'ws');
  return serialize({
    ...STRICT_DIRECTIVES,
    'script-src': ["'self'", "'unsafe-inline'", origin],
    'style-src': ["'self'", "'unsafe-inline'", origin],
    'img-src': ["'self'", 'data:', origin],
    'font-src': ["'self'", origin],
    'connect-src': ["'self'", origin, socket],
  });
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_EXTERNAL_URL = 8_192;

/**
 * The URL to hand to the operating system, or null when it must not leave the app: only web pages
 * and mail links, never local files, scripts, data or the app's own scheme, and never a URL with
 * credentials (a classic way to disguise where a link really goes).
 */
export function externalUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href;
}

export type ExternalOpener = (url: string) => void;

/**
 * Pages never navigate away from the app. A link the user followed to the web still reaches
 * them, in their browser.
 */
export function navigationGuard(open: ExternalOpener): (event: { preventDefault(): void; url?: string }, url?: string) => void {
  return (event, url) => {
    event.preventDefault();
    const target = externalUrl(url ?? event.url ?? '');
    if (target) open(target);
  };
}

/** The app never opens a second Electron window from page content; allowed links go to the browser. */
export function windowOpenHandler(open: ExternalOpener): (details: { url: string }) => WindowOpenHandlerResponse {
  return ({ url }) => {
    const target = externalUrl(url);
    if (target) open(target);
    return { action: 'deny' };
  };
}

/** Gloss needs no camera, microphone, location, notifications, clipboard reads or any other permission. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/**
 * Whether an IPC message comes from the app's own page. The dev server origin counts only when
 * one is given (main.ts passes it only when the app is not packaged).
 */
export function isTrustedSender(frameUrl: unknown, devServerUrl?: string): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (!devServerUrl) return false;
  try {
    const dev = new URL(devServerUrl);
    return (dev.protocol === 'http:' || dev.protocol === 'https:') && url.origin === dev.origin;
  } catch {
    return false;
  }
}
