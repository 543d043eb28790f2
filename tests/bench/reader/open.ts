// Gate: opening the book-length text with 2,000 highlights takes at most 1.3× opening the same
// text bare, both by address in the same reader, in alternating runs. Open means every paragraph
// in the reader and the screen painted with all its highlights; the time until every highlight of
// the text is built (off-screen ones come while the page is idle) is reported beside it.
import type { Page } from '@playwright/test';
import { median, ms } from '../stats';
import type { Gate } from '../run';
import { CLOSE, inPage, OPEN } from './probes';
import { HIGHLIGHTS, type ReaderLibrary } from './setup';

const RUNS = 7;

interface Opening {
  open: number;
  complete: number;
  onScreen: number;
}

async function open(page: Page, library: ReaderLibrary, which: 'marked' | 'plain'): Promise<Opening> {
  const id = which === 'marked' ? library.markedId : library.plainId;
  const perParagraph = which === 'marked' ? library.marksPerParagraph : library.marksPerParagraph.map(() => 0);
  const marks = which === 'marked' ? HIGHLIGHTS : 0;
  const time = await inPage<Opening>(page, OPEN, { hash: `#/documents/${encodeURIComponent(id)}`, paragraphs: library.paragraphs, marks, perParagraph });
  await inPage(page, CLOSE);
  // Without highlights on the first screen the check would say nothing about painting them.
  if (which === 'marked' && time.onScreen === 0) throw new Error('the first screen of the highlighted text shows no highlight');
  return time;
}

export async function openBench(page: Page, library: ReaderLibrary): Promise<Gate[]> {
  const marked: number[] = [];
  const plain: number[] = [];
  const complete: number[] = [];
  // A first opening of each fills the caches and compiles the code paths; it is not counted.
  await open(page, library, 'marked');
  await open(page, library, 'plain');
  for (let run = 0; run < RUNS; run++) {
    // Alternating which goes first, so that a slow spell on the machine falls on both.
    const order = run % 2 === 0 ? (['marked', 'plain'] as const) : (['plain', 'marked'] as const);
    for (const which of order) {
      const time = await open(page, library, which);
      if (which === 'plain') plain.push(time.open);
      else {
        marked.push(time.open);
        complete.push(time.complete);
      }
    }
  }
  const ratio = median(marked) / median(plain);
  return [
    {
      name: `open 100,000 words with ${HIGHLIGHTS.toLocaleString('en')} highlights ÷ without, medians of ${RUNS}`,
      value: ratio,
      unit: '×',
      limit: 1.3,
      detail: `${ms(median(marked))} vs ${ms(median(plain))} (runs: ${marked.map((t) => t.toFixed(0)).join(', ')} vs ${plain.map((t) => t.toFixed(0)).join(', ')}); every highlight built after ${ms(median(complete))}`,
    },
  ];
}
