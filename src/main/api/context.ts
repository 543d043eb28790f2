// What every handler gets: the database and a way to announce changes once they are committed.
import type { PushEvent } from '../../shared/events';
import type { Database } from '../store/native';
import type { JobRunner } from './jobs';

export interface ApiContext {
  db: Database;
  /** Queued during a call and delivered only if the call's transaction commits. */
  emit(event: PushEvent): void;
  jobs: JobRunner;
  /** The library folder (user citation styles live in its styles/ folder); null for a bare database in tests. */
  dataDir: string | null;
}
