// Property tests of re-anchoring against an independent edit model, on repetitive text (the hard case) and varied text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteSelectorAt, reanchor } from '../../../src/shared/anchoring';
import { errorBudget } from '../../../src/shared/anchoring/score';
import type { AnchorInput, AnchorResult } from '../../../src/shared/anchoring/types';
import { fateOf, levenshtein, originsOf, TrackedText } from './model';

// Few distinct words, so that repeats, near-repeats and look-alikes are everywhere: the hard case.
const WORDS = ['the', 'the', 'of', 'ILO', 'US$32', 'US$33', 'billion', 'wages', 'rose', 'fell', 'report', 'committee', 'a', '𝐀', '🎉', 'budget'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n\n'];
const NEAR = 8;
/** Distinct words for documents without repeated words. */
const POOL = Array.from({ length: 200 }, (_, i) => {
  const syllables = ['ka', 'ri', 'to', 'men', 'sa', 'lo', 've', 'du', 'pra', 'con', 'ter', 'al', 'ex', 'po', 'ni', 'fu', 'gré', '𝐀'];
  let word = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
  return word;
});
const INSERTS = ['x', 'the ', 'US$3', ' billion', '🎉', 'wages rose ', 'A new sentence about the ILO. ', 'e', ', '];

const splitsPair = (text: string, i: number): boolean => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) && /[\uD800-\uDBFF]/.test(text[i - 1]!);
const whole = (text: string, i: number): number => (splitsPair(text, i) ? i - 1 : i);

const documents = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 4, maxLength: 70 }).map((pairs) =>
  pairs
    .map(([w, s]) => w + s)
    .join('')
    .trimEnd(),
);

interface Op {
  insert: boolean;
  at: number;
  length: number;
  text: string;
}
const ops = fc.array(fc.record({ insert: fc.boolean(), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), text: fc.constantFrom(...INSERTS) }), {
  maxLength: 8,
});
const ranges = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 6 });

function annotationsOn(text: string, picks: [number, number][]): AnchorInput[] {
  return picks.map(([at, length], i) => {
    const start = whole(text, at % text.length);
    const end = Math.max(whole(text, Math.min(text.length, start + length)), Math.min(text.length, start + 1));
    const end2 = splitsPair(text, end) ? end + 1 : end;
    return { id: `a${i}`, start, end: end2, ...quoteSelectorAt(text, start, end2) };
  });
}

/** Applies the ops in turn; with `spare`, skips any that would touch an annotated range. */
function edit(oldText: string, list: Op[], spare: AnchorInput[] | null): TrackedText {
  const tracked = new TrackedText(oldText);
  for (const op of list) {
    const text = tracked.text;
    const at = whole(text, op.at % (text.length + 1));
    const end = op.insert ? at : Math.min(text.length, whole(text, Math.min(text.length, at + op.length)) || at + op.length);
    const cut = splitsPair(text, end) ? end + 1 : end;
    if (spare) {
      // Where each annotated range now lies: its characters are all still there, in order.
      const touches = spare.some((a) => {
        const first = tracked.origin.indexOf(a.start);
        const last = tracked.origin.indexOf(a.end - 1) + 1;
        return op.insert ? at > first && at < last : at < last && cut > first;
      });
      if (touches) continue;
    }
    tracked.splice(at, cut, op.insert ? op.text : '');
  }
  return tracked;
}

/** The stretch of new text where the model says the quote went (its survivors and text inserted among or next to them). */
function modelPlace(origin: Int32Array, newPositions: Int32Array, a: AnchorInput): [number, number] {
  const fate = fateOf(newPositions, a.start, a.end);
  let lo: number;
  let hi: number;
  if (fate.survivors > 0) {
    lo = fate.first;
    hi = fate.last;
  } else {
    // Everything went: the quote's place is between its nearest surviving neighbours.
    let before = a.start - 1;
    while (before >= 0 && newPositions[before]! < 0) before--;
    let after = a.end;
    while (after < newPositions.length && newPositions[after]! < 0) after++;
    lo = before >= 0 ? newPositions[before]! + 1 : 0;
    hi = after < newPositions.length ? newPositions[after]! : origin.length;
  }
  while (lo > 0 && origin[lo - 1] === -1) lo--;
  while (hi < origin.length && origin[hi] === -1) hi++;
  return [lo, hi];
}

function expectConsistent(newText: string, a: AnchorInput, r: AnchorResult): void {
  if (r.status === 'orphaned') {
    expect(r).toEqual({ ...a, status: 'orphaned' });
    return;
  }
  expect(newText.slice(r.start, r.end)).toBe(r.exact);
  expect({ exact: r.exact, prefix: r.prefix, suffix: r.suffix }).toEqual(quoteSelectorAt(newText, r.start, r.end));
  if (r.status === 'fuzzy') expect(r.exact).not.toBe(a.exact);
  else expect(r.exact).toBe(a.exact);
}

/** Consistent, and a fuzzy match within the error budget of the old quote. */
function expectWithinBudget(newText: string, a: AnchorInput, r: AnchorResult): void {
  expectConsistent(newText, a, r);
  if (r.status === 'fuzzy') expect(levenshtein(a.exact, r.exact)).toBeLessThanOrEqual(errorBudget(a.exact.length));
}

