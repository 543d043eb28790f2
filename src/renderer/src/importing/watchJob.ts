// Follows one job from the call that starts it to its end, through push events with polling as
// a fallback (an event stream that reconnects can miss events, and a fast job can finish before
// the call that started it has even answered).
import type { GlossClient } from '../../../shared/client';
import type { Result } from '../../../shared/errors';
import type { Job } from '../../../shared/model';

const POLL_MS = 1_000;

/** Pages read of the current file count as a fraction of a file, so a poll answered late never moves the bar back. */
const progressOf = (job: Job): number =>
  job.done + (job.currentProgress && job.currentProgress.total > 0 ? job.currentProgress.done / job.currentProgress.total : 0);

function newest(a: Job | undefined, b: Job): Job {
  if (!a) return b;
  if (a.state !== 'running') return a;
  if (b.state !== 'running') return b;
  return progressOf(b) >= progressOf(a) ? b : a;
}

/**
 * Calls `start`, then reports every newer state of the job it returns until the job ends.
 * `onStarted` receives the job id as soon as it is known (so it can be cancelled).
 */
export function watchJob(
  client: GlossClient,
  start: () => Promise<Result<Job>>,
  onUpdate: (job: Job) => void,
  onStarted: (id: string) => void,
): Promise<Result<Job>> {
  return new Promise((resolve) => {
    const seen = new Map<string, Job>();
    let jobId: string | null = null;
    let shown: Job | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let finished = false;

    const finish = (result: Result<Job>) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      clearInterval(poll);
      resolve(result);
    };

    const consider = (job: Job) => {
      if (finished) return;
      if (job.id !== jobId) {
        // Not ours yet, or not ours at all; keep it in case the start call answers with this id.
        seen.set(job.id, newest(seen.get(job.id), job));
        return;
      }
      const next = newest(shown, job);
      if (next === shown) return;
      shown = next;
      onUpdate(next);
      if (next.state !== 'running') finish({ ok: true, value: next });
    };

    const unsubscribe = client.subscribe((event) => {
      if (event.type === 'job') consider(event.job);
    });

    void start().then((result) => {
      if (!result.ok) {
        finish(result);
        return;
      }
      const id = result.value.id;
      const early = seen.get(id);
      seen.clear();
      jobId = id;
      onStarted(id);
      consider(newest(early, result.value));
      if (finished) return;
      poll = setInterval(() => {
        void client.try('jobs.get', { id }).then((polled) => {
          if (polled.ok) consider(polled.value);
          else if (polled.error.code === 'not-found') finish(polled);
        });
      }, POLL_MS);
    });
  });
}
