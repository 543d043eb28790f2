// An API host runs the handlers somewhere (in-process, or in a worker so the Electron main
// thread never waits on the database) and carries calls and pushed events to and from it.
import type { Result } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';

export interface ApiHost {
  /** Validates and runs one call; never rejects: failures come back as a failed Result. */
  call(method: string, args: unknown): Promise<Result<unknown>>;
  /**
   * The same call, its Result already written as JSON, for a server that sends it on as text. A
   * worker writes it where the data is: posting two thousand annotations as objects to the
   * server's thread cost more than writing them out.
   */
  callJson?(method: string, args: unknown): Promise<string>;
  subscribe(listener: (event: PushEvent) => void): () => void;
  close(): Promise<void>;
}

export interface HostOptions {
  /** The library folder: holds library.sqlite and backups/. */
  dataDir: string;
  /** Folders that may hold native/ with the Electron build of better-sqlite3 (see store/native.ts). */
  nativeRoots?: string[];
}
