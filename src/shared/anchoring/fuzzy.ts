// Approximate matching: the places in a stretch of text where a quote occurs with at most k errors.
import { CharClass, charClass, isWordBoundary, splitsPair } from './chars';
import { boundedDistance } from './distance';

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The non-empty substrings of text[from, to) within edit distance `k` (less than the pattern's
 * length) of `pattern`, one per local minimum of errors.
 *
 * Sellers' dynamic programme (pattern along the rows, text along the columns, a match may begin
 * anywhere) with Ukkonen's cut-off: rows below the last one still within `k` cannot come back
 * under `k`, so each column stops there, making the cost about O(k · (to - from)) instead of
 * O(|pattern| · (to - from)). Each cell carries the start of its alignment, so no second pass is
 * needed to find where a match begins.
 */
export function approximateMatches(text: string, from: number, to: number, pattern: string, k: number): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0 || to <= from) return [];
  const over = k + 1;
  const cost = new Int32Array(m + 1);
  const begin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = Math.min(i, over);
    begin[i] = from;
  }
  let last = Math.min(k, m);
  // Keep only ends where the errors reach a local minimum (the first end of a flat stretch stands
  // for it): neighbouring ends are the same match with a character more or less.
  const found: ApproxMatch[] = [];
  let previous = Infinity;
  let previousStart = 0;
  let previousEnd = 0;
  let falling = false;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diagCost = cost[0]!;
    let diagBegin = begin[0]!;
    begin[0] = j + 1;
    const top = last < m ? last + 1 : m;
    for (let i = 1; i <= top; i++) {
      // Among equally cheap alignments take the one that starts latest: the shorter match takes
      // in less of the neighbouring text.
      let v = diagCost + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let b = diagBegin;
      const left = cost[i]! + 1;
      if (left < v || (left === v && begin[i]! > b)) {
        v = left;
        b = begin[i]!;
      }
      const up = cost[i - 1]! + 1;
      if (up < v || (up === v && begin[i - 1]! > b)) {
        v = up;
        b = begin[i - 1]!;
      }
      diagCost = cost[i]!;
      diagBegin = begin[i]!;
      cost[i] = v > over ? over : v;
      begin[i] = b;
    }
    last = top;
    while (last > 0 && cost[last]! > k) last--;
    const errors = last === m ? cost[m]! : Infinity;
    if (errors === previous) continue;
    if (errors > previous && falling && previousEnd > previousStart) found.push({ start: previousStart, end: previousEnd, errors: previous });
    falling = errors < previous;
    previous = errors;
    previousStart = begin[m]!;
    previousEnd = j + 1;
  }
  if (falling && previousEnd > previousStart) found.push({ start: previousStart, end: previousEnd, errors: previous });
  return found;
}

/** How a range edge sits among words: whether it is on a boundary, and what kind of character is just inside. */
export interface EdgeShape {
  boundary: boolean;
  inside: CharClass;
}

export function edgeShape(text: string, at: number, side: 'start' | 'end'): EdgeShape {
  const inside = side === 'start' ? at : at - 1;
  return { boundary: isWordBoundary(text, at), inside: inside >= 0 && inside < text.length ? charClass(text.charCodeAt(inside)) : CharClass.Space };
}

function fits(text: string, at: number, side: 'start' | 'end', want: EdgeShape): boolean {
  if (!want.boundary) return true;
  const shape = edgeShape(text, at, side);
  return shape.boundary && shape.inside === want.inside;
}

/**
 * Moves the ends of a match to where the old quote's ends were among words (say, the start of a
 * word), if that costs no more errors than allowed. Left alone, an alignment may begin inside a
 * word or on stray punctuation ("a beta" out of "delta beta", ". to" out of "here. to") because
 * that happens to cost the same as the cleaner choice.
 */
export function snapToWords(text: string, match: ApproxMatch, pattern: string, k: number, wantStart: EdgeShape, wantEnd: EdgeShape): ApproxMatch {
  const startOk = fits(text, match.start, 'start', wantStart);
  const endOk = fits(text, match.end, 'end', wantEnd);
  if (startOk && endOk) return match;
  const starts = startOk ? [match.start] : nearestFitting(text, match.start, 'start', wantStart, k, 0, match.end - 1);
  const ends = endOk ? [match.end] : nearestFitting(text, match.end, 'end', wantEnd, k, match.start + 1, text.length);
  let best: ApproxMatch | null = null;
  let bestShift = Infinity;
  for (const s of starts) {
    for (const e of ends) {
      if (e <= s || splitsPair(text, s) || splitsPair(text, e)) continue;
      const errors = boundedDistance(pattern, text.slice(s, e), k);
      if (errors > k) continue;
      const shift = Math.abs(s - match.start) + Math.abs(e - match.end);
      if (!best || errors < best.errors || (errors === best.errors && shift < bestShift)) {
        best = { start: s, end: e, errors };
        bestShift = shift;
      }
    }
  }
  return best ?? match;
}

/** The closest fitting position on each side of `at`, at most `reach` away and within [min, max]. */
function nearestFitting(text: string, at: number, side: 'start' | 'end', want: EdgeShape, reach: number, min: number, max: number): number[] {
  const found: number[] = [];
  for (let p = at - 1; p >= Math.max(min, at - reach); p--) {
    if (fits(text, p, side, want)) {
      found.push(p);
      break;
    }
  }
  for (let p = at + 1; p <= Math.min(max, at + reach); p++) {
    if (fits(text, p, side, want)) {
      found.push(p);
      break;
    }
  }
  return found;
}
