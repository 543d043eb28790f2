// Builds the plain Lexical page with Vite into a temporary folder and serves it on 127.0.0.1 for
// the length of the benchmark.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export async function servePlainLexical(): Promise<{ url: string; stop: () => Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'gloss-bench-plain-'));
  try {
    await build({
      root: __dirname,
      configFile: false,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, minify: true, modulePreload: { polyfill: false } },
    });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir + '/')) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
