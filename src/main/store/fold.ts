// Prepares text for the FTS5 index and queries for it. SQLite's unicode61 tokenizer splits words
// at spaces and punctuation, which scripts such as Chinese, Japanese and Thai do not use, so runs
// of those scripts are cut into grapheme clusters separated by an invisible ZERO WIDTH SPACE
// (a separator to the tokenizer). A query is folded the same way and searched as a phrase, so a
// word in those scripts is found wherever its characters stand in order.

const NO_SPACE_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{M}]*/gu;
export const CUT = '\u200B';

let graphemes: Intl.Segmenter | undefined;

function cutRun(run: string): string {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(run), (s) => s.segment).join(CUT);
}

export function foldForIndex(text: string): string {
  return text.replace(NO_SPACE_RUN, cutRun);
}

/** Removes the cuts again, for snippets shown to a person. */
export function unfold(text: string): string {
  return text.split(CUT).join('');
}

const WORDY = /[\p{L}\p{N}]/u;

/**
 * Turns whatever a person typed into a safe FTS5 query: every term becomes a quoted string
 * (FTS5 syntax such as NEAR, AND, -, * or an unbalanced quote is taken as text), terms are
 * ANDed, and the last bare term matches as a prefix so results come while typing. Returns null
 * when nothing searchable is left (only punctuation, say).
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const pattern = /"([^"]*)"?|([^\s"]+)/g;
  let lastBare = false;
  // Control characters end an FTS5 string early; a person never means them.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  for (const match of input.replace(/[\u0000-\u001f\u007f]/g, ' ').matchAll(pattern)) {
    const phrase = match[1];
    const term = phrase ?? match[2] ?? '';
    if (!WORDY.test(term)) continue;
    terms.push(`"${foldForIndex(term).replace(/"/g, '""')}"`);
    lastBare = phrase === undefined;
  }
  if (terms.length === 0) return null;
  if (lastBare && !/\s$/.test(input)) terms[terms.length - 1] += '*';
  return terms.join(' ');
}
