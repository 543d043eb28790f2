// An edit model for judging the anchoring engine: tracks where every character of the old text goes, independently of the engine's own mapping.
import type { Edit } from '../../../src/shared/anchoring/types';

/** A small seeded PRNG (mulberry32), so a failing benchmark or fixture can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A text under sequential edits, each splice applying to the current text. `origin[i]` is the old
 * index the current character i came from, or -1 for inserted text.
 */
export class TrackedText {
  text: string;
  origin: number[];

  constructor(readonly oldText: string) {
    this.text = oldText;
    this.origin = Array.from({ length: oldText.length }, (_, i) => i);
  }

  splice(start: number, end: number, insert: string): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.origin.splice(start, end - start, ...new Array<number>(insert.length).fill(-1));
  }

  /** newPosition[oldIndex], or -1 where the character was deleted. */
  newPositions(): Int32Array {
    const out = new Int32Array(this.oldText.length).fill(-1);
    this.origin.forEach((o, i) => {
      if (o >= 0) out[o] = i;
    });
    return out;
  }

  /** The whole revision as simultaneous old-coordinate edits, read off the origins. */
  edits(): Edit[] {
    const edits: Edit[] = [];
    let oldAt = 0;
    let i = 0;
    while (i <= this.origin.length) {
      const o = i < this.origin.length ? this.origin[i]! : this.oldText.length;
      if (o === oldAt && i < this.origin.length) {
        oldAt++;
        i++;
        continue;
      }
      // A run of inserted characters and/or a jump over deleted old characters.
      let j = i;
      while (j < this.origin.length && this.origin[j] === -1) j++;
      const next = j < this.origin.length ? this.origin[j]! : this.oldText.length;
      if (next > oldAt || j > i) edits.push({ start: oldAt, end: next, text: this.text.slice(i, j) });
      oldAt = next;
      i = j;
      if (i === this.origin.length) break;
    }
    return edits;
  }
}

/** Applies simultaneous old-coordinate edits, recording where each old character went. */
export function applyTracked(oldText: string, edits: readonly Edit[]): { text: string; newPositions: Int32Array } {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const newPositions = new Int32Array(oldText.length).fill(-1);
  const parts: string[] = [];
  let length = 0;
  let at = 0;
  for (const e of sorted) {
    for (let i = at; i < e.start; i++) newPositions[i] = length + i - at;
    parts.push(oldText.slice(at, e.start), e.text);
    length += e.start - at + e.text.length;
    at = e.end;
  }
  for (let i = at; i < oldText.length; i++) newPositions[i] = length + i - at;
  parts.push(oldText.slice(at));
  return { text: parts.join(''), newPositions };
}

export interface Fate {
  /** How many of the quote's characters survive. */
  survivors: number;
  /** The new range spanned by the survivors ([first, last) — empty when none survive). */
  first: number;
  last: number;
  /** Every character survives and nothing was inserted between them. */
  intact: boolean;
}

export function fateOf(newPositions: Int32Array, start: number, end: number): Fate {
  let survivors = 0;
  let first = -1;
  let last = -1;
  for (let i = start; i < end; i++) {
    const p = newPositions[i]!;
    if (p < 0) continue;
    survivors++;
    if (first < 0) first = p;
    last = p + 1;
  }
  const intact = survivors === end - start && survivors > 0 && last - first === survivors;
  return { survivors, first, last, intact };
}

/** Plain Levenshtein distance, written independently of the engine's banded one. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** What the model says should become of an annotation. */
export type Expectation = 'intact' | 'within' | 'beyond' | 'deleted';

export interface Verdict {
  expectation: Expectation;
  /** For a placed result: whether it is where the quote's text went. */
  right: boolean | null;
  why: string;
}

/** origin[newIndex] = the old index a new character came from, or -1 for inserted text. */
export function originsOf(newPositions: Int32Array, newLength: number): Int32Array {
  const origin = new Int32Array(newLength).fill(-1);
  newPositions.forEach((p, i) => {
    if (p >= 0) origin[p] = i;
  });
  return origin;
}

/**
 * Whether the result sits on a copy of the quote that the revision treats the same as the quote
 * itself: in "and and" → "and", deleting either copy gives the same text, so the model's choice
 * of which one went is arbitrary and the surviving copy is as much the quote as the other.
 */
function sameRevision(oldText: string, a: { start: number; end: number }, result: { start: number; end: number }, origin: Int32Array): boolean {
  const o = origin[result.start]!;
  const length = a.end - a.start;
  if (o < 0 || o === a.start || origin[result.end - 1] !== o + length - 1) return false;
  const lo = Math.min(o, a.start);
  const hi = Math.max(o, a.start) + length;
  const without = (at: number): string => oldText.slice(lo, at) + oldText.slice(at + length, hi);
  return without(a.start) === without(o);
}

/**
 * Judges one result against the model. An intact quote has one right place: where its characters
 * went. A changed quote is rightly placed when the new words are within the error budget of the old,
 * lie within the budget of where its surviving characters went, include at least one of them, and
 * take no more than the budget from text that was outside the quote before (a look-alike).
 */
export function judgeOne(
  oldText: string,
  a: { start: number; end: number; exact: string },
  result: { status: string; start: number; end: number; exact: string },
  newText: string,
  newPositions: Int32Array,
  origin: Int32Array,
  budget: number,
): Verdict {
  const fate = fateOf(newPositions, a.start, a.end);
  const expectation: Expectation =
    fate.survivors === 0 ? 'deleted' : fate.intact ? 'intact' : levenshtein(a.exact, newText.slice(fate.first, fate.last)) <= budget ? 'within' : 'beyond';
  if (result.status === 'orphaned') return { expectation, right: null, why: 'orphaned' };
  if (newText.slice(result.start, result.end) !== result.exact) return { expectation, right: false, why: 'result quote is not the new text there' };
  if (expectation === 'deleted' || expectation === 'intact') {
    const right = expectation === 'intact' && result.start === fate.first && result.end === fate.last;
    if (right) return { expectation, right, why: 'at its text' };
    if (result.exact === a.exact && sameRevision(oldText, a, result, origin)) return { expectation, right: true, why: 'on an equivalent copy' };
    return {
      expectation,
      right: false,
      why:
        expectation === 'deleted'
          ? 'placed although every character was deleted'
          : `intact at ${fate.first}–${fate.last} but placed at ${result.start}–${result.end}`,
    };
  }
  let own = 0;
  let foreign = 0;
  for (let i = result.start; i < result.end; i++) {
    const o = origin[i]!;
    if (o >= a.start && o < a.end) own++;
    else if (o >= 0) foreign++;
  }
  const distance = levenshtein(a.exact, result.exact);
  const problems: string[] = [];
  if (distance > budget) problems.push(`${distance} errors > budget ${budget}`);
  // Text inserted right next to the survivors (a replaced first or last word) may fairly be taken in.
  let lo = fate.first;
  while (lo > 0 && origin[lo - 1] === -1) lo--;
  let hi = fate.last;
  while (hi < origin.length && origin[hi] === -1) hi++;
  if (result.start < lo - budget || result.end > hi + budget) problems.push(`outside ${lo}–${hi} ± ${budget}`);
  if (own === 0) problems.push('none of its own characters');
  if (foreign > budget) problems.push(`${foreign} characters of other text`);
  return { expectation, right: problems.length === 0, why: problems.join('; ') || 'near its text' };
}
