// The command line of web mode: `serve --port P --data DIR [--allow-host H]...`.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const SERVE_USAGE = 'usage: node out/main/serve.js --data DIR [--port P] [--allow-host HOST]...';

export class ServeUsageError extends Error {}

export interface ServeArgs {
  /** 0 lets the system pick a free port. */
  port: number;
  dataDir: string;
  allowHosts: string[];
}

export function parseServeArgs(argv: string[]): ServeArgs {
  let values: { port?: string; data?: string; 'allow-host'?: string[] };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, data: { type: 'string' }, 'allow-host': { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ServeUsageError((error as Error).message);
  }
  const portText = values.port ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535)
    throw new ServeUsageError(`--port must be a number from 0 to 65535, not ${JSON.stringify(portText)}.`);
  const data = values.data;
  if (data === undefined || data.trim() === '') throw new ServeUsageError('--data DIR is required: the folder that holds the library.');
  const allowHosts = values['allow-host'] ?? [];
  for (const host of allowHosts) {
    if (!/^[A-Za-z0-9.-]+(?::\d{1,5})?$/.test(host))
      throw new ServeUsageError(`--allow-host takes a host name, optionally with :port, not ${JSON.stringify(host)}.`);
  }
  return { port: Number(portText), dataDir: resolve(data), allowHosts };
}