/** Within budget, and where the model says the quote's text went. */
function expectNearModel(tracked: TrackedText, a: AnchorInput, r: AnchorResult, diffed: boolean): void {
  const newText = tracked.text;
  const newPositions = tracked.newPositions();
  expectWithinBudget(newText, a, r);
  const fate = fateOf(newPositions, a.start, a.end);
  // A diff may hand a letter or two of an untouched quote to an identical neighbour (see (a)).
  if (fate.intact && (!diffed || a.exact.length >= 8)) expect(r).toMatchObject({ status: 'anchored', start: fate.first, end: fate.last });
  if (r.status !== 'fuzzy') return;
  const k = errorBudget(a.exact.length);
  // Near: within the budget and about a word, since the engine may narrow an edit to a slightly
  // different but equally valid explanation than the model's.
  const [lo, hi] = modelPlace(originsOf(newPositions, newText.length), newPositions, a);
  expect(r.start).toBeGreaterThanOrEqual(lo - k - NEAR);
  expect(r.end).toBeLessThanOrEqual(hi + k + NEAR);
  // Not a look-alike beside it: while more of the quote survives than the budget could make up,
  // the match takes in some of what survives or of the text typed in among or next to it, which is
  // the quote's revision too (with the model's own edits, which the engine maps).
  if (!diffed && fate.survivors > k) expect(Math.min(r.end, hi) - Math.max(r.start, lo)).toBeGreaterThan(0);
}

/** Varied text: distinct words from a pool, so a diff has no identical twins to choose between. */
const varied = fc
  .shuffledSubarray(POOL, { minLength: 4, maxLength: 60 })
  .chain((words) => fc.tuple(fc.constant(words), fc.array(fc.constantFrom(...SEPARATORS), { minLength: words.length, maxLength: words.length })))
  .map(([words, separators]) =>
    words
      .map((w, i) => w + separators[i])
      .join('')
      .trimEnd(),
  );

describe('reanchor: properties', () => {
  it('(a) edits outside a quote never move it off its text or orphan it', () => {
    fc.assert(
      fc.property(documents, ranges, ops, (oldText, picks, list) => {
        const annotations = annotationsOn(oldText, picks);
        const tracked = edit(oldText, list, annotations);
        const newPositions = tracked.newPositions();
        const results = reanchor(oldText, tracked.text, annotations, tracked.edits());
        annotations.forEach((a, i) => {
          expectConsistent(tracked.text, a, results[i]!);
          expect(results[i]).toMatchObject({ status: 'anchored', start: newPositions[a.start], exact: a.exact });
        });
      }),
      { numRuns: Number(process.env.ANCHORING_RUNS ?? 300) },
    );
  });

  it('(a) without the edits, a diff keeps quotes of a few words anchored on their text', () => {
    // A diff may explain a change differently from how it was made: deleting one of two identical
    // neighbours ("the the", "ee") is the same text either way. Quotes of a few words in varied
    // text survive that: most of their characters are still theirs in any explanation.
    const longRanges = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 8, max: 40 })), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(varied, longRanges, ops, (oldText, picks, list) => {
        const annotations = annotationsOn(oldText, picks).filter((a) => a.exact.length >= 8);
        const tracked = edit(oldText, list, annotations);
        const results = reanchor(oldText, tracked.text, annotations);
        annotations.forEach((a, i) => {
          expectConsistent(tracked.text, a, results[i]!);
          expect(results[i]!.status).toBe('anchored');
          expect(results[i]!.exact).toBe(a.exact);
        });
      }),
      { numRuns: Number(process.env.ANCHORING_RUNS ?? 300) },
    );
  });

  it('(b) after any edits each annotation is on its exact quote, near its revised text within the budget, or orphaned', () => {
    fc.assert(
      fc.property(documents, ranges, ops, (oldText, picks, list) => {
        const annotations = annotationsOn(oldText, picks);
        const tracked = edit(oldText, list, null);
        const results = reanchor(oldText, tracked.text, annotations, tracked.edits());
        annotations.forEach((a, i) => expectNearModel(tracked, a, results[i]!, false));
        // Without the edits the engine's diff may explain the change differently from the model
        // ("billion the billion" shifted either way), so only the model-free checks apply.
        const diffed = reanchor(oldText, tracked.text, annotations);
        annotations.forEach((a, i) => expectWithinBudget(tracked.text, a, diffed[i]!));
      }),
      { numRuns: Number(process.env.ANCHORING_RUNS ?? 500) },
    );
  });

  it('(b) without the edits, in text without repeated words, results are near where the model says', () => {
    fc.assert(
      fc.property(varied, ranges, ops, (oldText, picks, list) => {
        const annotations = annotationsOn(oldText, picks);
        const tracked = edit(oldText, list, null);
        const results = reanchor(oldText, tracked.text, annotations);
        annotations.forEach((a, i) => expectNearModel(tracked, a, results[i]!, true));
      }),
      { numRuns: Number(process.env.ANCHORING_RUNS ?? 500) },
    );
  });
});
