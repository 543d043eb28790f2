// Long-running jobs (batch import now; export later): they run a step at a time, yielding to the
// event loop between steps so calls and cancellation are answered, and report progress as events.
// A long step (a 300-page PDF) reports its own progress and is stopped through its signal.
import { GlossError } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';
import { newId } from '../../shared/ids';
import type { ImportOutcome, Job } from '../../shared/model';

const KEEP_FINISHED = 50;
/** A step may report on every page; events go out at most this often, so a fast PDF does not flood the window. */
const STEP_PROGRESS_MS = 50;

export interface StepControl {
  report(done: number, total: number): void;
  /** Aborted when the job is cancelled while this step runs. */
  signal: AbortSignal;
}

export interface TaskControl {
  report(done: number, total: number, stage: string): void;
  signal: AbortSignal;
}

export interface JobStep<T> {
  label: string;
  run(control: StepControl): T | Promise<T>;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly cancelled = new Set<string>();
  private readonly running = new Map<string, AbortController>();
  private readonly results = new Map<string, unknown>();

  constructor(private readonly publish: (event: PushEvent) => void) {}

  get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new GlossError({ code: 'not-found', message: `No job with id ${id}; it may have finished long ago.` });
    return structuredClone(job);
  }

  cancel(id: string): Job {
    const job = this.get(id);
    if (job.state === 'running') {
      this.cancelled.add(id);
      this.running.get(id)?.abort();
    }
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
      currentProgress: null,
      outcomes: [],
      error: null,
    };
    this.jobs.set(job.id, job);
    this.prune();
    void this.drive(job, steps, afterStep);
    return structuredClone(job);
  }

  /**
   * Starts one long task (an export) in the background. It reports its stages through `report`
   * and is stopped through its signal; what it returns is kept for one `take` and described on
   * the job by `describe` (an export's file name and size).
   */
  startTask<R>(type: Job['type'], label: string, run: (control: TaskControl) => Promise<R>, describe: (result: R) => Job['ready']): Job {
    const job: Job = { id: newId(), type, state: 'running', done: 0, total: 1, current: label, currentProgress: null, outcomes: [], error: null, ready: null };
    this.jobs.set(job.id, job);
    this.prune();
    const controller = new AbortController();
    this.running.set(job.id, controller);
    const report = (done: number, total: number, stage: string) => {
      if (controller.signal.aborted) return;
      Object.assign(job, { done, total, current: stage });
      this.publish({ type: 'job', job: structuredClone(job) });
    };
    void (async () => {
      this.publish({ type: 'job', job: structuredClone(job) });
      try {
        const result = await run({ report, signal: controller.signal });
        if (controller.signal.aborted) job.state = 'cancelled';
        else {
          this.results.set(job.id, result);
          job.ready = describe(result);
          job.done = job.total;
          job.state = 'done';
        }
      } catch (error) {
        job.state = controller.signal.aborted || (error instanceof GlossError && error.code === 'cancelled') ? 'cancelled' : 'failed';
        job.error = job.state === 'failed' ? (error as Error).message : null;
      }
      job.current = null;
      this.running.delete(job.id);
      this.cancelled.delete(job.id);
      this.publish({ type: 'job', job: structuredClone(job) });
    })();
    return structuredClone(job);
  }

  /** A finished task's result, handed over once: a second take is refused, so a large export is not held for ever. */
  take<R>(id: string): R {
    const job = this.get(id);
    if (job.state !== 'done' || !this.results.has(id)) {
      throw new GlossError({
        code: job.state === 'running' ? 'conflict' : 'not-found',
        message: job.state === 'running' ? 'The export is still being written.' : 'This export has already been saved, or did not finish; export again.',
      });
    }
    const result = this.results.get(id) as R;
    this.results.delete(id);
    return result;
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
      const controller = new AbortController();
      this.running.set(job.id, controller);
      let published = 0;
      const report = (done: number, total: number) => {
        if (controller.signal.aborted) return;
        job.currentProgress = { done, total, unit: 'page' };
        const now = performance.now();
        if (done < total && now - published < STEP_PROGRESS_MS) return;
        published = now;
        this.publish({ type: 'job', job: structuredClone(job) });
      };
      const outcome = await step.run({ report, signal: controller.signal });
      this.running.delete(job.id);
      job.currentProgress = null;
      // A step stopped part-way wrote nothing; one that finished before the cancel arrived is kept.
      if (controller.signal.aborted && outcome.status !== 'imported') {
        job.state = 'cancelled';
        break;
      }
      job.outcomes.push(outcome);
      job.done = index + 1;
      job.current = steps[index + 1]?.label ?? null;
      afterStep(outcome);
      this.publish({ type: 'job', job: structuredClone(job) });
    }
    if (job.state === 'running') job.state = 'done';
    job.current = null;
    job.currentProgress = null;
    this.running.delete(job.id);
    this.cancelled.delete(job.id);
    this.publish({ type: 'job', job: structuredClone(job) });
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(job.id);
      this.results.delete(job.id);
    }
  }
}
