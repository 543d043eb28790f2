// Web mode: the same API host and the built renderer over HTTP, for one person on this machine.
// Bound to 127.0.0.1 and guarded like a local service that any web page could try to reach:
// Host allow-list (DNS rebinding), a per-run secret exchanged for an HttpOnly SameSite cookie,
// no CORS, cross-origin API requests refused, and the same strict CSP as the Electron app.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP } from '../../shared/bridge';
import type { ErrorCode, Result } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';
import { LIMITS } from '../../shared/limits';
import { PRODUCTION_CSP } from '../electron/security';
import type { ApiHost } from '../host/types';
import { appHeaders, readStatic } from './static-files';

export interface WebServerOptions {
  host: ApiHost;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Extra Host header values to accept, e.g. a name in /etc/hosts; with or without the port. */
  allowHosts?: string[];
  /** Fixed secret, for tests and scripts; by default a fresh random one per run. */
  token?: string;
  /** Body size cap in bytes; LIMITS.requestBody unless a test needs a smaller one. */
  maxBodyBytes?: number;
  /** Milliseconds between SSE keep-alive comments. */
  heartbeatMs?: number;
}

export interface WebServer {
  /** The line to open: `http://127.0.0.1:P/?token=T`. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const METHOD_PATTERN = /^[a-z]+\.[a-zA-Z]+$/;
const HEARTBEAT_MS = 15_000;

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Compares secrets in constant time, whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

function normaliseHost(value: string): string {
  return value.trim().toLowerCase();
}

function baseHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': PRODUCTION_CSP,
    'Cache-Control': 'no-store',
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), extra);
}

function sendJsonText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function failed(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpFailure(413, 'too-large', `The request body is larger than ${describeBytes(limit)}, the most Gloss accepts in one call.`);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpFailure(400, 'validation', 'The request body is not valid UTF-8.');
  }
  // An empty body stands for "no arguments", which is how scripts call list methods.
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpFailure(400, 'validation', `The request body is not valid JSON (${(error as Error).message}).`);
  }
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (token.length === 0) throw new Error('The web server token must not be empty.');
  // The cookie carries its own secret, so the token from the printed line never sits in cookie storage.
  const session = randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? LIMITS.requestBody;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const extraHosts = (options.allowHosts ?? []).map(normaliseHost).filter((h) => h !== '');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = (): Set<string> => {
    const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    for (const extra of extraHosts) {
      hosts.add(extra);
      if (!/:\d+$/.test(extra)) hosts.add(`${extra}:${port}`);
    }
    return hosts;
  };

  // Cookies are scoped to the host, not the port: a name per port keeps two servers' sessions apart.
  const cookieName = () => `${HTTP.sessionCookie}_${port}`;

  const isAuthenticated = (req: IncomingMessage, url: URL): boolean => {
    if (cookieValues(req.headers.cookie, cookieName()).some((value) => sameSecret(value, session))) return true;
    const auth = req.headers.authorization;
    if (auth && /^Bearer\s+/i.test(auth) && sameSecret(auth.replace(/^Bearer\s+/i, '').trim(), token)) return true;
    const query = url.searchParams.get('token');
    return query !== null && sameSecret(query, token);
  };

  const handleCall = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') {
      sendJson(res, 405, failed('validation', 'API calls are POST requests.'), { Allow: 'POST' });
      return;
    }
    if (!isJson(req.headers['content-type'])) {
      sendJson(res, 415, failed('validation', 'API calls carry a JSON body: send Content-Type: application/json.'));
      return;
    }
    const args = parseJsonBody(await readBody(req, maxBody));
    let json: string;
    try {
      json = options.host.callJson ? await options.host.callJson(method, args) : JSON.stringify(await options.host.call(method, args));
    } catch (error) {
      json = JSON.stringify(failed('internal', `The call failed unexpectedly (${(error as Error).message}).`));
    }
    sendJsonText(res, 200, json);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET') {
      sendText(res, 405, 'Method not allowed', { Allow: 'GET' });
      return;
    }
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    // A first comment flushes the headers, so the browser's EventSource opens at once.
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.host.subscribe((event: PushEvent) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file && url.pathname === '/favicon.ico') {
      // Browsers ask for it on their own; an empty answer keeps a 404 out of the page's console.
      res.writeHead(204, baseHeaders());
      res.end();
      return;
    }
    if (!file) {
      sendText(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, { ...appHeaders(PRODUCTION_CSP, file.contentType, file.isHtml), 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const hostHeader = req.headers.host;
    if (!hostHeader || !allowedHosts().has(normaliseHost(hostHeader))) {
      sendText(res, 403, 'Forbidden: unexpected Host header. Open the address Gloss printed, or start it with --allow-host.');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${hostHeader}`);
    } catch {
      sendText(res, 400, 'Bad request');
      return;
    }
    const isApi = url.pathname.startsWith('/api/');

    if (isApi) {
      const origin = req.headers.origin;
      const ownOrigins = new Set([...allowedHosts()].map((h) => `http://${h}`));
      if (origin !== undefined && !ownOrigins.has(origin.toLowerCase())) {
        sendJson(res, 403, failed('unavailable', 'Requests from other web sites are refused.'));
        return;
      }
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site') {
        sendJson(res, 403, failed('unavailable', 'Requests from other web sites are refused.'));
        return;
      }
    }

    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? '', token)) {
        sendText(res, 401, 'That link has the wrong token. Open the address Gloss printed when it started.');
        return;
      }
      res.writeHead(303, {
        ...baseHeaders(),
        'Set-Cookie': `${cookieName()}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Content-Length': 0,
      });
      res.end();
      return;
    }

    if (!isAuthenticated(req, url)) {
      const message = 'Not signed in: open the address Gloss printed when it started (it ends in ?token=…).';
      if (isApi) sendJson(res, 401, failed('unavailable', message));
      else sendText(res, 401, message);
      return;
    }

    if (url.pathname.startsWith(HTTP.call)) {
      const method = url.pathname.slice(HTTP.call.length);
      if (!METHOD_PATTERN.test(method)) {
        sendJson(res, 404, failed('not-found', `No API method ${JSON.stringify(method)}.`));
        return;
      }
      await handleCall(req, res, method);
      return;
    }
    if (url.pathname === HTTP.events) {
      handleEvents(req, res);
      return;
    }
    if (isApi) {
      sendJson(res, 404, failed('not-found', 'No such API route.'));
      return;
    }
    await handleStatic(req, res, url);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpFailure ? error.status : 500;
      const code: ErrorCode = error instanceof HttpFailure ? error.code : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // After a refused upload the rest of the body is not worth reading; close the connection.
      const extra: Record<string, string> = status === 413 ? { Connection: 'close' } : {};
      sendJson(res, status, failed(code, message), extra);
      if (status === 413) req.resume();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            for (const stream of streams) stream.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
