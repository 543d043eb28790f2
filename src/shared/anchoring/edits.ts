// Turns whatever the caller knows about a revision into the normalised edit list the engine maps through.
import { diffTexts } from './diff';
import type { Edit } from './types';

/**
 * Checks that `edits` turn `oldText` into `newText`, then narrows each to the characters that
 * really differ (an editor may report a whole paragraph as replaced when one word changed) and
 * merges edits that touch. Returns null when the edits do not describe this revision.
 */
export function normalizeEdits(oldText: string, newText: string, edits: readonly Edit[]): Edit[] | null {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  let at = 0;
  let newAt = 0;
  for (const e of sorted) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || typeof e.text !== 'string') return null;
    if (e.start < at || e.end < e.start || e.end > oldText.length) return null;
    const same = e.start - at;
    if (oldText.slice(at, e.start) !== newText.slice(newAt, newAt + same)) return null;
    newAt += same;
    if (!newText.startsWith(e.text, newAt)) return null;
    newAt += e.text.length;
    at = e.end;
  }
  if (oldText.length - at !== newText.length - newAt || oldText.slice(at) !== newText.slice(newAt)) return null;

  const out: Edit[] = [];
  for (const e of sorted) {
    for (const fine of diffTexts(oldText.slice(e.start, e.end), e.text)) {
      const edit = { start: fine.start + e.start, end: fine.end + e.start, text: fine.text };
      const last = out[out.length - 1];
      if (last && last.end >= edit.start) {
        last.end = edit.end;
        last.text += edit.text;
      } else {
        out.push(edit);
      }
    }
  }
  return out;
}

/** The caller's edits when they describe this revision, otherwise a computed diff. */
export function editsBetween(oldText: string, newText: string, edits?: readonly Edit[]): Edit[] {
  return (edits && normalizeEdits(oldText, newText, edits)) ?? diffTexts(oldText, newText);
}
