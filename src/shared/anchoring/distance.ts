// Levenshtein distance in UTF-16 units, banded so that comparing long or unrelated strings stops early.

let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * The edit distance between `a` and `b` if it is at most `max`, otherwise `max + 1`.
 * Cost is O(min(|a|, |b|) · max) rather than O(|a| · |b|).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  if (previous.length <= m) {
    previous = new Int32Array(m + 1);
    current = new Int32Array(m + 1);
  }
  let prev = previous;
  let cur = current;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    // The cell just left of the band is out of reach within `max` edits.
    cur[lo - 1] = lo === 1 && i <= max ? i : over;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let v = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell beyond this row's band.
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > max) return over;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return Math.min(prev[m]!, over);
}

/** 1 for equal strings, 0 for strings with nothing in common, by edit distance over the longer length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - boundedDistance(a, b, longest) / longest;
}

/**
 * A string of at most 32 UTF-16 units compiled for Myers' bit-parallel edit distance (as Hyyrö
 * formulated it for Levenshtein distance), so that comparing it with many strings costs a few
 * machine-word operations per character instead of a row of the dynamic programme. Context
 * selectors are compared with every place a common quote occurs, which makes this the hot path.
 */
export class CompiledPattern {
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();

  constructor(readonly text: string) {
    if (text.length > 32) throw new RangeError('CompiledPattern holds at most 32 units');
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) this.ascii[c]! |= 1 << i;
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
    }
  }

  /** Levenshtein distance between the pattern and other[from, to). */
  distance(other: string, from: number, to: number): number {
    const m = this.text.length;
    if (m === 0) return to - from;
    const high = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    let score = m;
    for (let j = from; j < to; j++) {
      const c = other.charCodeAt(j);
      const eq = c < 128 ? this.ascii[c]! : (this.other.get(c) ?? 0);
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      // Row 0 of the table counts up along the other string (global, not substring, distance).
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return score;
  }

  /** 1 for equal strings, 0 for strings with nothing in common, as `similarity` measures it. */
  similarity(other: string, from: number, to: number): number {
    const longest = Math.max(this.text.length, to - from);
    return longest === 0 ? 1 : 1 - this.distance(other, from, to) / longest;
  }
}
