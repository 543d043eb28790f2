// Maps positions in the old text to the new text through one revision's edits, and tells which parts of the new text an edit left alone.
import type { Edit } from './types';

/**
 * Edits must be normalised (see `normalizeEdits`): sorted, and neither overlapping nor touching,
 * so at most one edit sits at any boundary. Every query is a binary search, O(log E).
 */
export class EditMap {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly newStarts: Int32Array;
  private readonly newEnds: Int32Array;

  constructor(readonly edits: readonly Edit[]) {
    const n = edits.length;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.newStarts = new Int32Array(n);
    this.newEnds = new Int32Array(n);
    let shift = 0;
    edits.forEach((e, i) => {
      this.starts[i] = e.start;
      this.ends[i] = e.end;
      this.newStarts[i] = e.start + shift;
      shift += e.text.length - (e.end - e.start);
      this.newEnds[i] = e.end + shift;
    });
  }

  /** Number of edits that start before `p`. */
  private before(p: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Where old position `p` lands when it opens a range: text inserted exactly at `p` goes before
   * the range, and a position inside replaced text goes to the replacement's start, so that the
   * mapped range covers everything that may have become part of it.
   */
  mapStart(p: number): number {
    const i = this.before(p);
    let mapped = p;
    if (i > 0) {
      if (this.ends[i - 1]! > p) return this.newStarts[i - 1]!;
      mapped = p + this.newEnds[i - 1]! - this.ends[i - 1]!;
    }
    if (i < this.starts.length && this.starts[i] === p && this.ends[i] === p) mapped += this.edits[i]!.text.length;
    return mapped;
  }

  /** Where old position `p` lands when it closes a range: text inserted exactly at `p` stays after it. */
  mapEnd(p: number): number {
    const i = this.before(p);
    if (i === 0) return p;
    if (this.ends[i - 1]! > p) return this.newEnds[i - 1]!;
    return p + this.newEnds[i - 1]! - this.ends[i - 1]!;
  }

  /**
   * Where old position `p` most likely lands: inside replaced text, at the same fraction of the
   * replacement. Only an estimate, for when a quote lies within a large rewritten stretch.
   */
  mapProportionally(p: number): number {
    const i = this.before(p);
    if (i > 0 && this.ends[i - 1]! > p) {
      const start = this.starts[i - 1]!;
      const fraction = (p - start) / (this.ends[i - 1]! - start);
      return this.newStarts[i - 1]! + Math.round(fraction * this.edits[i - 1]!.text.length);
    }
    return this.mapStart(p);
  }

  /** Whether old position `p` lies strictly inside replaced text, so that where it lands is a guess. */
  inside(p: number): boolean {
    const i = this.before(p);
    return i > 0 && this.ends[i - 1]! > p;
  }

  /** Whether any edit changes old[s, t): replaces some of it or inserts strictly inside it. */
  touches(s: number, t: number): boolean {
    if (t <= s) return false;
    const i = this.before(t) - 1;
    if (i < 0) return false;
    return this.starts[i]! > s || this.ends[i]! > s;
  }

  /** How many characters of old[s, t) no edit touched. */
  unchanged(s: number, t: number): number {
    let i = this.before(s);
    if (i > 0 && this.ends[i - 1]! > s) i--;
    let left = t - s;
    for (; i < this.starts.length && this.starts[i]! < t; i++) left -= Math.max(0, Math.min(this.ends[i]!, t) - Math.max(this.starts[i]!, s));
    return left;
  }

  /**
   * The cost of the alignment the edits themselves give between old[s, t) and its mapped range:
   * each edit inside counts as many errors as the longer of what it removed from the range and what
   * it put in. An upper bound on the edit distance, known without looking at the text.
   */
  alignmentCost(s: number, t: number): number {
    let i = this.before(s);
    if (i > 0 && this.ends[i - 1]! > s) i--;
    let cost = 0;
    for (; i < this.starts.length && this.starts[i]! < t; i++) {
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      // Text inserted exactly at the start of the range was mapped to before it.
      if (start === end && start <= s) continue;
      cost += Math.max(Math.min(end, t) - Math.max(start, s), this.edits[i]!.text.length);
    }
    return cost;
  }

  /**
   * Where the characters of new[ns, ne) come from: `own` ones are old text left unchanged that lay
   * inside old[s, t), `foreign` ones old text left unchanged from outside it; the rest was inserted.
   * Foreign characters belonged to something else before this revision, so a place made of them is
   * not where old[s, t) went.
   */
  composition(ns: number, ne: number, s: number, t: number): { own: number; foreign: number } {
    const n = this.starts.length;
    // Unchanged stretch k runs between edit k-1 and edit k; find the first one that ends after ns.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newStarts[mid]! <= ns) lo = mid + 1;
      else hi = mid;
    }
    let own = 0;
    let foreign = 0;
    for (let k = lo; k <= n; k++) {
      const from = k === 0 ? 0 : this.newEnds[k - 1]!;
      if (from >= ne) break;
      const to = k === n ? Infinity : this.newStarts[k]!;
      const a = Math.max(ns, from);
      const b = Math.min(ne, to);
      if (a >= b) continue;
      const shift = k === 0 ? 0 : this.ends[k - 1]! - this.newEnds[k - 1]!;
      const inside = Math.max(0, Math.min(b + shift, t) - Math.max(a + shift, s));
      own += inside;
      foreign += b - a - inside;
    }
    return { own, foreign };
  }
}
