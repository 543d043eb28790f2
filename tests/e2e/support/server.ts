// Web mode for end-to-end tests: each test gets its own server on a free port with a fresh,
// empty library, so tests never depend on one another's documents or on their order.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

const ROOT = resolve(__dirname, '../../..');
const ENTRY = join(ROOT, 'out/main/serve.js');
const READY = /Gloss ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface GlossServer {
  /** The address Gloss printed, token included: opening it signs the browser in. */
  url: string;
  /** The same origin without the token, for requests that must be refused. */
  origin: string;
  dataDir: string;
  /** What the server wrote to stderr so far, to explain a failure. */
  stderr: () => string;
}

function waitForReady(child: ChildProcess, errors: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`Gloss did not print its address within ${START_TIMEOUT_MS / 1000} s.\nstdout: ${out}\nstderr: ${errors()}`)),
      START_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = READY.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    });
    child.once('exit', (code, signal) => fail(new Error(`Gloss exited before it was ready (code ${code}, signal ${signal}).\nstderr: ${errors()}`)));
    child.once('error', (error) => fail(error));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export async function startGloss(): Promise<{ server: GlossServer; stop: () => Promise<void> }> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` before the end-to-end tests.`);
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-e2e-'));
  const child = spawn(process.execPath, [ENTRY, '--port', '0', '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk;
  });
  try {
    const url = await waitForReady(child, () => stderr);
    return {
      server: { url, origin: new URL(url).origin, dataDir, stderr: () => stderr },
      stop: async () => {
        await stop(child);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** `test` with a `gloss` fixture: a running web-mode server with an empty library of its own. */
export const test = base.extend<{ gloss: GlossServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  gloss: async ({}, use) => {
    const { server, stop: stopServer } = await startGloss();
    try {
      await use(server);
    } finally {
      await stopServer();
    }
  },
});

export { expect } from '@playwright/test';
