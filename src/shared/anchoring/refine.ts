// Narrows a replaced stretch of text to the characters that really differ, as people read a change.
import { isHighSurrogate, isLowSurrogate } from './chars';
import type { Edit } from './types';

/**
 * How many characters a[i…] and b[j…] share from the start (up to aEnd, bEnd). Whole blocks are
 * compared as strings first: most of a revised text is unchanged, and the engine's string
 * comparison is far quicker than a loop over characters, above all before the loop is compiled.
 */
export function sameRun(a: string, i: number, aEnd: number, b: string, j: number, bEnd: number): number {
  const max = Math.min(aEnd - i, bEnd - j);
  let k = 0;
  while (k + 64 <= max && a.substring(i + k, i + k + 64) === b.substring(j + k, j + k + 64)) k += 64;
  while (k < max && a.charCodeAt(i + k) === b.charCodeAt(j + k)) k++;
  return k;
}

export function commonPrefix(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
  let k = sameRun(a, aFrom, aTo, b, bFrom, bTo);
  // Never end the shared part between the halves of a surrogate pair.
  if (k > 0 && isHighSurrogate(a.charCodeAt(aFrom + k - 1))) k--;
  return k;
}

export function commonSuffix(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
  const max = Math.min(aTo - aFrom, bTo - bFrom);
  let k = 0;
  while (k < max && a.charCodeAt(aTo - 1 - k) === b.charCodeAt(bTo - 1 - k)) k++;
  if (k > 0 && isLowSurrogate(a.charCodeAt(aTo - k))) k--;
  return k;
}

/** The edit that turns old[aFrom, aTo) into new[bFrom, bTo), trimmed to the characters that differ. */
export function trimmedEdit(oldText: string, aFrom: number, aTo: number, newText: string, bFrom: number, bTo: number): Edit {
  const pre = commonPrefix(oldText, aFrom, aTo, newText, bFrom, bTo);
  const suf = commonSuffix(oldText, aFrom + pre, aTo, newText, bFrom + pre, bTo);
  return { start: aFrom + pre, end: aTo - suf, text: newText.slice(bFrom + pre, bTo - suf) };
}

/** Below this many characters on both sides together, a replaced run of tokens is diffed character by character. */
export const SMALL_STRETCH = 256;
/** Shorter common runs inside such a stretch are coincidence ("ie" → "ei" is one typo, not two edits around an "e"). */
const MIN_COMMON = 3;

/**
 * Appends the edits that turn old[aFrom, aTo) into new[bFrom, bTo), a run of replaced tokens. A
 * short run is diffed by characters (code points, so that no edit splits a surrogate pair): when
 * the space between two words is deleted they become one token, and only characters show what
 * survived ("menlo. exter" → "meexter" keeps "exter"). The diff keeps the longest common run and
 * recurses on either side of it, as people read a change, rather than maximising scattered
 * common letters.
 */
export function refineChars(oldText: string, aFrom: number, aTo: number, newText: string, bFrom: number, bTo: number, out: Edit[]): void {
  const trimmed = trimmedEdit(oldText, aFrom, aTo, newText, bFrom, bTo);
  const n = trimmed.end - trimmed.start;
  const m = trimmed.text.length;
  if (n === 0 && m === 0) return;
  if (n === 0 || m === 0 || n + m > SMALL_STRETCH) {
    out.push(trimmed);
    return;
  }
  const a = Array.from(oldText.slice(trimmed.start, trimmed.end));
  const b = Array.from(trimmed.text);
  // Unit offsets of each code point, so pieces can be cut out of the strings.
  const aAt = [trimmed.start];
  for (const c of a) aAt.push(aAt[aAt.length - 1]! + c.length);
  const bAt = [0];
  for (const c of b) bAt.push(bAt[bAt.length - 1]! + c.length);
  splitOnCommonRuns({ a, b, aAt, bAt, text: trimmed.text, out }, 0, a.length, 0, b.length);
}

interface Stretch {
  a: string[];
  b: string[];
  aAt: number[];
  bAt: number[];
  /** The new side as a string; bAt indexes into it. */
  text: string;
  out: Edit[];
}

/** Keeps the longest common run of a[a0, a1) and b[b0, b1), recursing on either side; what is left becomes edits. */
function splitOnCommonRuns(s: Stretch, a0: number, a1: number, b0: number, b1: number): void {
  if (a0 === a1 && b0 === b1) return;
  let best = 0;
  let bestA = 0;
  let bestB = 0;
  const row = new Uint8Array(b1 - b0 + 1);
  for (let i = a0; i < a1; i++) {
    for (let j = b1 - 1; j >= b0; j--) {
      const k = j - b0 + 1;
      row[k] = s.a[i] === s.b[j] ? row[k - 1]! + 1 : 0;
      if (row[k]! > best) {
        best = row[k]!;
        bestA = i + 1 - best;
        bestB = j + 1 - best;
      }
    }
  }
  if (best < MIN_COMMON) {
    s.out.push({ start: s.aAt[a0]!, end: s.aAt[a1]!, text: s.text.slice(s.bAt[b0]!, s.bAt[b1]!) });
    return;
  }
  splitOnCommonRuns(s, a0, bestA, b0, bestB);
  splitOnCommonRuns(s, bestA + best, a1, bestB + best, b1);
}
