// Benchmark of re-anchoring on a book-length document: speed, and how many annotations land where an independent edit model says they went.
import { reanchor } from '../../../src/shared/anchoring/reanchor';
import { errorBudget } from '../../../src/shared/anchoring/score';
import type { AnchorInput, AnchorResult, Edit } from '../../../src/shared/anchoring/types';
import { applyTracked, judgeOne, originsOf, rng } from './model';

export interface BenchmarkOptions {
  words?: number;
  annotations?: number;
  /** Share of words edited. */
  editRate?: number;
  seed?: number;
}

export interface BenchmarkResult {
  /** Re-anchoring without edits, the engine computing the diff itself (the re-import case). */
  ms: number;
  /** Re-anchoring with the edits passed in (the edit-mode case). */
  msWithEdits: number;
  words: number;
  annotations: number;
  edits: number;
  /** Annotations the model says must be placed: quote intact, or changed within the error budget. */
  shouldPlace: number;
  /** Share of those placed where the model says their text went. */
  placedCorrectly: number;
  /** Annotations whose every character was deleted. */
  deleted: number;
  /** Share of those reported orphaned. */
  orphanedCorrectly: number;
  /** Annotations placed anywhere but where their text went (the figure that must stay 0). */
  wronglyPlaced: number;
  /** Changed beyond the error budget yet placed near their text: neither required nor wrong. */
  placedBeyondBudget: number;
  statuses: Record<string, number>;
}

const SYLLABLES = 'ka ri to men sa lo ve du pra in con ter al ex po ni fu gre sta bi or qua lis ment ion cy de re'.split(' ');

function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'ILO', 'GDP', 'per', 'cent']);
  while (words.size < size) {
    let w = '';
    const n = 1 + Math.floor(random() * random() * 4);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** A Zipf-distributed word sampler: a few words are everywhere, most are rare, as in prose. */
function sampler(random: () => number, words: string[]): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((total += 1 / r ** 1.05));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

function figure(random: () => number): string {
  const n = Math.floor(random() * 90) + 10;
  const kinds = [`US$${n} billion`, `${n}.${Math.floor(random() * 10)}%`, `${1990 + Math.floor(random() * 35)}`, `${n * 1000} people`];
  return kinds[Math.floor(random() * kinds.length)]!;
}

function sentence(random: () => number, word: () => string): string {
  const n = 6 + Math.floor(random() * 22);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = random() < 0.04 ? figure(random) : word();
    if (i === 0) w = w[0]!.toUpperCase() + w.slice(1);
    if (i < n - 1 && random() < 0.06) w += ',';
    parts.push(w);
  }
  return parts.join(' ') + '.';
}

/** Builds a document of about `words` words, paragraphs separated by one blank line as canonical text is. */
export function makeDocument(random: () => number, words: number): string {
  const word = sampler(random, vocabulary(random, 6000));
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(random() * 6);
    for (let i = 0; i < n; i++) sentences.push(sentence(random, word));
    const p = sentences.join(' ');
    count += p.split(' ').length;
    paragraphs.push(p);
  }
  return paragraphs.join('\n\n');
}

function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(/\S+/g)) starts.push(m.index);
  return starts;
}

function annotate(random: () => number, text: string, starts: number[], count: number): AnchorInput[] {
  const out: AnchorInput[] = [];
  for (let id = 0; id < count; id++) {
    const r = random();
    const words = r < 0.1 ? 1 : r < 0.4 ? 2 + Math.floor(random() * 4) : r < 0.9 ? 6 + Math.floor(random() * 15) : 21 + Math.floor(random() * 40);
    const first = Math.floor(random() * (starts.length - words));
    const start = starts[first]!;
    const lastStart = starts[first + words - 1]!;
    let end = lastStart;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    // Highlights usually stop before trailing punctuation.
    if (/[.,]/.test(text[end - 1]!) && end - 1 > start) end--;
    out.push({
      id: `a${id}`,
      start,
      end,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    });
  }
  return out;
}

/** Random edits at `rate` of the words: typos, words deleted, inserted or replaced, now and then a sentence. */
function randomEdits(random: () => number, text: string, starts: number[], rate: number, word: () => string): Edit[] {
  const candidates: Edit[] = [];
  // Some candidates overlap or could slide (see `slide`) and are dropped, so draw more than needed.
  for (let w = 0; w < starts.length; w++) {
    if (random() >= rate * 3) continue;
    const start = starts[w]!;
    let end = start;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    const r = random();
    if (r < 0.35) {
      // A typo: one letter substituted, added or dropped.
      const at = start + Math.floor(random() * (end - start));
      const letter = 'etaoinshrdlu'[Math.floor(random() * 12)]!;
      const kind = random();
      if (kind < 0.5 && text[at] !== letter) candidates.push({ start: at, end: at + 1, text: letter });
      else if (kind < 0.75) candidates.push({ start: at, end: at, text: letter });
      else if (end - start > 1) candidates.push({ start: at, end: at + 1, text: '' });
    } else if (r < 0.55) {
      candidates.push({ start, end: Math.min(text.length, end + 1), text: '' });
    } else if (r < 0.75) {
      candidates.push({ start, end: start, text: `${word()} ` });
    } else if (r < 0.95) {
      let replacement = word();
      while (replacement === text.slice(start, end)) replacement = word();
      candidates.push({ start, end, text: replacement });
    } else if (random() < 0.5) {
      // Delete the sentence around this word.
      const from = Math.max(text.lastIndexOf('. ', start) + 2, text.lastIndexOf('\n', start) + 1, 0);
      const dot = text.indexOf('.', start);
      candidates.push({ start: from, end: dot < 0 ? text.length : Math.min(text.length, dot + 2), text: '' });
    } else {
      candidates.push({ start, end: start, text: `A new sentence about ${word()} and ${word()} appears here. ` });
    }
  }
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: Edit[] = [];
  for (const e of candidates) {
    const last = edits[edits.length - 1];
    // A sentence deletion always slides by the space between sentences, which is harmless.
    if ((last && e.start <= last.end) || slide(text, e) > (/\. $/.test(text.slice(e.start, e.end)) ? 1 : 0)) continue;
    edits.push(e);
  }
  const wanted = Math.round(starts.length * rate);
  for (let i = edits.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [edits[i], edits[j]] = [edits[j]!, edits[i]!];
  }
  return edits.slice(0, wanted).sort((a, b) => a.start - b.start);
}

