// Computes a compact edit list between two versions of a text, fast enough for book-length documents.
//
// A plain Myers diff over characters costs O(N·D): billions of steps for a 100,000-word text with
// 2% scattered edits. Edits in a revision are usually small and far apart, so this walks both texts
// while they agree and, at each difference, looks a little way ahead for the nearest point where
// they agree again for several words (a "resync"); only the stretch in between is diffed, on word
// tokens with Myers. When no resync is near (a large rewrite, a moved section), the rest is aligned
// globally on word runs that occur once on each side (patience diff). Each replaced run of tokens
// is finally trimmed to the characters that really differ, so fixing a typo yields a one-character
// edit.
import { CharClass, charClass, isHighSurrogate, isLowSurrogate } from './chars';
import type { Edit } from './types';

const GRAM = 5;
/** Below this many tokens on both sides together, Myers is cheaper than counting grams. */
const SMALL_GAP = 64;
/** Ranges longer than this many tokens are first aligned on a content-chosen sample of grams. */
const SAMPLE_ABOVE = 4096;
const SAMPLE_BITS = 3;
/** Most steps Myers may take in one gap before the gap is reported as a plain replacement. */
const MYERS_WORK = 4_000_000;

interface Tokens {
  text: string;
  /** starts[i] is where token i begins; starts[count] is where the last one ends. */
  starts: Int32Array;
  hashes: Int32Array;
  count: number;
}

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => charClass(c));

function classOf(c: number): CharClass {
  return c < 128 ? (ASCII_CLASS[c]! as CharClass) : charClass(c);
}

function tokenize(text: string, from: number, to: number, into?: Tokens): Tokens {
  let starts = into?.starts;
  let hashes = into?.hashes;
  if (!starts || !hashes || hashes.length < to - from) {
    starts = new Int32Array(to - from + 1);
    hashes = new Int32Array(to - from);
  }
  let count = 0;
  let i = from;
  while (i < to) {
    starts[count] = i;
    let c = text.charCodeAt(i);
    const cls = classOf(c);
    let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
    i++;
    if (cls !== CharClass.Single) {
      while (i < to) {
        c = text.charCodeAt(i);
        if (classOf(c) !== cls) break;
        h = Math.imul(h ^ c, 0x01000193);
        i++;
      }
    }
    hashes[count++] = h;
  }
  starts[count] = to;
  if (into) {
    into.text = text;
    into.starts = starts;
    into.hashes = hashes;
    into.count = count;
    return into;
  }
  return { text, starts, hashes, count };
}

function gramHashes(t: Tokens): Int32Array {
  const grams = new Int32Array(Math.max(0, t.count - GRAM + 1));
  for (let i = 0; i < grams.length; i++) {
    let h = 0;
    for (let g = 0; g < GRAM; g++) h = Math.imul((h << 5) | (h >>> 27), 0x9e3779b1) ^ t.hashes[i + g]!;
    grams[i] = h;
  }
  return grams;
}

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
    const maxD = Math.min(n + m, Math.floor(MYERS_WORK / (n + m)) + 8);
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
          this.backtrack(trace, n, m, aLo, bLo);
          return;
        }
      }
      trace.push(v.slice(offset - d, offset + d + 1));
    }
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

function commonPrefix(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
  const max = Math.min(aTo - aFrom, bTo - bFrom);
  let k = 0;
  while (k < max && a.charCodeAt(aFrom + k) === b.charCodeAt(bFrom + k)) k++;
  // Never end the shared part between the halves of a surrogate pair.
  if (k > 0 && isHighSurrogate(a.charCodeAt(aFrom + k - 1))) k--;
  return k;
}

function commonSuffix(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
  const max = Math.min(aTo - aFrom, bTo - bFrom);
  let k = 0;
  while (k < max && a.charCodeAt(aTo - 1 - k) === b.charCodeAt(bTo - 1 - k)) k++;
  if (k > 0 && isLowSurrogate(a.charCodeAt(aTo - k))) k--;
  return k;
}

/** The edit that turns old[aFrom, aTo) into new[bFrom, bTo), trimmed to the characters that differ. */
function trimmedEdit(oldText: string, aFrom: number, aTo: number, newText: string, bFrom: number, bTo: number): Edit {
  const pre = commonPrefix(oldText, aFrom, aTo, newText, bFrom, bTo);
  const suf = commonSuffix(oldText, aFrom + pre, aTo, newText, bFrom + pre, bTo);
  return { start: aFrom + pre, end: aTo - suf, text: newText.slice(bFrom + pre, bTo - suf) };
}

/** Aligns old[aFrom, aTo) with new[bFrom, bTo) token by token and appends the edits between them. */
function alignStretch(oldText: string, aFrom: number, aTo: number, newText: string, bFrom: number, bTo: number, out: Edit[]): void {
  if (aFrom === aTo || bFrom === bTo) {
    out.push({ start: aFrom, end: aTo, text: newText.slice(bFrom, bTo) });
    return;
  }
  alignTokens(tokenize(oldText, aFrom, aTo), tokenize(newText, bFrom, bTo), out);
}

