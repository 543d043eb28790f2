// Aligns two token sequences: patience diff on grams that occur once on each side, Myers in the gaps between them.
import { CharClass } from './chars';
import { refineChars, SMALL_STRETCH } from './refine';
import { classOf, GRAM, gramHashes, tokenize, type Tokens } from './tokens';
import type { Edit } from './types';

/** Below this many tokens on both sides together, Myers is cheaper than counting grams. */
const SMALL_GAP = 64;
/** Ranges longer than this many tokens are first aligned on a content-chosen sample of grams. */
const SAMPLE_ABOVE = 4096;
const SAMPLE_BITS = 3;
/** Most steps Myers may take in one gap before the gap is reported as a plain replacement. */
const MYERS_WORK = 4_000_000;

/** Counts grams by hash: remembers the index of a gram seen once, or -1 once it repeats. */
class GramTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(size: number) {
    let bits = 4;
    while (1 << bits < size * 2) bits++;
    const capacity = 1 << bits;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.shift = 32 - bits;
  }

  private slot(key: number): number {
    // Fibonacci hashing: the high bits of the product are the well-mixed ones.
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.used[s] === 1 && this.keys[s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  add(key: number, index: number): void {
    const s = this.slot(key);
    if (this.used[s] === 1) {
      this.values[s] = -1;
    } else {
      this.used[s] = 1;
      this.keys[s] = key;
      this.values[s] = index;
    }
  }

  /** The only index with this key, -1 when it repeats, -2 when absent. */
  get(key: number): number {
    const s = this.slot(key);
    return this.used[s] === 1 ? this.values[s]! : -2;
  }
}

class TokenAligner {
  /** Matched token pairs, in order: a[k] of the old side equals b[k] of the new. */
  readonly matchA: number[] = [];
  readonly matchB: number[] = [];
  private grams: { a: Int32Array; b: Int32Array } | null = null;

  constructor(
    private readonly a: Tokens,
    private readonly b: Tokens,
    /** Myers steps left for the whole diff, shared by every aligner it uses. */
    private readonly budget: { steps: number },
  ) {}

  private equal(i: number, j: number): boolean {
    const { a, b } = this;
    if (a.hashes[i] !== b.hashes[j]) return false;
    const as = a.starts[i]!;
    const bs = b.starts[j]!;
    const len = a.starts[i + 1]! - as;
    if (b.starts[j + 1]! - bs !== len) return false;
    for (let k = 0; k < len; k++) if (a.text.charCodeAt(as + k) !== b.text.charCodeAt(bs + k)) return false;
    return true;
  }

  private match(i: number, j: number): void {
    this.matchA.push(i);
    this.matchB.push(j);
  }

  align(aLo: number, aHi: number, bLo: number, bHi: number): void {
    while (aLo < aHi && bLo < bHi && this.equal(aLo, bLo)) this.match(aLo++, bLo++);
    let aEnd = aHi;
    let bEnd = bHi;
    while (aEnd > aLo && bEnd > bLo && this.equal(aEnd - 1, bEnd - 1)) {
      aEnd--;
      bEnd--;
    }
    if (aLo < aEnd && bLo < bEnd) this.middle(aLo, aEnd, bLo, bEnd);
    for (let k = 0; aEnd + k < aHi; k++) this.match(aEnd + k, bEnd + k);
  }

  private middle(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const size = aHi - aLo + (bHi - bLo);
    if (size > SMALL_GAP) {
      let anchors = size > SAMPLE_ABOVE ? this.uniqueAnchors(aLo, aHi, bLo, bHi, true) : [];
      if (anchors.length === 0) anchors = this.uniqueAnchors(aLo, aHi, bLo, bHi, false);
      if (anchors.length > 0) {
        let pa = aLo;
        let pb = bLo;
        for (let k = 0; k < anchors.length; k += 2) {
          const i = anchors[k]!;
          const j = anchors[k + 1]!;
          this.align(pa, i, pb, j);
          this.match(i, j);
          pa = i + 1;
          pb = j + 1;
        }
        this.align(pa, aHi, pb, bHi);
        return;
      }
    }
    this.myers(aLo, aHi, bLo, bHi);
  }

  /** Grams that occur once on each side, as (i, j) pairs along a longest increasing run of j. */
  private uniqueAnchors(aLo: number, aHi: number, bLo: number, bHi: number, sampled: boolean): number[] {
    const lastA = aHi - GRAM;
    const lastB = bHi - GRAM;
    if (lastA < aLo || lastB < bLo) return [];
    // Over a long range, only grams whose hash has its top bits clear take part: both sides pick
    // the same grams by content, so anchors stay comparable at an eighth of the cost.
    const shift = sampled ? 32 - SAMPLE_BITS : 32;
    this.grams ??= { a: gramHashes(this.a), b: gramHashes(this.b) };
    const { a: gramsA, b: gramsB } = this.grams;
    const inA = new GramTable(sampled ? (lastA - aLo + 1) >> (SAMPLE_BITS - 1) : lastA - aLo + 1);
    for (let i = aLo; i <= lastA; i++) if (Math.imul(gramsA[i]!, 0x85ebca6b) >>> shift === 0) inA.add(gramsA[i]!, i);
    const inB = new GramTable(sampled ? (lastB - bLo + 1) >> (SAMPLE_BITS - 1) : lastB - bLo + 1);
    for (let j = bLo; j <= lastB; j++) if (Math.imul(gramsB[j]!, 0x85ebca6b) >>> shift === 0) inB.add(gramsB[j]!, j);
    const pairI: number[] = [];
    const pairJ: number[] = [];
    for (let i = aLo; i <= lastA; i++) {
      const h = gramsA[i]!;
      if (Math.imul(h, 0x85ebca6b) >>> shift !== 0 || inA.get(h) !== i) continue;
      const j = inB.get(h);
      if (j < 0) continue;
      let same = true;
      for (let g = 0; g < GRAM && same; g++) same = this.equal(i + g, j + g);
      if (same) {
        pairI.push(i);
        pairJ.push(j);
      }
    }
    return longestIncreasing(pairI, pairJ);
  }

  /** Myers' O((N+M)·D) diff on one gap; leaves the gap unmatched when it would take too long. */
  private myers(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.min(n + m, Math.floor(Math.min(MYERS_WORK, this.budget.steps) / (n + m)));
    if (maxD <= 0) return;
    const offset = maxD + 1;
    const v = new Int32Array(2 * maxD + 3);
    const trace: Int32Array[] = [];
    for (let d = 0; d <= maxD; d++) {
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
        let y = x - k;
        while (x < n && y < m && this.equal(aLo + x, bLo + y)) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          trace.push(v.slice(offset - d, offset + d + 1));
          this.budget.steps -= (d + 1) * (n + m);
          this.backtrack(trace, n, m, aLo, bLo);
          return;
        }
      }
      trace.push(v.slice(offset - d, offset + d + 1));
    }
    this.budget.steps -= (maxD + 1) * (n + m);
  }

  private backtrack(trace: Int32Array[], n: number, m: number, aLo: number, bLo: number): void {
    const pairs: number[] = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 1; d > 0; d--) {
      const before = trace[d - 1]!;
      const k = x - y;
      // `before` holds diagonals -(d-1)..(d-1) at indices 0..2d-2.
      const down = k === -d || (k !== d && before[k - 1 + d - 1]! < before[k + 1 + d - 1]!);
      const prevK = down ? k + 1 : k - 1;
      const prevX = before[prevK + d - 1]!;
      const prevY = prevX - prevK;
      while (x > prevX && y > prevY) pairs.push(--x, --y);
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) pairs.push(--x, --y);
    for (let k = pairs.length - 2; k >= 0; k -= 2) this.match(aLo + pairs[k]!, bLo + pairs[k + 1]!);
  }
}

