// The words and patterns the figure parser recognises around a number, built once from UNITS.
import type { Period, Qualifier, Scale } from './types';
import { UNITS } from './units';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
// Longest first, so that "US$" wins over "$" and "Pakistani rupees" over "rupees".
const alternation = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
const squash = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');
/** Figures never run across a line break: `\s` in these patterns means a space on the same line. */
const sameLine = (source: string, flags: string): RegExp => new RegExp(source.replace(/\\s/g, '[^\\S\\n]'), flags);

// --- Currency -------------------------------------------------------------------------------

const currencies = UNITS.filter((u) => u.kind === 'currency');
const prefixToUnit = new Map<string, string>();
const suffixToUnit = new Map<string, string>();
const wordToUnit = new Map<string, string>();
for (const u of currencies) {
  prefixToUnit.set(u.id, u.id);
  suffixToUnit.set(u.id, u.id);
  for (const p of u.prefixes ?? []) prefixToUnit.set(p, u.id);
  for (const s of u.suffixes ?? []) suffixToUnit.set(s, u.id);
  for (const w of u.words ?? []) {
    wordToUnit.set(squash(w), u.id);
    // "dollars" also stands for "one dollar"; words without a plural "s" (yen, baht) stay as they are.
    if (w.endsWith('s') && !w.endsWith('ss')) wordToUnit.set(squash(w.slice(0, -1)), u.id);
  }
}

/** A currency symbol or code just before the amount: "US$", "USD ", "Rp", "RM". Case-sensitive on purpose. */
const PREFIX_RE = sameLine(`(?<![\\p{L}\\p{N}$])(${alternation(prefixToUnit.keys())})\\s?$`, 'u');
const SUFFIX_RE = sameLine(`\\s?(${alternation(suffixToUnit.keys())})(?![\\p{L}\\p{N}])`, 'uy');
const WORD_RE = sameLine(`\\s+(${alternation(wordToUnit.keys())})(?![\\p{L}\\p{N}])`, 'iuy');

export interface Match<T> {
  value: T;
  /** For matches before a position: where the match starts. For matches after: where it ends. */
  at: number;
}

export function currencyBefore(text: string, pos: number): Match<string> | null {
  const from = Math.max(0, pos - 16);
  const m = PREFIX_RE.exec(text.slice(from, pos));
  const unit = m ? prefixToUnit.get(m[1]!.replace(/\s+/g, ' ')) : undefined;
  return m && unit ? { value: unit, at: from + m.index } : null;
}

export function currencyAfter(text: string, pos: number): Match<string> | null {
  SUFFIX_RE.lastIndex = pos;
  const s = SUFFIX_RE.exec(text);
  if (s) return { value: suffixToUnit.get(s[1]!)!, at: SUFFIX_RE.lastIndex };
  WORD_RE.lastIndex = pos;
  const w = WORD_RE.exec(text);
  const unit = w ? wordToUnit.get(squash(w[1]!)) : undefined;
  return w && unit ? { value: unit, at: WORD_RE.lastIndex } : null;
}

// --- Scale, percent, period -----------------------------------------------------------------

const SCALE_WORDS: Record<string, Scale> = {
  thousand: 'thousand',
  k: 'thousand',
  million: 'million',
  mn: 'million',
  mln: 'million',
  m: 'million',
  billion: 'billion',
  bn: 'billion',
  b: 'billion',
  trillion: 'trillion',
  tn: 'trillion',
  trn: 'trillion',
};
const SCALE_RE = sameLine(String.raw`(\s*)(thousand|million|billion|trillion|bn|mn|mln|tn|trn|k|m|b)(?![\p{L}\p{N}])`, 'iuy');

export interface ScaleMatch extends Match<Scale> {
  /** A one-letter abbreviation ("5m", "$3 b"), which is ambiguous without money (metres, bytes). */
  letter: boolean;
  glued: boolean;
}

export function scaleAfter(text: string, pos: number): ScaleMatch | null {
  SCALE_RE.lastIndex = pos;
  const m = SCALE_RE.exec(text);
  if (!m) return null;
  const word = m[2]!.toLowerCase();
  const scale = SCALE_WORDS[word];
  if (!scale) return null;
  const letter = word.length === 1;
  // "5 M" and "5 K" read as scales only when glued; written-out words ("5 million") may be spaced.
  if (letter && m[1] !== '' && m[1] !== ' ') return null;
  return { value: scale, at: SCALE_RE.lastIndex, letter, glued: m[1] === '' };
}

const PERCENT_RE = sameLine(String.raw`(?:\s?(%)|\s?(percentage\s+points?)(?![\p{L}])|\s?(?:percent|per\s?cent|per-cent|pct|pc)(?![\p{L}\p{N}]))`, 'iuy');

