// What the main side pushes to every open window or tab, beside request/response.
import type { Id, Job } from './model';

export type Entity = 'document' | 'annotation' | 'kind' | 'tag' | 'source';

export type PushEvent =
  /** Something in the library changed; listeners refetch what they show. */
  | { type: 'changed'; entity: Entity; ids: Id[]; documentId?: Id }
  /** A long-running job moved on (progress, result, cancellation). */
  | { type: 'job'; job: Job };
