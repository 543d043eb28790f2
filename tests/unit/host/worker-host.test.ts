import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PushEvent } from '../../../src/shared/events';
import type { DocumentSummary, Page, SearchResult } from '../../../src/shared/model';
import { startLocalHost } from '../../../src/main/host/local-host';
import { startWorkerHost } from '../../../src/main/host/worker-host';
import { newId } from '../../../src/shared/ids';
import { insertDocument } from '../../../src/main/store/documents';
import { openLibrary } from '../../../src/main/store/library';
import { failure, tempDir } from '../support/library';
import { GlossError } from '../../../src/shared/errors';

const WORKER = resolve(__dirname, '../../../out/main/worker.js');
const LIBRARY_SIZE = 10_000;

async function libraryOf(count: number): Promise<string> {
  const dir = tempDir();
  const lib = await openLibrary(dir);
  const paragraph = 'Migrant workers in the region paid recruitment fees estimated at approximately US$4 billion per year, according to the observatory. ';
  lib.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const text = `${paragraph.repeat(8)}Document number ${i} about harbour labour.`;
      insertDocument(lib.db, {
        id: newId(),
        title: `Report ${i}`,
        status: 'ready',
        format: 'text',
        csl: { title: `Report ${i}`, 'container-title': 'The Observer' },
        text,
        blocks: [{ type: 'paragraph', start: 0, end: text.length }],
        contentHash: `hash-${i}`,
        wordCount: 150,
        origin: { kind: 'pasted', fileName: null, url: null, finalUrl: null, fetchedAt: null, mediaType: 'text/plain', bytes: null },
      });
    }
  })();
  lib.close();
  return dir;
}

/** The longest time this thread's event loop was kept from running while `work` ran. */
async function longestStall(work: () => Promise<void>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 2);
  try {
    await work();
    // Let the timer run once more, so a stall at the very end is measured too.
    await new Promise((resolve) => setTimeout(resolve, 5));
  } finally {
    clearInterval(timer);
  }
  return longest;
}

describe('worker host', () => {
  it('keeps the hosting thread responsive (< 50 ms stalls) on a 10,000-document library', async () => {
    expect(existsSync(WORKER), 'run `npm run build` before the unit tests').toBe(true);
    const dataDir = await libraryOf(LIBRARY_SIZE);
    const host = await startWorkerHost({ dataDir, workerFile: WORKER });
    const events: PushEvent[] = [];
    host.subscribe((e) => events.push(e));
    const timings: Record<string, number> = {};
    const stall = await longestStall(async () => {
      const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
        const start = performance.now();
        const value = await fn();
        timings[name] = performance.now() - start;
        return value;
      };
      const page = await time('list', () => host.call('documents.list', { sort: 'title', limit: 500 }));
      expect(page.ok && (page.value as Page<DocumentSummary>).total).toBe(LIBRARY_SIZE);
      const hits = await time('search', () => host.call('search.query', { query: 'harbour labour', limit: 100 }));
      expect(hits.ok && (hits.value as SearchResult).hits.length).toBe(100);
      await time('create', () => host.call('documents.create', { text: 'A new document while the library is large.' }));
      await Promise.all(Array.from({ length: 20 }, (_, i) => host.call('search.query', { query: `number ${i}` })));
      const job = await host.call('jobs.import', { items: Array.from({ length: 100 }, (_, i) => ({ name: `f${i}.txt`, content: `Imported file ${i}.` })) });
      expect(job.ok).toBe(true);
      while (!events.some((e) => e.type === 'job' && e.job.state === 'done')) await new Promise((r) => setTimeout(r, 10));
    });
    console.log(
      `worker host on ${LIBRARY_SIZE} documents: longest stall of the hosting thread ${stall.toFixed(1)} ms; call times ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])))} ms`,
    );
    expect(stall).toBeLessThan(50);
    expect(events.some((e) => e.type === 'changed' && e.entity === 'document')).toBe(true);
    await host.close();

    // Control: the same listing run on this thread stalls it for as long as the query takes,
    // which is what the worker spares the window.
    const local = await startLocalHost({ dataDir });
    const inline = await longestStall(async () => {
      await local.call('documents.list', { sort: 'title', limit: 500 });
      await local.call('search.query', { query: 'harbour labour', limit: 100 });
    });
    await local.close();
    console.log(`same calls on the hosting thread: longest stall ${inline.toFixed(1)} ms`);
    expect(inline).toBeGreaterThan(stall);
  }, 120_000);

  it('answers a call as JSON text, written in the worker, the same as the call’s Result', async () => {
    const dataDir = await libraryOf(3);
    const host = await startWorkerHost({ dataDir, workerFile: WORKER });
    try {
      const args = { sort: 'title', limit: 2 };
      expect(JSON.parse(await host.callJson!('documents.list', args))).toEqual(JSON.parse(JSON.stringify(await host.call('documents.list', args))));
      const refused = JSON.parse(await host.callJson!('documents.get', { id: 'no-such-document' })) as { ok: boolean; error: { code: string } };
      expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      await host.close();
    }
  });

  it('fails to start with the store’s own message when the library is from a newer Gloss', async () => {
    const dir = tempDir();
    const lib = await openLibrary(dir);
    lib.db.pragma('user_version = 99');
    lib.close();
    const error = await failure(startWorkerHost({ dataDir: dir, workerFile: WORKER }));
    expect(error).toBeInstanceOf(GlossError);
    expect(error.code).toBe('newer-version');
  });
});
