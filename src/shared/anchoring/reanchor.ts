// Re-anchors annotations after a document's text changes: each one is placed exactly, moved, matched approximately, or orphaned.
//
// Cheapest evidence first, as in the Hypothesis client's anchoring: the position mapped through
// the edits, then an exact copy of the quote whose surroundings agree, then an approximate match
// near where the edits put the quote. Every step re-reads the new text, so a mapped position whose
// text no longer equals the quote is never accepted as it is.
import { splitsPair } from './chars';
import { editsBetween } from './edits';
import { boundedDistance } from './distance';
import { approximateMatches, edgeShape, snapToWords, type ApproxMatch } from './fuzzy';
import { EditMap } from './position';
import { contextAgreement, occurrences, quoteSelectorAt } from './quote';
import { errorBudget, foreignAllowed, FUZZY_CONTEXT_REQUIRED, FUZZY_SLACK, movedContextRequired, PREEXISTING_CONTEXT_REQUIRED, WEIGHT } from './score';
import type { AnchorInput, AnchorResult, AnchorStatus, Edit } from './types';

interface Revision {
  oldText: string;
  newText: string;
  map: EditMap;
  /** Exact-quote positions in the new text, shared by annotations on the same words. */
  found: Map<string, number[]>;
}

interface Expected {
  /** Whether the annotation's position selector still pointed at its quote in the old text. */
  known: boolean;
  /** The old range, clamped to the old text. */
  start: number;
  end: number;
  /** The old range mapped into the new text. */
  newStart: number;
  newEnd: number;
}

/**
 * Re-anchors `annotations`, whose selectors refer to `oldText`, in `newText`. `edits`, when the
 * caller knows them, save computing a diff; edits that do not turn `oldText` into `newText` are
 * ignored in favour of one. Results come in the order of `annotations`.
 */
export function reanchor(oldText: string, newText: string, annotations: readonly AnchorInput[], edits?: readonly Edit[]): AnchorResult[] {
  const revision: Revision = { oldText, newText, map: new EditMap(editsBetween(oldText, newText, edits)), found: new Map() };
  return annotations.map((a) => anchorOne(revision, a));
}

function anchorOne(r: Revision, a: AnchorInput): AnchorResult {
  const length = a.exact.length;
  const start = Math.min(Math.max(0, Math.trunc(a.start) || 0), r.oldText.length);
  const end = Math.min(Math.max(start, Math.trunc(a.end) || 0), r.oldText.length);
  const known = start === a.start && end - start === length && r.oldText.startsWith(a.exact, start);
  const newStart = r.map.mapStart(start);
  const expected: Expected = { known, start, end, newStart, newEnd: Math.max(newStart, r.map.mapEnd(end)) };

  // Fast path: nothing in the revision changed the quote, so it sits where its position maps to.
  if (known && !r.map.touches(start, end) && expected.newEnd - newStart === length && r.newText.startsWith(a.exact, newStart)) {
    return placed(r, a, 'anchored', newStart, newStart + length);
  }
  if (length === 0) return orphaned(a);

  const exact = bestExact(r, a, expected);
  if (exact) return placed(r, a, exact.status, exact.at, exact.at + length);
  if (known) {
    const fuzzy = bestFuzzy(r, a, expected);
    if (fuzzy) return placed(r, a, 'fuzzy', fuzzy.start, fuzzy.end);
  }
  return orphaned(a);
}

/**
 * The best exact copy of the quote that is either mostly the quote's own text (the edits only
 * changed what was around it, or a diff attributed a repeated word to its twin) or whose
 * surroundings vouch for it; null when there is none.
 */
function bestExact(r: Revision, a: AnchorInput, e: Expected): { at: number; status: AnchorStatus } | null {
  let positions = r.found.get(a.exact);
  if (!positions) {
    positions = occurrences(r.newText, a.exact);
    r.found.set(a.exact, positions);
  }
  const length = a.exact.length;
  const fresh = movedContextRequired(length);
  let best: { at: number; status: AnchorStatus } | null = null;
  let bestScore = -Infinity;
  for (const at of positions) {
    const { own, foreign } = e.known ? r.map.composition(at, at + length, e.start, e.end) : { own: 0, foreign: length };
    const context = contextAgreement(r.newText, at, at + length, a.prefix, a.suffix);
    const mean = (context.prefix + context.suffix) / 2;
    const ownText = 2 * own >= length;
    // Text that was already elsewhere in the old version is some other passage reading the same.
    const required = ownText ? 0 : foreign === length ? PREEXISTING_CONTEXT_REQUIRED : fresh;
    if (mean < required) continue;
    const score =
      (ownText ? WEIGHT.quote : 0) +
      WEIGHT.prefix * context.prefix +
      WEIGHT.suffix * context.suffix +
      WEIGHT.position * proximity(at, e.newStart, r.newText.length);
    if (score > bestScore) {
      best = { at, status: ownText || at === e.newStart ? 'anchored' : 'moved' };
      bestScore = score;
    }
  }
  return best;
}

