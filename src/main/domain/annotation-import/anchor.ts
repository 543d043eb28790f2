// Places an imported annotation in its document's current text: the position selector when it
// still points at the quote, else the quote where its context vouches for it (the anchoring
// engine, as for edited text), else the only place the quote occurs once white space is set
// aside (pages rendered by a browser space their text their own way). Anything less certain
// is kept as an orphan with its quote.
import { quoteSelectorAt, reanchor } from '../../../shared/anchoring';
import type { AnchorStatus } from '../../../shared/model';
import type { AnchorUpdate } from '../../store/annotations';
import { fromCodePoints } from '../../export/w3c/positions';
import type { IncomingAnnotation } from './types';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function looseOccurrences(text: string, exact: string): { start: number; end: number }[] {
  const words = exact.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return [...text.matchAll(new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function anchorIn(text: string, a: IncomingAnnotation): AnchorUpdate {
  const position = a.position ? { start: fromCodePoints(text, a.position.start), end: fromCodePoints(text, a.position.end) } : null;
  // "Moved" tells the reader Gloss had it elsewhere; only a file from Gloss (which says how it was
  // anchored) can say that. Other tools count positions over their own rendering of the page.
  const status = (start: number, end: number): AnchorStatus => {
    if (!position || a.anchor === null) return 'anchored';
    if (position.start !== start || position.end !== end) return 'moved';
    // Where the file put it: the exporting library's own verdict on how it got there still holds.
    return a.anchor === 'moved' || a.anchor === 'fuzzy' ? a.anchor : 'anchored';
  };
  const [result] = reanchor(text, text, [{ id: a.id, start: position?.start ?? 0, end: position?.end ?? 0, ...a.quote }]);
  if (result && result.status !== 'orphaned')
    return { ...quoteSelectorAt(text, result.start, result.end), start: result.start, end: result.end, anchor: status(result.start, result.end) };
  const loose = looseOccurrences(text, a.quote.exact);
  if (loose.length === 1) {
    const { start, end } = loose[0]!;
    return { ...quoteSelectorAt(text, start, end), start, end, anchor: status(start, end) };
  }
  // An orphan's range is only kept to satisfy the table (a range is never empty); nothing reads it.
  const kept = position && position.end > position.start ? position : { start: 0, end: a.quote.exact.length };
  return { ...a.quote, ...kept, anchor: 'orphaned' };
}