/** Patience sorting: the longest run of pairs increasing in both i (already sorted) and j, flattened as i, j, i, j… */
function longestIncreasing(pairI: number[], pairJ: number[]): number[] {
  const n = pairJ.length;
  let increasing = true;
  for (let p = 1; p < n && increasing; p++) increasing = pairJ[p - 1]! < pairJ[p]!;
  if (increasing) {
    const out = new Array<number>(n * 2);
    for (let p = 0; p < n; p++) {
      out[2 * p] = pairI[p]!;
      out[2 * p + 1] = pairJ[p]!;
    }
    return out;
  }
  const tails = new Int32Array(n);
  const back = new Int32Array(n);
  let length = 0;
  for (let p = 0; p < n; p++) {
    const j = pairJ[p]!;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairJ[tails[mid]!]! < j) lo = mid + 1;
      else hi = mid;
    }
    back[p] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = p;
    if (lo === length) length++;
  }
  const out = new Array<number>(length * 2);
  let p = length > 0 ? tails[length - 1]! : -1;
  for (let k = length - 1; k >= 0; k--) {
    out[2 * k] = pairI[p]!;
    out[2 * k + 1] = pairJ[p]!;
    p = back[p]!;
  }
  return out;
}

/** Aligns old[aFrom, aTo) with new[bFrom, bTo) token by token and appends the edits between them. */
export function alignStretch(
  oldText: string,
  aFrom: number,
  aTo: number,
  newText: string,
  bFrom: number,
  bTo: number,
  out: Edit[],
  budget: { steps: number },
): void {
  if (aFrom === aTo || bFrom === bTo) {
    out.push({ start: aFrom, end: aTo, text: newText.slice(bFrom, bTo) });
    return;
  }
  alignTokens(tokenize(oldText, aFrom, aTo), tokenize(newText, bFrom, bTo), out, budget);
}

