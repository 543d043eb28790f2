import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, appRequestHandler } from '../../../src/main/electron/protocol';
import { PRODUCTION_CSP } from '../../../src/main/electron/security';

let base: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'gloss-protocol-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  handle = appRequestHandler(rendererDir, PRODUCTION_CSP);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('gloss-app scheme', () => {
  it('is registered as standard, secure and fetchable, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'gloss-app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('serves the renderer with content types and the CSP', async () => {
    const index = await get('gloss-app://app/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(await index.text()).toContain('<title>Gloss</title>');
    expect((await get('gloss-app://app/')).status).toBe(200);
    expect((await get('gloss-app://app/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('gloss-app://app/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('puts the CSP and nosniff on every response, errors included', async () => {
    for (const url of ['gloss-app://app/index.html', 'gloss-app://app/missing.js', 'gloss-app://other/index.html']) {
      const response = await get(url);
      expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('never leaves the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00index.html']) {
      const response = await get(`gloss-app://app${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('answers only GET and HEAD, and only for the app host', async () => {
    expect((await get('gloss-app://app/index.html', 'POST')).status).toBe(405);
    const head = await get('gloss-app://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('gloss-app://evil/index.html')).status).toBe(404);
  });
});