/**
 * How far the edit could equally be made to the left or right: in "the the" → "the", deleting
 * either copy gives the same text. The model's choice between such twins is arbitrary, so the
 * benchmark avoids them rather than fault the engine for choosing the other twin.
 */
function slide(text: string, e: Edit): number {
  let start = e.start;
  let end = e.end;
  let insert = e.text;
  while (start < end && insert.length > 0 && text[start] === insert[0]) {
    start++;
    insert = insert.slice(1);
  }
  while (start < end && insert.length > 0 && text[end - 1] === insert[insert.length - 1]) {
    end--;
    insert = insert.slice(0, -1);
  }
  // Sliding an insertion or deletion keeps the text when the characters it passes over repeat it.
  const unit = insert.length > 0 ? insert : text.slice(start, end);
  if (start < end && insert.length > 0) return 0;
  let left = 0;
  while (start - left > 0 && text[start - left - 1] === unit[unit.length - 1 - (left % unit.length)]) left++;
  let right = 0;
  const after = insert.length > 0 ? start : end;
  while (after + right < text.length && text[after + right] === unit[right % unit.length]) right++;
  return left + right;
}

/** Judges results against the model: placed where the text went, orphaned when it is gone. */
export function judge(oldText: string, newText: string, newPositions: Int32Array, annotations: readonly AnchorInput[], results: readonly AnchorResult[]) {
  const origin = originsOf(newPositions, newText.length);
  let shouldPlace = 0;
  let placedOk = 0;
  let deleted = 0;
  let orphanedOk = 0;
  let wrong = 0;
  let beyond = 0;
  const wrongOnes: { annotation: AnchorInput; result: AnchorResult; why: string }[] = [];
  const missed: { annotation: AnchorInput; result: AnchorResult }[] = [];
  annotations.forEach((a, i) => {
    const result = results[i]!;
    const verdict = judgeOne(oldText, a, result, newText, newPositions, origin, errorBudget(a.exact.length));
    if (verdict.expectation === 'deleted') deleted++;
    if (verdict.expectation === 'intact' || verdict.expectation === 'within') shouldPlace++;
    if (verdict.right === null) {
      if (verdict.expectation === 'deleted') orphanedOk++;
      else if (verdict.expectation !== 'beyond') missed.push({ annotation: a, result });
    } else if (!verdict.right) {
      wrong++;
      wrongOnes.push({ annotation: a, result, why: verdict.why });
    } else if (verdict.expectation === 'beyond') beyond++;
    else placedOk++;
  });
  return { shouldPlace, placedOk, deleted, orphanedOk, wrong, beyond, wrongOnes, missed };
}

/** Builds the document, annotations and edits of a benchmark run, deterministically from the seed. */
export function scenario(options: BenchmarkOptions = {}) {
  const { words = 100_000, annotations: annotationCount = 2000, editRate = 0.02, seed = 20240611 } = options;
  const random = rng(seed);
  const oldText = makeDocument(random, words);
  const starts = wordStarts(oldText);
  const annotations = annotate(random, oldText, starts, annotationCount);
  const edits = randomEdits(random, oldText, starts, editRate, sampler(random, vocabulary(random, 6000)));
  const { text: newText, newPositions } = applyTracked(oldText, edits);
  return { oldText, newText, newPositions, annotations, edits, words: starts.length };
}

/**
 * Re-anchors 2,000 annotations on a ~100,000-word document after 2% of its words were edited, once
 * letting the engine diff the texts and once passing it the edits, and scores both runs against
 * the edit model.
 */
export function benchmarkReanchor(options: BenchmarkOptions = {}): BenchmarkResult {
  const { oldText, newText, newPositions, annotations, edits, words } = scenario(options);

  reanchor(oldText.slice(0, 2000), newText.slice(0, 2000), annotations.slice(0, 5)); // let the JIT see the code once
  let t = performance.now();
  const results = reanchor(oldText, newText, annotations);
  const ms = performance.now() - t;
  t = performance.now();
  const withEdits = reanchor(oldText, newText, annotations, edits);
  const msWithEdits = performance.now() - t;

  const verdict = judge(oldText, newText, newPositions, annotations, results);
  const verdictWithEdits = judge(oldText, newText, newPositions, annotations, withEdits);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    ms: Math.round(ms),
    msWithEdits: Math.round(msWithEdits),
    words,
    annotations: annotations.length,
    edits: edits.length,
    shouldPlace: verdict.shouldPlace,
    placedCorrectly: verdict.shouldPlace === 0 ? 1 : Math.min(verdict.placedOk, verdictWithEdits.placedOk) / verdict.shouldPlace,
    deleted: verdict.deleted,
    orphanedCorrectly: verdict.deleted === 0 ? 1 : Math.min(verdict.orphanedOk, verdictWithEdits.orphanedOk) / verdict.deleted,
    wronglyPlaced: verdict.wrong + verdictWithEdits.wrong,
    placedBeyondBudget: verdict.beyond,
    statuses,
  };
}
