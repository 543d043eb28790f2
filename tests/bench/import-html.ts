// Importing 1,000 news pages into a fresh library through the real pipeline (recognise, decode,
// jsdom, Readability, DOMPurify, blocks, metadata, storage with the search index). The gate is on
// Gloss's own share of the time: the three libraries are what they are, the rest is ours to keep lean.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSource } from '../../src/main/domain/import';
import { newTimings } from '../../src/main/importers/timing';
import { openLibrary } from '../../src/main/store/library';
import { newsPage } from '../fixtures/make/news-pages';
import type { Gate } from './run';

const pct = (part: number, whole: number) => (100 * part) / whole;

export async function importHtmlBench(count = 1_000): Promise<Gate[]> {
  const pages = Array.from({ length: count }, (_, i) => newsPage(i));
  const encoder = new TextEncoder();
  const sources = pages.map((page) => ({ name: page.name, bytes: encoder.encode(page.html), mediaType: 'text/html' }));
  const bytes = sources.reduce((sum, s) => sum + s.bytes.length, 0);
  const words = pages.map((p) => p.words);

  const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-html-'));
  const library = await openLibrary(dir);
  try {
    // A few pages first, outside the timing, so module loading and JIT warm-up are not counted as ours.
    const warm = await openLibrary(mkdtempSync(join(tmpdir(), 'gloss-bench-warm-')));
    for (let i = 0; i < 20; i++) await importSource(warm.db, newsPageSource(count + i), { allowDuplicate: false });
    warm.close();
    rmSync(warm.dir, { recursive: true, force: true });

    const timings = newTimings();
    const started = performance.now();
    for (const source of sources) await importSource(library.db, source, { allowDuplicate: false, timings });
    const total = performance.now() - started;

    const stored = (library.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    if (stored !== count) throw new Error(`expected ${count} documents, found ${stored}`);
    const libraries = timings.parse + timings.readability + timings.sanitise;
    const own = total - libraries;
    const seconds = total / 1000;
    console.log(
      `  ${count} pages, ${(bytes / 1024 / 1024).toFixed(1)} MB (${(bytes / count / 1024).toFixed(0)} KB a page), ${Math.min(...words)}–${Math.max(...words)} words; ` +
        `jsdom ${pct(timings.parse, total).toFixed(1)} %, Readability ${pct(timings.readability, total).toFixed(1)} %, DOMPurify ${pct(timings.sanitise, total).toFixed(1)} %, Gloss ${pct(own, total).toFixed(1)} %`,
    );
    // Throughput is reported, not gated: on a shared 2-core machine it says more about the neighbours.
    console.log(`  throughput ${(count / seconds).toFixed(1)} pages/s, ${(bytes / 1024 / 1024 / seconds).toFixed(2)} MB/s (${seconds.toFixed(1)} s in all)`);
    return [
      {
        name: "Gloss's own share of the time (blocks, metadata, storage and search index)",
        value: pct(own, total),
        unit: '%',
        limit: 25,
        detail: `${(own / count).toFixed(1)} ms a page of ${(total / count).toFixed(1)} ms; jsdom ${(timings.parse / count).toFixed(1)}, Readability ${(timings.readability / count).toFixed(1)}, DOMPurify ${(timings.sanitise / count).toFixed(1)} ms a page`,
      },
    ];
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function newsPageSource(index: number) {
  const page = newsPage(index);
  return { name: page.name, bytes: new TextEncoder().encode(page.html), mediaType: 'text/html' };
}
