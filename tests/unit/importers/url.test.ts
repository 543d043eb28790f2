import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlossError } from '../../../src/shared/errors';
import { fetchUrl, isBlockedAddress, type Resolve } from '../../../src/main/importers/url';

const PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Strike</title></head><body><p>Dock workers struck on Monday — €3m a day.</p></body></html>';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/page': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  },
  '/notes.txt': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('plain notes');
  },
  '/report.pdf': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end('%PDF-1.7');
  },
  '/missing': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<p>Not found</p>');
  },
  '/to-ftp': (_req, res) => {
    res.writeHead(302, { location: 'ftp://files.example/report.pdf' });
    res.end();
  },
  '/to-file': (_req, res) => {
    res.writeHead(301, { location: 'file:///etc/passwd' });
    res.end();
  },
  '/gzipped': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(gzipSync(PAGE));
  },
  '/to-second': (req, res) => {
    res.writeHead(302, { location: `http://second.test:${req.socket.localPort}/page` });
    res.end();
  },
  '/hang': () => {
    // Never answers: the client's time-out must end the wait.
  },
};

let server: Server;
let base: string;
let closedHuge = false;
/** Every request the local server received, with the Host it was sent for. */
const seen: { host: string | undefined; path: string }[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    seen.push({ host: req.headers.host, path: url.pathname });
    const hops = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (hops) {
      const left = Number(hops[1]);
      res.writeHead(left > 0 ? 302 : 200, left > 0 ? { location: `/chain/${left - 1}` } : { 'content-type': 'text/html' });
      res.end(left > 0 ? '' : PAGE);
      return;
    }
    if (url.pathname === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => {
        closedHuge = true;
        clearInterval(timer);
      });
      return;
    }
    (routes[url.pathname] ?? routes['/missing']!)(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<GlossError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError);
    return error as GlossError;
  }
  throw new Error('expected a GlossError');
}

