// Computes a compact edit list between two versions of a text, fast enough for book-length documents.
//
// A plain Myers diff over characters costs O(N·D): billions of steps for a 100,000-word text with
// 2% scattered edits. Edits in a revision are usually small and far apart, so this walks both texts
// while they agree and, at each difference, looks a little way ahead for the nearest point where
// they agree again for several words and characters (a "resync"); only the stretch in between is
// diffed (align.ts, refine.ts). When no resync is near (a large rewrite, a moved section), the rest
// is aligned as a whole, on word runs that occur once on each side. The result is then tidied
// (cleanup.ts): edits slid to natural breaks, scraps between large edits merged. The cost is about
// one pass over the text plus a little work per edit, and is capped for texts with nothing in common.
import { alignStretch, alignTokens } from './align';
import { CharClass } from './chars';
import { mergeChoppy, slideToBoundaries } from './cleanup';
import { commonSuffix, sameRun } from './refine';
import { classOf, GRAM, gramHashes, head, sameTokens, tokenize, type Tokens } from './tokens';
import type { Edit } from './types';

/** Most steps the Myers diffs of one whole diff may take; beyond it gaps become plain replacements. */
const MYERS_WORK_PER_DIFF = 40_000_000;

/** How far ahead (in characters) a resync is looked for: grows until found, then the rest is aligned globally. */
const RESYNC_WINDOWS = [64, 256, 1024, 4096];

/** Token buffers reused by every resync, which would otherwise allocate thousands of small arrays per diff. */
const scratchA: Tokens = { text: '', starts: new Int32Array(0), hashes: new Int32Array(0), count: 0 };
const scratchB: Tokens = { text: '', starts: new Int32Array(0), hashes: new Int32Array(0), count: 0 };

/**
 * Characters two texts must agree on from a resync point: a few common words ("of the the") agree
 * by chance all over a text, while the real continuation agrees until the next edit.
 */
const MIN_RUN = 32;

/**
 * The nearest pair of positions at or after old[i], new[j] from where the texts agree for GRAM
 * tokens and MIN_RUN characters, measured as characters skipped on both sides, with the tokens
 * read so far (valid until the next call); null when there is none within the largest window.
 */
function resync(oldText: string, i: number, aEnd: number, newText: string, j: number, bEnd: number): { ta: number; tb: number; a: Tokens; b: Tokens } | null {
  for (const window of RESYNC_WINDOWS) {
    const aTo = Math.min(aEnd, i + window);
    const bTo = Math.min(bEnd, j + window);
    const a = tokenize(oldText, i, aTo, scratchA);
    const b = tokenize(newText, j, bTo, scratchB);
    // A token cut by the window's edge is not a real token, so no gram may include it.
    const lastA = a.count - GRAM - (aTo < aEnd ? 1 : 0);
    const lastB = b.count - GRAM - (bTo < bEnd ? 1 : 0);
    let bestA = -1;
    let bestB = -1;
    let bestCost = Infinity;
    if (window <= 256) {
      // Nearest first: both loops stop once nothing further on can be cheaper. In the usual case
      // (a word changed) the resync is a few tokens away, so this touches a handful of pairs.
      for (let ta = 0; ta <= lastA; ta++) {
        const skipA = a.starts[ta]! - i;
        if (skipA >= bestCost) break;
        for (let tb = 0; tb <= lastB; tb++) {
          const cost = skipA + b.starts[tb]! - j;
          if (cost >= bestCost) break;
          if (strong(a, ta, aEnd, b, tb, bEnd)) {
            bestA = ta;
            bestB = tb;
            bestCost = cost;
          }
        }
      }
    } else if (lastA >= 0 && lastB >= 0) {
      // Larger windows: index the new side's grams (every occurrence, nearest first) so each old
      // gram is looked up rather than compared with every new one.
      const grams = gramHashes(b);
      const atGram = new Map<number, number[]>();
      for (let tb = 0; tb <= lastB; tb++) {
        const list = atGram.get(grams[tb]!);
        if (list) list.push(tb);
        else atGram.set(grams[tb]!, [tb]);
      }
      const gramsA = gramHashes(a);
      for (let ta = 0; ta <= lastA; ta++) {
        const skipA = a.starts[ta]! - i;
        if (skipA >= bestCost) break;
        for (const tb of atGram.get(gramsA[ta]!) ?? []) {
          const cost = skipA + b.starts[tb]! - j;
          if (cost >= bestCost) break;
          if (strong(a, ta, aEnd, b, tb, bEnd)) {
            bestA = ta;
            bestB = tb;
            bestCost = cost;
          }
        }
      }
    }
    if (bestA >= 0) return { ta: bestA, tb: bestB, a, b };
    if (aTo === aEnd && bTo === bEnd) return null;
  }
  return null;
}

/** Whether the texts agree from token ta of `a` and tb of `b` for GRAM tokens and MIN_RUN characters (or to the end). */
function strong(a: Tokens, ta: number, aEnd: number, b: Tokens, tb: number, bEnd: number): boolean {
  return sameTokens(a, ta, b, tb, GRAM) && agreeFor(a.text, a.starts[ta]!, aEnd, b.text, b.starts[tb]!, bEnd, MIN_RUN);
}

/** Whether old[i…] and new[j…] agree for `run` characters, or up to the end of either. */
function agreeFor(oldText: string, i: number, aEnd: number, newText: string, j: number, bEnd: number, run: number): boolean {
  const n = Math.min(run, aEnd - i, bEnd - j);
  for (let k = 0; k < n; k++) if (oldText.charCodeAt(i + k) !== newText.charCodeAt(j + k)) return false;
  return true;
}

/**
 * Edits, in old-text coordinates and ascending order, that turn `oldText` into `newText`. They
 * never overlap or touch, and each covers only characters that differ at its ends.
 */
export function diffTexts(oldText: string, newText: string): Edit[] {
  if (oldText === newText) return [];
  const suffix = commonSuffix(oldText, 0, oldText.length, newText, 0, newText.length);
  const aEnd = oldText.length - suffix;
  const bEnd = newText.length - suffix;
  const edits: Edit[] = [];
  const budget = { steps: MYERS_WORK_PER_DIFF };
  let i = 0;
  let j = 0;
  for (;;) {
    const same = sameRun(oldText, i, aEnd, newText, j, bEnd);
    i += same;
    j += same;
    if (i === aEnd || j === bEnd) {
      if (i < aEnd || j < bEnd) edits.push({ start: i, end: aEnd, text: newText.slice(j, bEnd) });
      break;
    }
    // Start from the beginning of the word (or surrogate pair) the difference falls in, so that
    // tokens on both sides line up; the stretch backed over is identical on both sides.
    let back = 0;
    while (i - back > 0 && classOf(oldText.charCodeAt(i - back - 1)) === CharClass.Word && classOf(oldText.charCodeAt(i - back)) === CharClass.Word) back++;
    if (edits.length > 0) back = Math.min(back, i - edits[edits.length - 1]!.end - 1);
    i -= back;
    j -= back;
    const sync = resync(oldText, i, aEnd, newText, j, bEnd);
    if (!sync) {
      alignStretch(oldText, i, aEnd, newText, j, bEnd, edits, budget);
      break;
    }
    alignTokens(head(sync.a, sync.ta), head(sync.b, sync.tb), edits, budget);
    i = sync.a.starts[sync.ta]!;
    j = sync.b.starts[sync.tb]!;
  }
  return mergeChoppy(oldText, slideToBoundaries(oldText, edits));
}
/** Applies edits in old-text coordinates (see `Edit`) to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
