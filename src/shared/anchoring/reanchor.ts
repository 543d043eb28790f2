// Re-anchors annotations after a document's text changes: each one is placed exactly, moved, matched approximately, or orphaned.
//
// Cheapest evidence first, as in the Hypothesis client's anchoring: the position mapped through
// the edits, then an exact copy of the quote that is the quote's own text or whose surroundings
// vouch for it, then an approximate match near where the edits put the quote. Every step re-reads
// the new text, so a mapped position whose text no longer equals the quote is never accepted as
// it is, and every doubt ends in 'orphaned', which the user sees, rather than in a wrong place,
// which the user does not.
import { splitsPair } from './chars';
import { boundedDistance } from './distance';
import { editsBetween } from './edits';
import { approximateMatches, edgeShape, snapToWords, type ApproxMatch } from './fuzzy';
import { EditMap } from './position';
import { ContextMatcher, type ContextAgreement, occurrencesOfAll, quoteSelectorAt } from './quote';
import { errorBudget, foreignAllowed, FUZZY_CONTEXT_REQUIRED, FUZZY_SLACK, movedContextRequired, PREEXISTING_CONTEXT_REQUIRED, WEIGHT } from './score';
import type { AnchorInput, AnchorResult, AnchorStatus, Edit } from './types';

interface Revision {
  oldText: string;
  newText: string;
  map: EditMap;
}

/** What the edits say about one annotation. */
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

interface Pending {
  index: number;
  annotation: AnchorInput;
  expected: Expected;
}

/**
 * Re-anchors `annotations`, whose selectors refer to `oldText`, in `newText`. `edits`, when the
 * caller knows them, save computing a diff; edits that do not turn `oldText` into `newText` are
 * ignored in favour of one. Results come in the order of `annotations`.
 */
export function reanchor(oldText: string, newText: string, annotations: readonly AnchorInput[], edits?: readonly Edit[]): AnchorResult[] {
  const r: Revision = { oldText, newText, map: new EditMap(editsBetween(oldText, newText, edits)) };
  const results = new Array<AnchorResult>(annotations.length);
  const pending: Pending[] = [];
  annotations.forEach((a, index) => {
    const expected = expectationFor(r, a);
    // Fast path, O(log E) each: nothing in the revision changed the quote, so it sits where its
    // position maps to.
    const { known, start, end, newStart, newEnd } = expected;
    if (known && !r.map.touches(start, end) && newEnd - newStart === a.exact.length && newText.startsWith(a.exact, newStart)) {
      results[index] = placed(r, a, 'anchored', newStart, newEnd);
    } else if (a.exact.length === 0) {
      results[index] = orphaned(a);
    } else {
      pending.push({ index, annotation: a, expected });
    }
  });
  if (pending.length > 0) {
    const found = occurrencesOfAll(
      newText,
      pending.map((p) => p.annotation.exact),
    );
    for (const { index, annotation, expected } of pending) results[index] = anchorChanged(r, annotation, expected, found.get(annotation.exact) ?? []);
  }
  return results;
}

function expectationFor(r: Revision, a: AnchorInput): Expected {
  const start = Math.min(Math.max(0, Math.trunc(a.start) || 0), r.oldText.length);
  const end = Math.min(Math.max(start, Math.trunc(a.end) || 0), r.oldText.length);
  const known = start === a.start && end - start === a.exact.length && r.oldText.startsWith(a.exact, start);
  const newStart = r.map.mapStart(start);
  return { known, start, end, newStart, newEnd: Math.max(newStart, r.map.mapEnd(end)) };
}

/** Places an annotation whose quote the revision touched (or whose old position was already off). */
function anchorChanged(r: Revision, a: AnchorInput, e: Expected, positions: readonly number[]): AnchorResult {
  const context = new ContextMatcher(a.prefix, a.suffix);
  const exact = bestExact(r, a, e, context, positions);
  if (exact) return placed(r, a, exact.status, exact.at, exact.at + a.exact.length);
  if (e.known) {
    const fuzzy = bestFuzzy(r, a, e, context);
    if (fuzzy) return placed(r, a, 'fuzzy', fuzzy.start, fuzzy.end);
  }
  return orphaned(a);
}

/**
 * The best exact copy of the quote that is either mostly the quote's own text (the edits only
 * changed what was around it, or a diff attributed a repeated word to its twin) or whose
 * surroundings vouch for it; null when there is none.
 */
function bestExact(
  r: Revision,
  a: AnchorInput,
  e: Expected,
  matcher: ContextMatcher,
  positions: readonly number[],
): { at: number; status: AnchorStatus } | null {
  const length = a.exact.length;
  const fresh = movedContextRequired(length);
  let best: { at: number; status: AnchorStatus } | null = null;
  let bestScore = -Infinity;
  for (const at of positions) {
    const { own, foreign } = e.known ? r.map.composition(at, at + length, e.start, e.end) : { own: 0, foreign: length };
    const ownText = 2 * own >= length;
    // Text that was already elsewhere in the old version is some other passage reading the same.
    const required = ownText ? 0 : foreign === length ? PREEXISTING_CONTEXT_REQUIRED : fresh;
    const context = matcher.agreement(r.newText, at, at + length);
    if ((context.prefix + context.suffix) / 2 < required) continue;
    const score = (ownText ? WEIGHT.quote : 0) + contextScore(context) + WEIGHT.position * proximity(at, e.newStart, r.newText.length);
    if (score > bestScore) {
      best = { at, status: ownText || at === e.newStart ? 'anchored' : 'moved' };
      bestScore = score;
    }
  }
  return best;
}

