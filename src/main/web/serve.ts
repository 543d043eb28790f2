// The web mode entry (out/main/serve.js): opens the library in a worker, serves the built renderer
// and the API on 127.0.0.1, prints the one address to open, and closes cleanly on a signal.
import { join } from 'node:path';
import type { ApiHost } from '../host/types';
import { startWorkerHost } from '../host/worker-host';
import { parseServeArgs, SERVE_USAGE, ServeUsageError, type ServeArgs } from './args';
import { startWebServer, type WebServer } from './server';

/** A close that hangs (a stuck import) must not keep the process alive forever after Ctrl+C. */
const CLOSE_TIMEOUT_MS = 10_000;

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}

async function start(args: ServeArgs): Promise<void> {
  let host: ApiHost | null = null;
  let server: WebServer | null = null;
  try {
    // The worker file is named from this entry: shared code is bundled into out/main/chunks/.
    host = await startWorkerHost({
      dataDir: args.dataDir,
      workerFile: join(__dirname, 'worker.js'),
      onWarning: (message) => process.stderr.write(`Gloss: ${message}\n`),
    });
    server = await startWebServer({ host, port: args.port, rendererDir: join(__dirname, '../renderer'), allowHosts: args.allowHosts });
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    process.stderr.write(`Gloss: could not start: ${inUse ? `port ${args.port} is already in use; choose another with --port.` : oneLine(error)}\n`);
    await host?.close().catch(() => undefined);
    process.exit(1);
  }
  process.stdout.write(`Gloss ready at ${server.url}\n`);

  let closing = false;
  const shutdown = () => {
    // A terminal's Ctrl+C reaches this process and scripts/serve.mjs forwards it too: close once.
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), CLOSE_TIMEOUT_MS).unref();
    void (async () => {
      await server.close().catch(() => undefined);
      await host.close().catch(() => undefined);
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function main(): void {
  let args: ServeArgs;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ServeUsageError)) throw error;
    process.stderr.write(`Gloss: ${error.message}\n${SERVE_USAGE}\n`);
    process.exit(2);
  }
  void start(args);
}

main();
