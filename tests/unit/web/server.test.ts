import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { isMethodName } from '../../../src/shared/api';
import { HTTP } from '../../../src/shared/bridge';
import type { Result } from '../../../src/shared/errors';
import type { PushEvent } from '../../../src/shared/events';
import { LIMITS } from '../../../src/shared/limits';
import { PRODUCTION_CSP } from '../../../src/main/electron/security';
import type { ApiHost } from '../../../src/main/host/types';
import { startWebServer, type WebServer, type WebServerOptions } from '../../../src/main/web/server';

/** An in-memory host: echoes known methods, refuses others the way the real dispatcher does. */
function fakeHost() {
  const listeners = new Set<(event: PushEvent) => void>();
  const calls: { method: string; args: unknown }[] = [];
  const host: ApiHost = {
    async call(method, args): Promise<Result<unknown>> {
      calls.push({ method, args });
      if (!isMethodName(method)) return { ok: false, error: { code: 'validation', message: `Unknown method ${method}.` } };
      return { ok: true, value: { method, args } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {},
  };
  return { host, calls, listeners, emit: (event: PushEvent) => listeners.forEach((listener) => listener(event)) };
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  server: WebServer,
  options: { method?: string; path?: string; headers?: Record<string, string | number>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let rendererBase: string;
let rendererDir: string;
const servers: WebServer[] = [];

beforeAll(() => {
  rendererBase = mkdtempSync(join(tmpdir(), 'gloss-web-'));
  rendererDir = join(rendererBase, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererBase, 'passwd'), 'root:x:0:0');
});
afterAll(() => rmSync(rendererBase, { recursive: true, force: true }));
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function start(options: Partial<WebServerOptions> = {}) {
  const fake = fakeHost();
  const server = await startWebServer({ host: fake.host, port: 0, rendererDir, ...options });
  servers.push(server);
  return { server, ...fake };
}

async function signIn(server: WebServer): Promise<string> {
  const reply = await send(server, { path: `/?token=${server.token}` });
  const cookie = reply.headers['set-cookie']?.[0];
  if (!cookie) throw new Error('no cookie');
  return cookie.split(';')[0]!;
}

const callPath = (method: string) => `${HTTP.call}${method}`;
const json = { 'content-type': 'application/json' };

describe('web server', () => {
  it('prints a 127.0.0.1 address with a fresh random token', async () => {
    const { server } = await start();
    const { server: other } = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.token).not.toBe(server.token);
  });

  it('refuses a bare GET / with 401', async () => {
    const { server } = await start();
    const reply = await send(server, {});
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('<title>Gloss</title>');
  });

  it('refuses a wrong token', async () => {
    const { server } = await start();
    const reply = await send(server, { path: '/?token=wrong' });
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const { server } = await start();
    const reply = await send(server, { path: `/?token=${server.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const cookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${HTTP.sessionCookie}_${server.port}=[^;]+; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain(server.token);
  });

  it('serves / with the cookie, with the CSP and hardening headers', async () => {
    const { server } = await start();
    const cookie = await signIn(server);
    const reply = await send(server, { headers: { cookie } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Gloss</title>');
    expect(reply.headers['content-security-policy']).toBe(PRODUCTION_CSP);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cache-control']).toBe('no-store');
    const script = await send(server, { path: '/assets/app.js', headers: { cookie } });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses a forged session cookie', async () => {
    const { server } = await start();
    const reply = await send(server, { headers: { cookie: `${HTTP.sessionCookie}_${server.port}=${server.token}` } });
    expect(reply.status).toBe(401);
  });

  it('refuses a Host header it does not know (DNS rebinding), even with a valid session', async () => {
    const { server } = await start();
    const cookie = await signIn(server);
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      const reply = await send(server, { headers: { host, cookie } });
      expect(reply.status, host).toBe(403);
    }
    expect((await send(server, { path: `/?token=${server.token}`, headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('accepts localhost and hosts named with --allow-host', async () => {
    const { server } = await start({ allowHosts: ['gloss.test'] });
    const cookie = await signIn(server);
    expect((await send(server, { headers: { host: `localhost:${server.port}`, cookie } })).status).toBe(200);
    expect((await send(server, { headers: { host: `gloss.test:${server.port}`, cookie } })).status).toBe(200);
    expect((await send(server, { headers: { host: 'gloss.test', cookie } })).status).toBe(200);
    expect((await send(server, { headers: { host: 'other.test', cookie } })).status).toBe(403);
  });

  it('answers an API call with the JSON Result of the host when signed in', async () => {
    const { server, calls } = await start();
    const cookie = await signIn(server);
    const reply = await send(server, { method: 'POST', path: callPath('documents.get'), headers: { ...json, cookie }, body: JSON.stringify({ id: 'd1' }) });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { method: 'documents.get', args: { id: 'd1' } } });
    expect(calls).toEqual([{ method: 'documents.get', args: { id: 'd1' } }]);
  });

  it('lets scripts call with the token as a Bearer header or query parameter', async () => {
    const { server } = await start();
    const bearer = await send(server, {
      method: 'POST',
      path: callPath('kinds.list'),
      headers: { ...json, authorization: `Bearer ${server.token}` },
      body: '{}',
    });
    expect(bearer.status).toBe(200);
    const query = await send(server, { method: 'POST', path: `${callPath('kinds.list')}?token=${server.token}`, headers: json, body: '{}' });
    expect(query.status).toBe(200);
    const wrong = await send(server, { method: 'POST', path: callPath('kinds.list'), headers: { ...json, authorization: 'Bearer nope' }, body: '{}' });
    expect(wrong.status).toBe(401);
  });

  it('refuses an API call without a session with 401 and never calls the host', async () => {
    const { server, calls } = await start();
    const reply = await send(server, { method: 'POST', path: callPath('documents.purge'), headers: json, body: JSON.stringify({ id: 'd1' }) });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('refuses API requests from another origin with 403', async () => {
    const { server, calls } = await start();
    const cookie = await signIn(server);
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const reply = await send(server, { method: 'POST', path: callPath('documents.purge'), headers: { ...json, cookie, origin }, body: '{"id":"d1"}' });
      expect(reply.status, origin).toBe(403);
    }
    expect((await send(server, { path: HTTP.events, headers: { cookie, origin: 'https://evil.example' } })).status).toBe(403);
    expect(calls).toEqual([]);
    const own = await send(server, {
      method: 'POST',
      path: callPath('kinds.list'),
      headers: { ...json, cookie, origin: `http://127.0.0.1:${server.port}` },
      body: '{}',
    });
    expect(own.status).toBe(200);
  });

  it('answers an oversized body with 413 and a too-large Result', async () => {
    const { server, calls } = await start({ maxBodyBytes: 1024 });
    const cookie = await signIn(server);
    const body = JSON.stringify({ text: 'x'.repeat(4096) });
    const declared = await send(server, { method: 'POST', path: callPath('documents.create'), headers: { ...json, cookie }, body });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const chunked = await send(server, {
      method: 'POST',
      path: callPath('documents.create'),
      headers: { ...json, cookie, 'transfer-encoding': 'chunked' },
      body,
    });
    expect(chunked.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it('caps bodies at LIMITS.requestBody by default', async () => {
    const { server } = await start();
    const cookie = await signIn(server);
    const reply = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: callPath('documents.create'),
          headers: { host: `127.0.0.1:${server.port}`, cookie, ...json, 'content-length': LIMITS.requestBody + 1 },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(reply).toBe(413);
  });

  it('answers malformed JSON with 400 and a validation Result', async () => {
    const { server, calls } = await start();
    const cookie = await signIn(server);
    const reply = await send(server, { method: 'POST', path: callPath('documents.get'), headers: { ...json, cookie }, body: '{"id": ' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(calls).toEqual([]);
  });

  it('requires a JSON content type', async () => {
    const { server } = await start();
    const cookie = await signIn(server);
    const reply = await send(server, { method: 'POST', path: callPath('kinds.list'), headers: { 'content-type': 'text/plain', cookie }, body: '{}' });
    expect(reply.status).toBe(415);
  });

  it('leaves unknown method names to the host, and refuses odd ones with 404', async () => {
    const { server, calls } = await start();
    const cookie = await signIn(server);
    const unknown = await send(server, { method: 'POST', path: callPath('documents.explode'), headers: { ...json, cookie }, body: '{}' });
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    for (const name of ['constructor', '__proto__.x', 'documents.get%2f..', 'Documents.get', 'documents.get.x', 'documents.']) {
      const reply = await send(server, { method: 'POST', path: callPath(name), headers: { ...json, cookie }, body: '{}' });
      expect(reply.status, name).toBe(404);
    }
    expect(calls.map((call) => call.method)).toEqual(['documents.explode']);
  });

  it('sends no CORS headers, not even to a preflight', async () => {
    const { server } = await start();
    const cookie = await signIn(server);
    const replies = [
      await send(server, {}),
      await send(server, { headers: { cookie } }),
      await send(server, { method: 'POST', path: callPath('kinds.list'), headers: { ...json, cookie }, body: '{}' }),
      await send(server, {
        method: 'OPTIONS',
        path: callPath('kinds.list'),
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
      await send(server, { method: 'OPTIONS', path: '/', headers: { cookie } }),
    ];
    for (const reply of replies) expect(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('streams pushed events as Server-Sent Events, and unsubscribes on close', async () => {
    const { server, emit, listeners } = await start();
    const cookie = await signIn(server);
    const event: PushEvent = { type: 'changed', entity: 'document', ids: ['d1'] };
    const received = await new Promise<{ type: string | undefined; text: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: HTTP.events, headers: { host: `127.0.0.1:${server.port}`, cookie } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected') && !text.includes('data:')) emit(event);
          if (text.includes('\n\ndata:') && text.endsWith('\n\n')) {
            resolve({ type: res.headers['content-type'], text });
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received.type).toBe('text/event-stream; charset=utf-8');
    expect(received.text).toContain(`data: ${JSON.stringify(event)}\n\n`);
    await expect.poll(() => listeners.size).toBe(0);
  });

  it('sends a heartbeat comment on an idle event stream', async () => {
    const { server } = await start({ heartbeatMs: 20 });
    const cookie = await signIn(server);
    const text = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: HTTP.events, headers: { host: `127.0.0.1:${server.port}`, cookie } }, (res) => {
        let seen = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          seen += chunk;
          if (seen.includes(': heartbeat\n\n')) {
            resolve(seen);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(text).toContain(': heartbeat');
  });

  it('answers a missing favicon with an empty 204, so the page console stays clean', async () => {
    const { server } = await start();
    const cookie = await signIn(server);
    const reply = await send(server, { path: '/favicon.ico', headers: { cookie } });
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
  });

  it('refuses the event stream without a session', async () => {
    const { server } = await start();
    expect((await send(server, { path: HTTP.events })).status).toBe(401);
  });

  it('refuses path traversal', async () => {
    const { server } = await start();
    const cookie = await signIn(server);
    for (const path of ['/..%2f..%2fetc/passwd', '/..%2fpasswd', '/assets/..%2f..%2fpasswd', '/%2e%2e%2fpasswd', '/..%5cpasswd', '/../passwd']) {
      const reply = await send(server, { path, headers: { cookie } });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('root:');
    }
  });

  it('closes with an event stream still open', async () => {
    const { server } = await start();
    const cookie = await signIn(server);
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: HTTP.events, headers: { host: `127.0.0.1:${server.port}`, cookie } }, () =>
        resolve(),
      );
      req.on('error', () => undefined);
      req.end();
    });
    await server.close();
    servers.pop();
  });
});
