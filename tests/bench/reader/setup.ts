// The reader benchmarks' library: web mode on a fresh data folder holding one book-length text
// twice, once with 2,000 highlights and once bare, and Chromium signed in to it.
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Input, MethodName, Output } from '../../../src/shared/api';
import type { Result } from '../../../src/shared/errors';
import { startGloss, type GlossServer } from '../../e2e/support/server';
import { makeDocument } from '../../unit/anchoring/bench';
import { rng } from '../../unit/anchoring/model';

export const WORDS = 100_000;
export const HIGHLIGHTS = 2_000;
/** Requests in flight while highlighting: enough to keep the database worker busy, few enough not to time out. */
const CONCURRENCY = 8;

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface ReaderLibrary {
  server: GlossServer;
  text: string;
  /** The number of paragraphs, which is the number of blocks the reader shows. */
  paragraphs: number;
  /** How many highlights each paragraph of the highlighted copy holds (each is one mark). */
  marksPerParagraph: number[];
  markedId: string;
  plainId: string;
  stop: () => Promise<void>;
}

/** Calls the API over HTTP with the run's token, the way a script beside the app would. */
async function call<M extends MethodName>(server: GlossServer, method: M, args: Input<M>): Promise<Output<M>> {
  const token = new URL(server.url).searchParams.get('token')!;
  const response = await fetch(`${server.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });
  const result = (await response.json()) as Result<Output<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * Highlights that neither overlap nor cross a paragraph, so each is exactly one mark element and
 * the page can tell when all of them are painted by counting.
 */
export function highlightRanges(text: string, count: number, random: () => number): { start: number; end: number }[] {
  const words = [...text.matchAll(/[^\s]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const slot = Math.floor(words.length / count);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < count; i++) {
    // One highlight in each slot of words, 1 to 12 words long, somewhere inside the slot.
    const length = 1 + Math.floor(random() * Math.min(12, slot - 1));
    const first = i * slot + Math.floor(random() * (slot - length));
    let last = first + length - 1;
    while (last > first && text.slice(words[first]!.start, words[last]!.end).includes('\n')) last--;
    out.push({ start: words[first]!.start, end: words[last]!.end });
  }
  return out;
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: size }, worker));
}

export async function setUpLibrary(): Promise<ReaderLibrary> {
  const { server, stop } = await startGloss();
  try {
    const text = makeDocument(rng(20240612), WORDS);
    const marked = await call(server, 'documents.create', { text, title: 'Reader benchmark, highlighted', format: 'text', allowDuplicate: true });
    const plain = await call(server, 'documents.create', { text, title: 'Reader benchmark, bare', format: 'text', allowDuplicate: true });
    if (marked.text !== text) throw new Error('the benchmark text is not canonical: its offsets would not match the reader');
    const kinds = await call(server, 'kinds.list', {});
    const ranges = highlightRanges(text, HIGHLIGHTS, rng(20240613));
    const started = performance.now();
    const inputs = ranges.map((range, i) => ({ documentId: marked.id, kindId: kinds[i % kinds.length]!.id, ...range }));
    await inBatches(inputs, CONCURRENCY, (input) => call(server, 'annotations.create', input));
    console.log(
      `  ${WORDS.toLocaleString('en')} words in ${marked.blocks.length} paragraphs; ${HIGHLIGHTS} highlights created over HTTP in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const marksPerParagraph = marked.blocks.map((block) => ranges.filter((range) => range.start >= block.start && range.end <= block.end).length);
    return { server, text, paragraphs: marked.blocks.length, marksPerParagraph, markedId: marked.id, plainId: plain.id, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Opens Gloss signed in, on the library, at a desktop window's size. */
export async function openGloss(browser: Browser, server: GlossServer): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(server.url);
  await page.locator('.library-body[aria-busy="false"]').waitFor();
  return page;
}
