// Word tokens for the diff: words, runs of white space and single other characters, each with a hash.
import { CharClass, charClass } from './chars';

/** Tokens in a gram, the unit two texts must share to be aligned on it (about three words with their spaces). */
export const GRAM = 5;

export interface Tokens {
  text: string;
  /** starts[i] is where token i begins; starts[count] is where the last one ends. */
  starts: Int32Array;
  hashes: Int32Array;
  count: number;
}

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => charClass(c));

/** `charClass`, with a table for ASCII since the diff asks for every character. */
export function classOf(c: number): CharClass {
  return c < 128 ? (ASCII_CLASS[c]! as CharClass) : charClass(c);
}

/** Splits text[from, to) into tokens, into the given buffers when they are large enough. */
export function tokenize(text: string, from: number, to: number, into?: Tokens): Tokens {
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

/** For each token, a hash of the GRAM tokens starting there. */
export function gramHashes(t: Tokens): Int32Array {
  const grams = new Int32Array(Math.max(0, t.count - GRAM + 1));
  for (let i = 0; i < grams.length; i++) {
    let h = 0;
    for (let g = 0; g < GRAM; g++) h = Math.imul((h << 5) | (h >>> 27), 0x9e3779b1) ^ t.hashes[i + g]!;
    grams[i] = h;
  }
  return grams;
}

/** Whether `count` tokens of `a` from ta equal those of `b` from tb. */
export function sameTokens(a: Tokens, ta: number, b: Tokens, tb: number, count: number): boolean {
  for (let t = 0; t < count; t++) if (a.hashes[ta + t] !== b.hashes[tb + t]) return false;
  const from = a.starts[ta]!;
  const length = a.starts[ta + count]! - from;
  const bFrom = b.starts[tb]!;
  if (b.starts[tb + count]! - bFrom !== length) return false;
  for (let k = 0; k < length; k++) if (a.text.charCodeAt(from + k) !== b.text.charCodeAt(bFrom + k)) return false;
  return true;
}

/** The first `count` tokens of `t`, as a sequence of their own. */
export function head(t: Tokens, count: number): Tokens {
  return { text: t.text, starts: t.starts.subarray(0, count + 1), hashes: t.hashes.subarray(0, count), count };
}
