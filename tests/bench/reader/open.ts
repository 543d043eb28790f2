// Gate: opening the book-length text with 2,000 highlights takes at most 1.3× opening the same
// text bare, both by address in the same reader, in alternating runs.
import type { Page } from '@playwright/test';
import { median, ms } from '../stats';
import type { Gate } from '../run';
import { CLOSE, inPage, OPEN } from './probes';
import { HIGHLIGHTS, type ReaderLibrary } from './setup';

const RUNS = 7;

async function open(page: Page, id: string, paragraphs: number, marks: number): Promise<number> {
  const time = await inPage<number>(page, OPEN, { hash: `#/documents/${encodeURIComponent(id)}`, paragraphs, marks });
  await inPage(page, CLOSE);
  return time;
}

export async function openBench(page: Page, library: ReaderLibrary): Promise<Gate[]> {
  const marked: number[] = [];
  const plain: number[] = [];
  // A first opening of each fills the caches and compiles the code paths; it is not counted.
  await open(page, library.markedId, library.paragraphs, HIGHLIGHTS);
  await open(page, library.plainId, library.paragraphs, 0);
  for (let run = 0; run < RUNS; run++) {
    // Alternating which goes first, so that a slow spell on the machine falls on both.
    const order = run % 2 === 0 ? ['marked', 'plain'] : ['plain', 'marked'];
    for (const which of order) {
      if (which === 'marked') marked.push(await open(page, library.markedId, library.paragraphs, HIGHLIGHTS));
      else plain.push(await open(page, library.plainId, library.paragraphs, 0));
    }
  }
  const ratio = median(marked) / median(plain);
  return [
    {
      name: `open 100,000 words with ${HIGHLIGHTS.toLocaleString('en')} highlights ÷ without, medians of ${RUNS}`,
      value: ratio,
      unit: '×',
      limit: 1.3,
      detail: `${ms(median(marked))} vs ${ms(median(plain))} (runs: ${marked.map((t) => t.toFixed(0)).join(', ')} vs ${plain.map((t) => t.toFixed(0)).join(', ')})`,
    },
  ];
}
