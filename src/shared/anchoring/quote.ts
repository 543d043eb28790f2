// Quote selectors: building one for a range of text, and measuring how well a place's surroundings agree with a stored one.
import { splitsPair } from './chars';
import { similarity } from './distance';
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
 * Similarity (0–1) of the stored prefix and suffix to the text around new[start, end). A stored
 * side shorter than the context length was cut by the edge of the document, so it is compared with
 * a full-length stretch: a quote that used to open the document does not agree with a place that
 * has text before it.
 */
export function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): ContextAgreement {
  const before = text.slice(Math.max(0, start - Math.max(prefix.length, CONTEXT_LENGTH)), start);
  const after = text.slice(end, end + Math.max(suffix.length, CONTEXT_LENGTH));
  return { prefix: similarity(prefix, before), suffix: similarity(suffix, after) };
}

/** Every index at which `quote` occurs in `text`, overlapping occurrences included. */
export function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}