export function percentAfter(text: string, pos: number): Match<string> | null {
  PERCENT_RE.lastIndex = pos;
  const m = PERCENT_RE.exec(text);
  if (!m) return null;
  return { value: m[2] ? 'percentage points' : 'percent', at: PERCENT_RE.lastIndex };
}

const PERIOD_UNITS: Record<string, Period> = {
  year: 'per year',
  yr: 'per year',
  y: 'per year',
  annum: 'per year',
  annually: 'per year',
  yearly: 'per year',
  'p.a.': 'per year',
  month: 'per month',
  mo: 'per month',
  monthly: 'per month',
  week: 'per week',
  wk: 'per week',
  weekly: 'per week',
  day: 'per day',
  d: 'per day',
  daily: 'per day',
};
// "a year ago", "a year-old", "a year earlier" say when, not how often.
const PERIOD_RE = sameLine(
  String.raw`(?:\s+(?:per|a|an|each|every)\s+(year|annum|month|week|day)(?!\s+(?:ago|earlier|later|before|after|old|on)\b)(?![\p{L}\p{N}-])|\s+(annually|yearly|monthly|weekly|daily)(?![\p{L}\p{N}])|\s*\/\s?(year|yr|y|month|mo|week|wk|day|d)(?![\p{L}\p{N}])|\s+(p\.a\.))`,
  'iuy',
);

export function periodAfter(text: string, pos: number): Match<Period> | null {
  PERIOD_RE.lastIndex = pos;
  const m = PERIOD_RE.exec(text);
  if (!m) return null;
  const key = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').toLowerCase();
  const period = PERIOD_UNITS[key];
  return period ? { value: period, at: PERIOD_RE.lastIndex } : null;
}

const PERIOD_ADJECTIVES: Record<string, Period> = { annual: 'per year', yearly: 'per year', monthly: 'per month', weekly: 'per week', daily: 'per day' };

/** "annual profits", "daily wages": a period carried by the words that name the money. */
export function periodOfAdjective(word: string): Period | null {
  return PERIOD_ADJECTIVES[word.toLowerCase()] ?? null;
}

// --- Qualifiers -----------------------------------------------------------------------------

interface QualifierWord {
  qualifier: Qualifier;
  /** Whether it marks a quantity rather than a date: "nearly 2000" is a count, "around 2000" a year. */
  numeric: boolean;
}
const q = (qualifier: Qualifier, numeric: boolean, ...words: string[]): [string, QualifierWord][] => words.map((w) => [w, { qualifier, numeric }]);
const QUALIFIERS_BEFORE = new Map<string, QualifierWord>([
  ...q('approximately', true, 'approximately', 'approx.', 'approx', 'an estimated', 'estimated', 'est.', 'roughly', '~', '≈', 'some estimated'),
  ...q('approximately', false, 'about', 'around', 'circa', 'c.', 'ca.'),
  ...q('more than', true, 'more than', 'greater than', 'in excess of', 'upwards of', 'well over', 'just over', '>'),
  ...q('more than', false, 'over', 'above', 'exceeding'),
  ...q('less than', true, 'less than', 'fewer than', 'just under', '<'),
  ...q('less than', false, 'under', 'below'),
  ...q('at least', true, 'at least', 'no fewer than', 'no less than', 'a minimum of', 'not less than', '≥'),
  ...q('at most', true, 'at most', 'no more than', 'not more than', 'a maximum of', '≤'),
  ...q('up to', true, 'as many as', 'as much as', 'as high as'),
  ...q('up to', false, 'up to'),
  ...q('some', true, 'some'),
  ...q('nearly', true, 'nearly', 'almost', 'close to', 'just short of', 'nigh on'),
  ...q('exactly', true, 'exactly', 'precisely'),
]);
const QUALIFIER_BEFORE_RE = sameLine(`(?<![\\p{L}\\p{N}])(${alternation(QUALIFIERS_BEFORE.keys())})\\s*$`, 'iu');

export function qualifierBefore(text: string, pos: number): (Match<Qualifier> & { numeric: boolean }) | null {
  const from = Math.max(0, pos - 24);
  const m = QUALIFIER_BEFORE_RE.exec(text.slice(from, pos));
  const word = m ? QUALIFIERS_BEFORE.get(squash(m[1]!)) : undefined;
  return m && word ? { value: word.qualifier, numeric: word.numeric, at: from + m.index } : null;
}

const QUALIFIER_AFTER_RE = sameLine(
  String.raw`(?:(\+)|-(plus)|\s+(or more|or over|or above|and above|and over|and more|or fewer|or less|or so|plus))(?![\p{L}\p{N}])`,
  'iuy',
);
const QUALIFIERS_AFTER: Record<string, Qualifier> = {
  '+': 'more than',
  plus: 'more than',
  'or more': 'at least',
  'or over': 'at least',
  'or above': 'at least',
  'and above': 'at least',
  'and over': 'at least',
  'and more': 'at least',
  'or fewer': 'at most',
  'or less': 'at most',
  'or so': 'approximately',
};