/** One annotation's search for an approximate match. */
interface FuzzyTask {
  r: Revision;
  a: AnchorInput;
  e: Expected;
  matcher: ContextMatcher;
  /** The error budget. */
  k: number;
  /** How many of the quote's characters the edits left in place. */
  survivors: number;
}

/** How a place scores for a fuzzy match, or null when it may not take the annotation. */
function acceptable(t: FuzzyTask, start: number, end: number): (ContextAgreement & { own: number }) | null {
  const { own, foreign } = t.r.map.composition(start, end, t.e.start, t.e.end);
  // A match built from text that lay elsewhere before is a look-alike, not the quote revised; so
  // is one that passes over most of the quote's surviving words for inserted text that reads alike.
  if (foreign > foreignAllowed(t.k) || 2 * own < t.survivors - t.k) return null;
  const context = { ...t.matcher.agreement(t.r.newText, start, end), own };
  // Made mostly of the quote's own surviving characters, it is the quote whatever happened around it.
  if (own >= t.a.exact.length - t.k) return context;
  return (context.prefix + context.suffix) / 2 >= FUZZY_CONTEXT_REQUIRED ? context : null;
}

/** The chosen match with its ends on word boundaries like the old quote's, when that stays acceptable. */
function finish(t: FuzzyTask, match: ApproxMatch): { start: number; end: number } {
  const { r, a, e, k } = t;
  const snapped = whole(r.newText, snapToWords(r.newText, match, a.exact, k, edgeShape(r.oldText, e.start, 'start'), edgeShape(r.oldText, e.end, 'end')));
  return acceptable(t, snapped.start, snapped.end) ? snapped : whole(r.newText, match);
}

/** The best approximate match near where the edits put the quote, or null. */
function bestFuzzy(r: Revision, a: AnchorInput, e: Expected, matcher: ContextMatcher): { start: number; end: number } | null {
  const length = a.exact.length;
  const k = errorBudget(length);
  if (k === 0) return null;
  const task: FuzzyTask = { r, a, e, matcher, k, survivors: r.map.unchanged(e.start, e.end) };

  // Usually the edits themselves align the quote with its new text well enough: then there is
  // nothing to search for. Not when an edit straddles an end of the quote: how much of its new
  // text belongs to the quote is what the search below decides.
  if (!r.map.inside(e.start) && !r.map.inside(e.end)) {
    const cost = r.map.alignmentCost(e.start, e.end);
    if (cost <= k && e.newEnd > e.newStart && acceptable(task, e.newStart, e.newEnd)) return finish(task, { start: e.newStart, end: e.newEnd, errors: cost });
  }

  // Inside a large rewritten stretch the mapped range is the whole rewrite: look around where
  // the quote would be if the rewrite kept proportions, not through all of it.
  let near = { start: e.newStart, end: e.newEnd };
  if (e.newEnd - e.newStart > 2 * length + k) {
    const start = r.map.mapProportionally(e.start);
    near = { start: Math.max(e.newStart, start - length), end: Math.min(e.newEnd, Math.max(start, r.map.mapProportionally(e.end)) + length) };
  }
  const from = Math.max(0, near.start - k - FUZZY_SLACK);
  const to = Math.min(r.newText.length, near.end + k + FUZZY_SLACK);
  const candidates = approximateMatches(r.newText, from, to, a.exact, k).sort(byErrors);
  let best: ApproxMatch | null = null;
  let bestScore = -Infinity;
  for (const found of candidates) {
    if (found.errors === 0) continue; // an exact copy was already judged by the stricter rules above
    // Context, position and own text add at most this much; a match with more errors cannot win any more.
    if (WEIGHT.quote * (1 - found.errors / length) + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position + WEIGHT.own <= bestScore) break;
    let match: ApproxMatch | null = found;
    let context = acceptable(task, match.start, match.end);
    if (!context) {
      // The cheapest alignment may reach into neighbouring text where a slightly dearer one, kept
      // to where the edits put the quote, would not.
      match = within(r.newText, found, e.newStart, e.newEnd, a.exact, k);
      context = match && match.errors > 0 ? acceptable(task, match.start, match.end) : null;
    }
    if (!match || !context) continue;
    const score =
      WEIGHT.quote * (1 - match.errors / length) +
      contextScore(context) +
      WEIGHT.own * (context.own / (match.end - match.start)) +
      WEIGHT.position * proximity(match.start, e.newStart, to - from);
    if (score > bestScore) {
      best = match;
      bestScore = score;
    }
  }
  return best ? finish(task, best) : null;
}

function byErrors(x: ApproxMatch, y: ApproxMatch): number {
  return x.errors - y.errors;
}

/** The match cut down to new[start, end), if it stays within the error budget. */
function within(text: string, match: ApproxMatch, start: number, end: number, pattern: string, k: number): ApproxMatch | null {
  const from = Math.max(match.start, start);
  const to = Math.min(match.end, end);
  if (to <= from || (from === match.start && to === match.end)) return null;
  const errors = boundedDistance(pattern, text.slice(from, to), k);
  return errors <= k ? { start: from, end: to, errors } : null;
}

/** Widens a range that would cut a surrogate pair in half. */
function whole(text: string, range: { start: number; end: number }): { start: number; end: number } {
  return { start: splitsPair(text, range.start) ? range.start - 1 : range.start, end: splitsPair(text, range.end) ? range.end + 1 : range.end };
}

function contextScore(context: ContextAgreement): number {
  return WEIGHT.prefix * context.prefix + WEIGHT.suffix * context.suffix;
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
