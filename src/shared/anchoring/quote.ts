// Quote selectors: building one for a range of text, and measuring how well a place's surroundings agree with a stored one.
import { splitsPair } from './chars';
import { CompiledPattern, similarity } from './distance';
import type { QuoteSelector } from './types';

/** Context kept on each side of a quote; the same as the store's CONTEXT_LENGTH. */
export const CONTEXT_LENGTH = 32;

/**
 * The quote selector for text[start, end). The context is cut short by one unit rather than split a
 * surrogate pair, since half a pair does not survive a round trip through UTF-8 storage.
 */
export function quoteSelectorAt(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): QuoteSelector {
  let from = Math.max(0, start - contextLength);
  if (splitsPair(text, from)) from++;
  let to = Math.min(text.length, end + contextLength);
  if (splitsPair(text, to)) to--;
  return { exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

export interface ContextAgreement {
  prefix: number;
  suffix: number;
}

/**
 * Measures how well the text around a place agrees with a stored prefix and suffix: similarity
 * 0–1 on each side. A stored side shorter than the context length was cut by the edge of the
 * document, so it is compared with a full-length stretch: a quote that used to open the document
 * does not agree with a place that has text before it.
 */
export class ContextMatcher {
  private readonly prefix: CompiledPattern | null;
  private readonly suffix: CompiledPattern | null;
  private readonly prefixReach: number;
  private readonly suffixReach: number;

  constructor(
    private readonly storedPrefix: string,
    private readonly storedSuffix: string,
  ) {
    this.prefix = storedPrefix.length <= 32 ? new CompiledPattern(storedPrefix) : null;
    this.suffix = storedSuffix.length <= 32 ? new CompiledPattern(storedSuffix) : null;
    this.prefixReach = Math.max(storedPrefix.length, CONTEXT_LENGTH);
    this.suffixReach = Math.max(storedSuffix.length, CONTEXT_LENGTH);
  }

  agreement(text: string, start: number, end: number): ContextAgreement {
    const from = Math.max(0, start - this.prefixReach);
    const to = Math.min(text.length, end + this.suffixReach);
    return {
      prefix: this.prefix ? this.prefix.similarity(text, from, start) : similarity(this.storedPrefix, text.slice(from, start)),
      suffix: this.suffix ? this.suffix.similarity(text, end, to) : similarity(this.storedSuffix, text.slice(end, to)),
    };
  }
}

/** Every index at which `quote` occurs in `text`, overlapping occurrences included. */
export function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

const GRAM = 8;
const BASE = 0x01000193;

/**
 * Every index at which each of `quotes` occurs in `text`, found in one pass: the texts of all the
 * annotations an edit touched are looked for together by a rolling hash of their first characters
 * (Rabin–Karp), instead of scanning a whole book once per annotation.
 */
export function occurrencesOfAll(text: string, quotes: Iterable<string>): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const byHash = new Map<number, string[]>();
  // A 64K-bit filter on the hash's high bits spares a map lookup at almost every position.
  const filter = new Uint8Array(1 << 16);
  for (const quote of quotes) {
    if (found.has(quote)) continue;
    if (quote.length < GRAM) {
      found.set(quote, occurrences(text, quote));
      continue;
    }
    found.set(quote, []);
    let h = 0;
    for (let i = 0; i < GRAM; i++) h = (Math.imul(h, BASE) + quote.charCodeAt(i)) | 0;
    const list = byHash.get(h);
    if (list) list.push(quote);
    else byHash.set(h, [quote]);
    filter[h >>> 16] = 1;
  }
  if (byHash.size === 0 || text.length < GRAM) return found;
  let top = 1;
  for (let i = 1; i < GRAM; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < GRAM; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  for (let i = 0; ; i++) {
    if (filter[h >>> 16] === 1) {
      const list = byHash.get(h);
      if (list) for (const quote of list) if (text.startsWith(quote, i)) found.get(quote)!.push(i);
    }
    if (i + GRAM >= text.length) break;
    h = (Math.imul(h - Math.imul(text.charCodeAt(i), top), BASE) + text.charCodeAt(i + GRAM)) | 0;
  }
  return found;
}
