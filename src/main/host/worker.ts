// The database worker: owns the library connection so the Electron main thread (and the web
// server's event loop) never waits on SQLite. Talks to worker-host.ts by messages.
import { parentPort, workerData } from 'node:worker_threads';
import { GlossError } from '../../shared/errors';
import { routineBackupDue, takeBackup } from '../store/backup';
import { loadSqlite } from '../store/native';
import { startLocalHost } from './local-host';
import type { HostOptions } from './types';
import type { FromWorker, ToWorker } from './worker-protocol';

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

async function main(): Promise<void> {
  const options = workerData as HostOptions;
  // A worker thread has no process.resourcesPath, so the host thread says where native/ may be.
  if (options.nativeRoots) loadSqlite(options.nativeRoots);
  const host = await startLocalHost(options);
  let backup: Promise<unknown> = Promise.resolve();
  host.subscribe((event) => send({ type: 'event', event }));
  port.on('message', (message: ToWorker) => {
    if (message.type === 'call') {
      const { id, json } = message;
      void host
        .call(message.method, message.args)
        .then((result) => send(json ? { type: 'json', id, json: JSON.stringify(result) } : { type: 'result', id, result }));
    } else if (message.type === 'close') {
      // Closing waits for a backup under way, which needs the connection open until it is done.
      void backup.then(() => host.close()).then(() => send({ type: 'closed' }));
    }
  });
  send({ type: 'ready' });
  if (routineBackupDue(options.dataDir)) {
    backup = takeBackup(host.library.db, options.dataDir, 'routine').catch((error: Error) => {
      send({ type: 'warning', message: `The daily backup failed (${error.message}); your library is unchanged.` });
    });
  }
}

main().catch((error: unknown) => {
  const data = error instanceof GlossError ? error.toData() : { code: 'internal' as const, message: (error as Error).message };
  send({ type: 'fatal', error: data });
});