/** The best approximate match near where the edits put the quote, or null. */
function bestFuzzy(r: Revision, a: AnchorInput, e: Expected): { start: number; end: number } | null {
  const length = a.exact.length;
  const k = errorBudget(length);
  if (k === 0) return null;
  const from = Math.max(0, e.newStart - k - FUZZY_SLACK);
  const to = Math.min(r.newText.length, e.newEnd + k + FUZZY_SLACK);
  const acceptable = (start: number, end: number): { prefix: number; suffix: number } | null => {
    const { own, foreign } = r.map.composition(start, end, e.start, e.end);
    // A match built from text that lay elsewhere before is a look-alike, not the quote revised.
    if (foreign > foreignAllowed(k)) return null;
    const context = contextAgreement(r.newText, start, end, a.prefix, a.suffix);
    // Made mostly of the quote's own surviving characters, it is the quote whatever happened around it.
    if (own >= length - k) return context;
    return (context.prefix + context.suffix) / 2 >= FUZZY_CONTEXT_REQUIRED ? context : null;
  };

  let best: ApproxMatch | null = null;
  let bestScore = -Infinity;
  for (const found of approximateMatches(r.newText, from, to, a.exact, k)) {
    if (found.errors === 0) continue; // an exact copy was already judged by the stricter rules above
    let match: ApproxMatch | null = found;
    let context = acceptable(match.start, match.end);
    if (!context) {
      // The cheapest alignment may reach into neighbouring text where a slightly dearer one, kept
      // to where the edits put the quote, would not.
      match = within(r.newText, found, e.newStart, e.newEnd, a.exact, k);
      context = match && match.errors > 0 ? acceptable(match.start, match.end) : null;
    }
    if (!match || !context) continue;
    const score =
      WEIGHT.quote * (1 - match.errors / length) +
      WEIGHT.prefix * context.prefix +
      WEIGHT.suffix * context.suffix +
      WEIGHT.position * proximity(match.start, e.newStart, to - from);
    if (score > bestScore) {
      best = match;
      bestScore = score;
    }
  }
  if (!best) return null;

  const snapped = whole(r.newText, snapToWords(r.newText, best, a.exact, k, edgeShape(r.oldText, e.start, 'start'), edgeShape(r.oldText, e.end, 'end')));
  return acceptable(snapped.start, snapped.end) ? snapped : whole(r.newText, best);
}

/** Widens a range that would cut a surrogate pair in half. */
function whole(text: string, range: { start: number; end: number }): { start: number; end: number } {
  return { start: splitsPair(text, range.start) ? range.start - 1 : range.start, end: splitsPair(text, range.end) ? range.end + 1 : range.end };
}

/** The match cut down to new[start, end), if it stays within the error budget. */
function within(text: string, match: ApproxMatch, start: number, end: number, pattern: string, k: number): ApproxMatch | null {
  const from = Math.max(match.start, start);
  const to = Math.min(match.end, end);
  if (to <= from || (from === match.start && to === match.end)) return null;
  const errors = boundedDistance(pattern, text.slice(from, to), k);
  return errors <= k ? { start: from, end: to, errors } : null;
}

function proximity(at: number, expected: number, span: number): number {
  return 1 - Math.min(1, Math.abs(at - expected) / Math.max(1, span));
}

function placed(r: Revision, a: AnchorInput, status: AnchorStatus, start: number, end: number): AnchorResult {
  return { id: a.id, status, start, end, ...quoteSelectorAt(r.newText, start, end) };
}

function orphaned(a: AnchorInput): AnchorResult {
  return { id: a.id, status: 'orphaned', start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix };
}