export function qualifierAfter(text: string, pos: number): Match<Qualifier> | null {
  QUALIFIER_AFTER_RE.lastIndex = pos;
  const m = QUALIFIER_AFTER_RE.exec(text);
  if (!m) return null;
  const word = squash(m[1] ?? m[2] ?? m[3] ?? '');
  const qualifier = QUALIFIERS_AFTER[word];
  return qualifier ? { value: qualifier, at: QUALIFIER_AFTER_RE.lastIndex } : null;
}

// --- Nouns and context words ----------------------------------------------------------------

const nounToUnit = new Map<string, { unit: string; singular: boolean }>();
for (const u of UNITS) {
  if ((u.kind !== 'count' && u.kind !== 'time') || u.id === 'count') continue;
  nounToUnit.set(u.id, { unit: u.id, singular: false });
  if (u.singular) nounToUnit.set(u.singular, { unit: u.id, singular: true });
  for (const f of u.forms ?? []) nounToUnit.set(f, { unit: u.id, singular: f === u.singular });
}
nounToUnit.set('fisherman', { unit: 'fishers', singular: true });

export function nounUnit(word: string): { unit: string; singular: boolean } | null {
  return nounToUnit.get(word.toLowerCase().replace(/['’]s?$/, '')) ?? null;
}

/** Words that end a noun phrase: they are never the counted thing nor a modifier of it. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those of in on at to for from by with without within and or but nor as than then so such ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'who whom whose which what where when why how it its they them their theirs he she him her his hers we us our you your ' +
    'not no only also more most less least fewer over under about around into onto out up down across among between ' +
    'during since until per each every all both some any many much several few other another same own very just ' +
    'while whereas because if though although after before ago later earlier again still yet there here'
  ).split(' '),
);

/** Nouns that say "a quantity" rather than what is counted: "a total of 7,000" has no subject. */
export const FILLER_NOUNS: ReadonlySet<string> = new Set(
  (
    'total sum number figure figures estimate estimates average maximum minimum amount value level rate share increase ' +
    'decrease rise fall drop growth reduction decline jump loss gain upwards excess order range margin tune tally count'
  ).split(' '),
);

const IDENTIFIER_WORDS =
  'article|art\\.|section|sec\\.|chapter|ch\\.|table|figure|fig\\.|annex|appendix|paragraph|para\\.|page|pages|p\\.|pp\\.|' +
  'no\\.|nos\\.|number|#|№|goal|target|indicator|resolution|convention|protocol|rule|principle|recommendation|part|' +
  'volume|vol\\.|issue|box|step|phase|level|tier|grade|clause|law|act|decree|regulation|footnote|note|item|category|' +
  'version|route|highway|room|floor|platform|gate|model|series|session|chart|exhibit|schedule|question|option';
/** A bare number right after one of these names a thing ("Article 3", "ISO 9001") rather than counting. */
const IDENTIFIER_BEFORE_RE = sameLine(`(?:(?<![\\p{L}\\p{N}])(?:${IDENTIFIER_WORDS})|(?<![\\p{L}\\p{N}])[A-Z]{2,}[A-Z0-9]*)\\s*$`, 'u');
const IDENTIFIER_BEFORE_CI_RE = sameLine(`(?<![\\p{L}\\p{N}])(?:${IDENTIFIER_WORDS})\\s*$`, 'iu');

export function identifierBefore(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 20), pos);
  return IDENTIFIER_BEFORE_RE.test(before) || IDENTIFIER_BEFORE_CI_RE.test(before);
}

/** Words after which a year-like number is a year even if a noun follows ("In 2014 victims were …"). */
const TIME_PREPOSITION_RE = sameLine(
  String.raw`(?<![\p{L}\p{N}])(?:in|since|by|during|until|till|through|before|after|from|between|as of|as at|year|fiscal|FY|early|mid|late)(?:\s|-)*$`,
  'iu',
);

export function timePrepositionBefore(text: string, pos: number): boolean {
  return TIME_PREPOSITION_RE.test(text.slice(Math.max(0, pos - 12), pos));
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const MONTH_PATTERN = `(?:${MONTHS.join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?`;
const MONTH_AFTER_RE = sameLine(`^\\s+${MONTH_PATTERN}(?![\\p{L}])`, 'u');
const MONTH_BEFORE_RE = sameLine(`(?<![\\p{L}])${MONTH_PATTERN}\\s+$`, 'u');

/** "12 March", "March 12": a day of the month, not a count. */
export function monthNextTo(text: string, start: number, end: number): boolean {
  return MONTH_AFTER_RE.test(text.slice(end, end + 12)) || MONTH_BEFORE_RE.test(text.slice(Math.max(0, start - 12), start));
}