/** Aligns two token sequences completely and appends the edits between them. */
function alignTokens(a: Tokens, b: Tokens, out: Edit[]): void {
  const aligner = new TokenAligner(a, b);
  aligner.align(0, a.count, 0, b.count);
  let ca = 0;
  let cb = 0;
  const gap = (i: number, j: number): void => {
    if (i === ca && j === cb) return;
    const edit = trimmedEdit(a.text, a.starts[ca]!, a.starts[i]!, b.text, b.starts[cb]!, b.starts[j]!);
    if (edit.start < edit.end || edit.text.length > 0) out.push(edit);
  };
  for (let k = 0; k < aligner.matchA.length; k++) {
    const i = aligner.matchA[k]!;
    const j = aligner.matchB[k]!;
    gap(i, j);
    ca = i + 1;
    cb = j + 1;
  }
  gap(a.count, b.count);
}

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
 * read so far (valid until the next call). Falls back to a shorter agreement in the last window,
 * and returns null when there is none at all.
 */
function resync(oldText: string, i: number, aEnd: number, newText: string, j: number, bEnd: number): { ta: number; tb: number; a: Tokens; b: Tokens } | null {
  for (let w = 0; w < RESYNC_WINDOWS.length; w++) {
    const aTo = Math.min(aEnd, i + RESYNC_WINDOWS[w]!);
    const bTo = Math.min(bEnd, j + RESYNC_WINDOWS[w]!);
    const lastWindow = w === RESYNC_WINDOWS.length - 1 || (aTo === aEnd && bTo === bEnd);
    const a = tokenize(oldText, i, aTo, scratchA);
    const b = tokenize(newText, j, bTo, scratchB);
    // A token cut by the window's edge is not a real token, so no gram may include it.
    const lastA = a.count - GRAM - (aTo < aEnd ? 1 : 0);
    const lastB = b.count - GRAM - (bTo < bEnd ? 1 : 0);
    let bestA = -1;
    let bestB = -1;
    let bestCost = Infinity;
    let weakA = -1;
    let weakB = -1;
    let weakCost = Infinity;
    // Nearest first: both loops stop once nothing further on can be cheaper. In the usual case
    // (a word changed) the resync is a few tokens away, so this touches a handful of pairs.
    for (let ta = 0; ta <= lastA; ta++) {
      const skipA = a.starts[ta]! - i;
      if (skipA >= bestCost) break;
      for (let tb = 0; tb <= lastB; tb++) {
        const cost = skipA + b.starts[tb]! - j;
        if (cost >= bestCost) break;
        if (!sameTokens(a, ta, b, tb, GRAM)) continue;
        if (agreeFor(oldText, a.starts[ta]!, aEnd, newText, b.starts[tb]!, bEnd, MIN_RUN)) {
          bestA = ta;
          bestB = tb;
          bestCost = cost;
        } else if (cost < weakCost) {
          weakA = ta;
          weakB = tb;
          weakCost = cost;
        }
      }
    }
    if (bestA >= 0) return { ta: bestA, tb: bestB, a, b };
    if (lastWindow) return weakA >= 0 ? { ta: weakA, tb: weakB, a, b } : null;
  }
  return null;
}

/** Whether old[i…] and new[j…] agree for `run` characters, or up to the end of either. */
function agreeFor(oldText: string, i: number, aEnd: number, newText: string, j: number, bEnd: number, run: number): boolean {
  const n = Math.min(run, aEnd - i, bEnd - j);
  for (let k = 0; k < n; k++) if (oldText.charCodeAt(i + k) !== newText.charCodeAt(j + k)) return false;
  return true;
}

function sameTokens(a: Tokens, ta: number, b: Tokens, tb: number, count: number): boolean {
  for (let t = 0; t < count; t++) if (a.hashes[ta + t] !== b.hashes[tb + t]) return false;
  const from = a.starts[ta]!;
  const length = a.starts[ta + count]! - from;
  const bFrom = b.starts[tb]!;
  if (b.starts[tb + count]! - bFrom !== length) return false;
  for (let k = 0; k < length; k++) if (a.text.charCodeAt(from + k) !== b.text.charCodeAt(bFrom + k)) return false;
  return true;
}

/** The first `count` tokens of `t`, as a sequence of their own. */
function head(t: Tokens, count: number): Tokens {
  return { text: t.text, starts: t.starts.subarray(0, count + 1), hashes: t.hashes.subarray(0, count), count };
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
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < aEnd && j < bEnd && oldText.charCodeAt(i) === newText.charCodeAt(j)) {
      i++;
      j++;
    }
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
      alignStretch(oldText, i, aEnd, newText, j, bEnd, edits);
      break;
    }
    alignTokens(head(sync.a, sync.ta), head(sync.b, sync.tb), edits);
    i = sync.a.starts[sync.ta]!;
    j = sync.b.starts[sync.tb]!;
  }
  return edits;
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
