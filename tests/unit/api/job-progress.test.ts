// A long PDF in an import job: progress page by page while it is read, and a cancel that stops it
// between pages and leaves the library exactly as it was.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/model';
import { logicalDump } from '../../../src/main/store/dump';
import { longReportPdf } from '../../fixtures/make/pdf';
import { testLibrary, type TestLibrary } from '../support/library';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function dump(lib: TestLibrary): string {
  lib.host.library.db.pragma('wal_checkpoint(TRUNCATE)');
  return logicalDump(lib.host.library.db);
}

function jobEvents(lib: TestLibrary, onJob: (job: Job) => void = () => undefined): Job[] {
  const seen: Job[] = [];
  lib.host.subscribe((event) => {
    if (event.type !== 'job') return;
    seen.push(event.job);
    onJob(event.job);
  });
  return seen;
}

describe('progress within one import', () => {
  it('reports the pages of a long PDF as they are read, in order, then the finished file', async () => {
    const lib = await testLibrary();
    const events = jobEvents(lib);
    const job = await lib.call('jobs.import', { items: [{ name: 'long-report.pdf', data: b64(longReportPdf(60)) }] });
    expect(job.currentProgress).toBeNull();
    await lib.host.dispatcher.jobs.idle();

    const pages = events.filter((e) => e.currentProgress !== null).map((e) => e.currentProgress!);
    expect(pages.every((p) => p.total === 60 && p.unit === 'page')).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const done = pages.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.some((d) => d > 0 && d < 60)).toBe(true);
    expect(done.at(-1)).toBe(60);
    expect(events.filter((e) => e.currentProgress !== null).every((e) => e.current === 'long-report.pdf' && e.done === 0)).toBe(true);

    const finished = await lib.call('jobs.get', { id: job.id });
    expect(finished).toMatchObject({ state: 'done', done: 1, currentProgress: null, current: null });
    expect(finished.outcomes).toEqual([expect.objectContaining({ name: 'long-report.pdf', status: 'imported' })]);
    const stored = await lib.call('documents.get', { id: finished.outcomes[0]!.id! });
    expect(stored.blocks.at(-1)?.page).toBe('60');
  }, 60_000);

  it('stops a long PDF between pages when cancelled, writing nothing and reading no further', async () => {
    const lib = await testLibrary();
    await lib.call('documents.create', { text: 'Already in the library.' });
    const before = dump(lib);
    let cancelAt: number | null = null;
    let jobId: string | null = null;
    const events = jobEvents(lib, (job) => {
      if (cancelAt !== null || !jobId || (job.currentProgress?.done ?? 0) < 10) return;
      cancelAt = job.currentProgress!.done;
      // A cancel arrives as a message of its own, after the page being read: not from inside the read.
      setImmediate(() => void lib.call('jobs.cancel', { id: jobId! }));
    });
    const job = await lib.call('jobs.import', {
      items: [
        { name: 'long-report.pdf', data: b64(longReportPdf(120)) },
        { name: 'after.md', data: b64(Buffer.from('# After')) },
      ],
    });
    jobId = job.id;
    await lib.host.dispatcher.jobs.idle();

    const finished = await lib.call('jobs.get', { id: job.id });
    expect(finished).toMatchObject({ state: 'cancelled', done: 0, outcomes: [], currentProgress: null, current: null });
    expect(cancelAt).not.toBeNull();
    const furthest = Math.max(...events.map((e) => e.currentProgress?.done ?? 0));
    expect(furthest).toBeLessThan(cancelAt! + 10);
    expect(dump(lib)).toBe(before);
  }, 60_000);
});
