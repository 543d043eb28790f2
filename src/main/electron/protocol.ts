// The packaged renderer is served from the privileged `gloss-app://app` scheme rather than file://,
// so it has a real origin of its own (for the CSP's 'self' and for the IPC sender check) and can
// reach no file outside the built renderer folder.
import type { CustomScheme, Protocol } from 'electron';
import { appHeaders, readStatic } from '../web/static-files';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * standard: URLs resolve like http ones (relative paths, an origin); secure: a secure context
 * like https; supportFetchAPI: the renderer may fetch its own assets. Deliberately not
 * corsEnabled, bypassCSP or allowServiceWorkers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app's ready event. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

function plain(status: number, text: string, csp: string): Response {
  return new Response(text, { status, headers: appHeaders(csp, 'text/plain; charset=utf-8', false) });
}

/** Answers one request on the app scheme; pure apart from reading files, so tests run it under Node. */
export function appRequestHandler(rendererDir: string, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request', csp);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found', csp);
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', csp);
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return plain(404, 'Not found', csp);
    const headers = appHeaders(csp, file.contentType, file.isHtml);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers });
  };
}

/** Serves the built renderer on the app scheme; call once the app is ready. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, appRequestHandler(rendererDir, csp));
}
