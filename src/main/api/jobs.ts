// Long-running jobs (batch import now; export later): they run a step at a time, yielding to the
// event loop between steps so calls and cancellation are answered, and report progress as events.
import { GlossError } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';
import { newId } from '../../shared/ids';
import type { ImportOutcome, Job } from '../../shared/model';

const KEEP_FINISHED = 50;

export interface JobStep<T> {
  label: string;
  run(): T | Promise<T>;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly cancelled = new Set<string>();

  constructor(private readonly publish: (event: PushEvent) => void) {}

  get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new GlossError({ code: 'not-found', message: `No job with id ${id}; it may have finished long ago.` });
    return structuredClone(job);
  }

  cancel(id: string): Job {
    const job = this.get(id);
    if (job.state === 'running') this.cancelled.add(id);
    return job;
  }

  /** Starts the steps in the background and returns the job as it begins. */
  startImport(steps: JobStep<ImportOutcome>[], afterStep: (outcome: ImportOutcome) => void): Job {
    const job: Job = {
      id: newId(),
      type: 'import',
      state: 'running',
      done: 0,
      total: steps.length,
      current: steps[0]?.label ?? null,
      outcomes: [],
      error: null,
    };
    this.jobs.set(job.id, job);
    this.prune();
    void this.drive(job, steps, afterStep);
    return structuredClone(job);
  }

  /** Resolves when every running job has finished (for orderly shutdown and tests). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((job) => job.state === 'running')) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private async drive(job: Job, steps: JobStep<ImportOutcome>[], afterStep: (outcome: ImportOutcome) => void): Promise<void> {
    this.publish({ type: 'job', job: structuredClone(job) });
    for (const [index, step] of steps.entries()) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.cancelled.has(job.id)) {
        job.state = 'cancelled';
        break;
      }
      job.current = step.label;
      const outcome = await step.run();
      job.outcomes.push(outcome);
      job.done = index + 1;
      job.current = steps[index + 1]?.label ?? null;
      afterStep(outcome);
      this.publish({ type: 'job', job: structuredClone(job) });
    }
    if (job.state === 'running') job.state = 'done';
    job.current = null;
    this.cancelled.delete(job.id);
    this.publish({ type: 'job', job: structuredClone(job) });
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id);
  }
}
