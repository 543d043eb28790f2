// The database worker: owns the library connection so the Electron main thread (and the web
// server's event loop) never waits on SQLite. Talks to worker-host.ts by messages.
import { parentPort, workerData } from 'node:worker_threads';
import { GlossError } from '../../shared/errors';
import { routineBackupDue, takeBackup } from '../store/backup';
import { startLocalHost } from './local-host';
import type { HostOptions } from './types';
import type { FromWorker, ToWorker } from './worker-protocol';

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

async function main(): Promise<void> {
  const options = workerData as HostOptions;
  const host = await startLocalHost(options);
  host.subscribe((event) => send({ type: 'event', event }));
  port.on('message', (message: ToWorker) => {
    if (message.type === 'call') {
      void host.call(message.method, message.args).then((result) => send({ type: 'result', id: message.id, result }));
    } else if (message.type === 'close') {
      void host.close().then(() => send({ type: 'closed' }));
    }
  });
  send({ type: 'ready' });
  if (routineBackupDue(options.dataDir)) {
    await takeBackup(host.library.db, options.dataDir, 'routine').catch((error: Error) => {
      send({ type: 'warning', message: `The daily backup failed (${error.message}); your library is unchanged.` });
    });
  }
}

main().catch((error: unknown) => {
  const data = error instanceof GlossError ? error.toData() : { code: 'internal' as const, message: (error as Error).message };
  send({ type: 'fatal', error: data });
});