describe('fetchUrl', () => {
  it('fetches a page, keeping the bytes, the final URL, the media type and the fetch time', async () => {
    const before = Date.now();
    const source = await fetchUrl(`${base}/page`, { allowPrivate: true });
    expect(Buffer.from(source.bytes).toString('utf8')).toBe(PAGE);
    expect(source).toMatchObject({ name: 'page', url: `${base}/page`, finalUrl: `${base}/page`, mediaType: 'text/html; charset=utf-8' });
    expect(Date.parse(source.fetchedAt!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('accepts plain text and says so in the media type', async () => {
    const source = await fetchUrl(`${base}/notes.txt`, { allowPrivate: true });
    expect(source.mediaType).toBe('text/plain; charset=utf-8');
    expect(source.name).toBe('notes.txt');
  });

  it('follows a redirect chain within the limit and records where it ended', async () => {
    const source = await fetchUrl(`${base}/chain/3`, { allowPrivate: true, maxRedirects: 3 });
    expect(source.url).toBe(`${base}/chain/3`);
    expect(source.finalUrl).toBe(`${base}/chain/0`);
  });

  it('refuses a chain longer than the limit', async () => {
    const error = await failure(fetchUrl(`${base}/chain/4`, { allowPrivate: true, maxRedirects: 3 }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/redirected more than 3 times/);
  });

  it('refuses a redirect to a scheme other than http and https', async () => {
    for (const path of ['/to-ftp', '/to-file']) {
      const error = await failure(fetchUrl(`${base}${path}`, { allowPrivate: true }));
      expect(error.code).toBe('unsupported');
      expect(error.message).toMatch(/only http and https/);
    }
  });

  it('refuses other schemes and nonsense up front', async () => {
    expect((await failure(fetchUrl('file:///etc/passwd'))).code).toBe('unsupported');
    expect((await failure(fetchUrl('javascript:alert(1)'))).code).toBe('unsupported');
    expect((await failure(fetchUrl('not a url'))).code).toBe('validation');
  });

  it('times out on a server that never answers', async () => {
    const started = Date.now();
    const error = await failure(fetchUrl(`${base}/hang`, { allowPrivate: true, timeoutMs: 300 }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/timed out after 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a PDF with a sentence saying what to do', async () => {
    const error = await failure(fetchUrl(`${base}/report.pdf`, { allowPrivate: true }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(`${base}/report.pdf is a PDF (application/pdf), not a web page; download it and import the file.`);
  });

  it('reports HTTP errors with their status', async () => {
    const error = await failure(fetchUrl(`${base}/missing`, { allowPrivate: true }));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/HTTP 404 \(Not Found\)/);
  });

  it('stops reading past the size cap and closes the connection', async () => {
    closedHuge = false;
    const error = await failure(fetchUrl(`${base}/huge`, { allowPrivate: true, maxBytes: 256 * 1024 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/over 0\.3 MB, the limit for web pages/);
    for (let i = 0; i < 100 && !closedHuge; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closedHuge).toBe(true);
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    const error = await failure(fetchUrl(`${base}/page`));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/refused to fetch .*127\.0\.0\.1.*allow private addresses/);
    expect((await failure(fetchUrl('http://[::1]:9/'))).message).toMatch(/refused/);
    expect((await failure(fetchUrl('http://localhost:9/'))).message).toMatch(/refused/);
  });

  it('classifies addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fc00::1',
      'fd12::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
    ])
      expect(isBlockedAddress(address), address).toBe(true);
    for (const address of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111']) expect(isBlockedAddress(address), address).toBe(false);
  });
});

/** A DNS server that answers each name from a script, one answer per lookup, repeating the last. */
function scriptedDns(answers: Record<string, string[]>): { resolve: Resolve; asked: string[] } {
  const asked: string[] = [];
  const resolve: Resolve = async (host) => {
    const script = answers[host];
    if (!script) throw new Error(`ENOTFOUND ${host}`);
    const address = script[Math.min(asked.filter((h) => h === host).length, script.length - 1)]!;
    asked.push(host);
    return [{ address, family: 4 }];
  };
  return { resolve, asked };
}

describe('fetchUrl and DNS', () => {
  const port = () => new URL(base).port;

  it('connects to the address it checked, not to a second DNS answer (DNS rebinding)', async () => {
    seen.length = 0;
    // "localhost" is 127.0.0.1 to the system resolver too, so a fetch that looked the name up again
    // by any route would reach the local server; 192.0.2.1 (TEST-NET-1) is public but goes nowhere.
    const dns = scriptedDns({ localhost: ['192.0.2.1', '127.0.0.1'] });
    const error = await failure(fetchUrl(`http://localhost:${port()}/page`, { resolve: dns.resolve, timeoutMs: 500 }));
    expect(error.code).toBe('unavailable');
    expect(dns.asked).toEqual(['localhost']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
  });

  it('refuses a name whose checked answer is private, whatever a later answer would be', async () => {
    seen.length = 0;
    const dns = scriptedDns({ 'rebind.test': ['127.0.0.1', '192.0.2.1'] });
    const error = await failure(fetchUrl(`http://rebind.test:${port()}/page`, { resolve: dns.resolve }));
    expect(error.message).toMatch(/refused to fetch .*127\.0\.0\.1/);
    expect(seen).toEqual([]);
  });

  it('pins every redirect hop to its own checked answer and keeps each site name in the Host header', async () => {
    seen.length = 0;
    // Each name resolves to the local server only on its first lookup: the fetch succeeds only if
    // every hop connects to the answer it checked instead of asking again.
    const dns = scriptedDns({ 'first.test': ['127.0.0.1', '192.0.2.1'], 'second.test': ['127.0.0.1', '192.0.2.1'] });
    const source = await fetchUrl(`http://first.test:${port()}/to-second`, { resolve: dns.resolve, allowPrivate: true, timeoutMs: 2000 });
    expect(Buffer.from(source.bytes).toString('utf8')).toBe(PAGE);
    expect(source.finalUrl).toBe(`http://second.test:${port()}/page`);
    expect(dns.asked).toEqual(['first.test', 'second.test']);
    expect(seen).toEqual([
      { host: `first.test:${port()}`, path: '/to-second' },
      { host: `second.test:${port()}`, path: '/page' },
    ]);
  });

  it('decodes a compressed page', async () => {
    const source = await fetchUrl(`${base}/gzipped`, { allowPrivate: true });
    expect(Buffer.from(source.bytes).toString('utf8')).toBe(PAGE);
  });
});
