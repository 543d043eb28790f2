// Tidies a finished edit list: edits slid to natural word and sentence breaks, scraps between large edits merged.
import { CharClass, isHighSurrogate, isLowSurrogate } from './chars';
import { classOf } from './tokens';
import type { Edit } from './types';

/** How natural a cut between text[i - 1] and text[i] is: higher at paragraph, line, sentence and word breaks. */
function cutScore(before: number, after: number): number {
  if (Number.isNaN(before) || Number.isNaN(after)) return 6;
  if (before === 10 && after === 10) return 5;
  if (before === 10 || after === 10) return 4;
  const spaceAfter = classOf(after) === CharClass.Space;
  if ((before === 46 || before === 33 || before === 63) && spaceAfter) return 3;
  if (spaceAfter || classOf(before) === CharClass.Space) return 2;
  if (classOf(before) !== CharClass.Word || classOf(after) !== CharClass.Word) return 1;
  return 0;
}

/**
 * Moves each pure insertion or deletion to where it cuts the text most naturally, when it could
 * equally sit a little to the left or right: in "Yes. We" → "Yes. No. We", the insertion is
 * "No. " after "Yes. ", not ". No" after "Yes". A minimal diff picks either; the natural one
 * keeps the edit off the words around it, and off annotations that end or begin there.
 */
export function slideToBoundaries(text: string, edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k]!;
    const insertion = e.start === e.end;
    if (!insertion && e.text !== '') {
      out.push(e);
      continue;
    }
    const low = k > 0 ? edits[k - 1]!.end + 1 : 0;
    const high = k + 1 < edits.length ? edits[k + 1]!.start - 1 : text.length;
    // The moving piece: the inserted text, or the deleted text, whose edges shift as it slides.
    let piece = insertion ? e.text : text.slice(e.start, e.end);
    let start = e.start;
    // Slide as far left as the text allows (never through half a surrogate pair), then try every
    // position on the way back right.
    while (start - 1 >= low && text.charCodeAt(start - 1) === piece.charCodeAt(piece.length - 1) && !isLowSurrogate(text.charCodeAt(start - 1))) {
      piece = text[start - 1]! + piece.slice(0, -1);
      start--;
    }
    let bestStart = start;
    let bestPiece = piece;
    let bestScore = slideScore(text, start, piece, insertion);
    // The character just after the piece, which it may move over to the right.
    let after = insertion ? start : start + piece.length;
    while (after + 1 <= high && text.charCodeAt(after) === piece.charCodeAt(0) && !isHighSurrogate(piece.charCodeAt(0))) {
      piece = piece.slice(1) + text[after]!;
      start++;
      after++;
      const score = slideScore(text, start, piece, insertion);
      // Prefer the original place on a tie, so a diff without ambiguity is left as it was.
      if (score > bestScore || (score === bestScore && Math.abs(start - e.start) < Math.abs(bestStart - e.start))) {
        bestStart = start;
        bestPiece = piece;
        bestScore = score;
      }
    }
    out.push(insertion ? { start: bestStart, end: bestStart, text: bestPiece } : { start: bestStart, end: bestStart + bestPiece.length, text: '' });
  }
  return out;
}

/** How naturally an insertion of `piece` at `at`, or the deletion of text[at, at + piece.length), cuts the text. */
function slideScore(text: string, at: number, piece: string, insertion: boolean): number {
  if (insertion) return cutScore(text.charCodeAt(at - 1), piece.charCodeAt(0)) + cutScore(piece.charCodeAt(piece.length - 1), text.charCodeAt(at));
  return cutScore(text.charCodeAt(at - 1), text.charCodeAt(at)) + cutScore(text.charCodeAt(at + piece.length - 1), text.charCodeAt(at + piece.length));
}

/** Unchanged text longer than this between two edits is kept, however large the edits. */
const SCRAP = 4;

/**
 * Merges edits separated by a scrap of unchanged text, shorter than half of what either of them
 * changes. Two unrelated sentences still share spaces and a few common words, and a minimal diff
 * keeps those as "unchanged", chopping one replacement into dozens; those scraps say nothing about
 * where old text went, and taking them at their word would let a quote's scattered letters pass
 * for it. Longer unchanged stretches are real (an annotated phrase between two deleted sentences).
 */
function size(e: Edit): number {
  return Math.max(e.end - e.start, e.text.length);
}
export function mergeChoppy(oldText: string, edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const edit of edits) {
    let current = edit;
    let last = out[out.length - 1];
    while (last && current.start - last.end <= Math.min(SCRAP, size(last) / 2, size(current) / 2)) {
      out.pop();
      current = { start: last.start, end: current.end, text: last.text + oldText.slice(last.end, current.start) + current.text };
      last = out[out.length - 1];
    }
    out.push(current);
  }
  return out;
}