/** Aligns two token sequences completely and appends the edits between them. */
export function alignTokens(a: Tokens, b: Tokens, out: Edit[], budget: { steps: number }): void {
  // A short stretch goes to the character diff whole: matching tokens such as single spaces
  // could otherwise pair up the wrong way round a merged word ("rive rilo" → "ririlo").
  if (a.starts[a.count]! - a.starts[0]! + (b.starts[b.count]! - b.starts[0]!) <= SMALL_STRETCH) {
    refineChars(a.text, a.starts[0]!, a.starts[a.count]!, b.text, b.starts[0]!, b.starts[b.count]!, out);
    return;
  }
  const aligner = new TokenAligner(a, b, budget);
  aligner.align(0, a.count, 0, b.count);
  let ca = 0;
  let cb = 0;
  const { matchA, matchB } = aligner;
  for (let k = 0; k < matchA.length; k++) {
    const i = matchA[k]!;
    const j = matchB[k]!;
    // A lone space or punctuation mark matched between two differences does not separate them:
    // it pairs up as readily with the wrong neighbour as with the right one.
    const differsBefore = i > ca || j > cb;
    const differsAfter = k + 1 < matchA.length ? matchA[k + 1]! > i + 1 || matchB[k + 1]! > j + 1 : i + 1 < a.count || j + 1 < b.count;
    if (differsBefore && differsAfter && classOf(a.text.charCodeAt(a.starts[i]!)) !== CharClass.Word) continue;
    if (i > ca || j > cb) refineChars(a.text, a.starts[ca]!, a.starts[i]!, b.text, b.starts[cb]!, b.starts[j]!, out);
    ca = i + 1;
    cb = j + 1;
  }
  if (a.count > ca || b.count > cb) refineChars(a.text, a.starts[ca]!, a.starts[a.count]!, b.text, b.starts[cb]!, b.starts[b.count]!, out);
}
