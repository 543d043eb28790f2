// The words around an amount that say what is counted: "7,000 trafficking victims", "40 percent of the victims".
import { FILLER_NOUNS, nounUnit, STOPWORDS } from './lexicon';

export interface Phrase {
  text: string;
  start: number;
  end: number;
}

export interface NounPhrase extends Phrase {
  unit: string;
  /** Written in the singular ("1 victim", "15-year"). */
  singular: boolean;
}

// Same-line whitespace or a hyphen, then a word; words may carry inner hyphens or apostrophes ("forced-labour", "women's").
const WORD_RE = /(?:[^\S\n]+|(-))([\p{L}][\p{L}'’]*(?:-[\p{L}][\p{L}'’]*)*)/uy;

function wordAt(text: string, pos: number): { word: string; start: number; end: number; hyphen: boolean } | null {
  WORD_RE.lastIndex = pos;
  const m = WORD_RE.exec(text);
  if (!m) return null;
  return { word: m[2]!, start: WORD_RE.lastIndex - m[2]!.length, end: WORD_RE.lastIndex, hyphen: m[1] !== undefined };
}

/** A counted noun from the vocabulary right after `pos`, with up to two modifiers before it ("migrant workers"). */
export function nounPhraseAfter(text: string, pos: number): NounPhrase | null {
  let at = pos;
  let start = -1;
  for (let i = 0; i < 3; i++) {
    const w = wordAt(text, at);
    if (!w) return null;
    // "15-year" names a length; "3-star" or "10-fold" is not a count of stars.
    if (w.hyphen && i > 0) return null;
    if (start < 0) start = w.start;
    // "year-old": only the head before the hyphen counts.
    const head = w.word.split('-')[0]!;
    const noun = nounUnit(w.hyphen ? head : w.word);
    if (noun) {
      const end = w.hyphen ? w.start + head.length : w.end;
      return { ...noun, text: text.slice(start, end), start, end };
    }
    if (w.hyphen || STOPWORDS.has(w.word.toLowerCase())) return null;
    at = w.end;
  }
  return null;
}

const DETERMINERS = /[^\S\n]+(of|in)[^\S\n]+(?:(?:the|all|these|those|its|their|his|her|our|such|this|that|a|an)[^\S\n]+)?/iuy;

/** "… of the victims", "… in global revenues": what a percentage or a sum of money is of. */
export function subjectAfter(text: string, pos: number, allowIn: boolean): Phrase | null {
  DETERMINERS.lastIndex = pos;
  const lead = DETERMINERS.exec(text);
  if (!lead || (lead[1]!.toLowerCase() === 'in' && !allowIn)) return null;
  // Let the word pattern see the separator before the first word.
  let at = DETERMINERS.lastIndex - 1;
  let start = -1;
  let end = -1;
  for (let i = 0; i < 4; i++) {
    const w = wordAt(text, at);
    if (!w || w.hyphen) break;
    const lower = w.word.toLowerCase();
    if (STOPWORDS.has(lower)) break;
    // Place names and sentence-like continuations ("victims detected", "revenues generated") end the phrase.
    if (i === 0 && /^\p{Lu}/u.test(w.word)) break;
    if (i > 0 && /(?:ed|ing)$/.test(lower)) break;
    if (start < 0) start = w.start;
    end = w.end;
    at = w.end;
    if (nounUnit(w.word)) break;
  }
  if (start < 0) return null;
  const phrase = text.slice(start, end);
  const last = phrase.split(/\s+/).at(-1)!.toLowerCase();
  return FILLER_NOUNS.has(last) ? null : { text: phrase, start, end };
}

const BEFORE_OF = /(?<![\p{L}'’-])((?:[\p{L}][\p{L}'’-]*[^\S\n]+)?[\p{L}][\p{L}'’-]*)[^\S\n]+of[^\S\n]+$/u;

/** "annual profits of US$150 billion": the words before "of" name the money. */
export function subjectBefore(text: string, pos: number): string | null {
  const m = BEFORE_OF.exec(text.slice(Math.max(0, pos - 60), pos));
  if (!m) return null;
  const words = m[1]!.split(/[^\S\n]+/);
  while (words.length > 0 && STOPWORDS.has(words[0]!.toLowerCase())) words.shift();
  const last = words.at(-1)?.toLowerCase();
  if (last === undefined || STOPWORDS.has(last) || FILLER_NOUNS.has(last)) return null;
  return words.join(' ');
}

/** A plural noun outside the vocabulary ("10k runners", "5,000 hectares"): not a unit, but what is counted. */
export function pluralNounAfter(text: string, pos: number): Phrase | null {
  const w = wordAt(text, pos);
  if (!w || w.hyphen || !/^\p{Ll}[\p{Ll}'’-]{2,}s$/u.test(w.word) || /(?:ss|us|is)$/.test(w.word) || STOPWORDS.has(w.word)) return null;
  return { text: w.word, start: w.start, end: w.end };
}
