// parseFigures: every quantity in a highlighted claim, read into Figure records to prefill the figure form.
import { nounPhraseAfter, pluralNounAfter, subjectAfter, subjectBefore, type NounPhrase } from './context';
import {
  currencyAfter,
  currencyBefore,
  identifierBefore,
  monthNextTo,
  percentAfter,
  periodAfter,
  periodOfAdjective,
  qualifierAfter,
  qualifierBefore,
  scaleAfter,
  timePrepositionBefore,
} from './lexicon';
import { findNumerals, isYearLike, scaleDecimal, shiftDecimal, type Numeral } from './numbers';
import { readRatio } from './ratio';
import { findTimes, timeFinder } from './time';
import { SCALE_EXPONENT, type Figure, type Period, type Qualifier, type Scale } from './types';
import { UNIT_BY_ID } from './units';

/** One number with what is written on it: sign, currency, scale, percent sign. */
interface Amount {
  start: number;
  end: number;
  numeral: Numeral;
  negative: boolean;
  currency: string | null;
  percent: string | null;
  scale: Scale | null;
}

type Range = { low: Amount; high: Amount; lowDecimal: string; highDecimal: string; scale: Scale | null };

const exponent = (s: Scale | null): number => (s ? SCALE_EXPONENT[s] : 0);
// -0 would survive into the form as "-0" and fail equality checks.
const plain = (n: number): number => (n === 0 ? 0 : n);

function readAmount(text: string, n: Numeral): Amount {
  let start = n.start;
  let end = n.end;
  const before = n.word ? null : currencyBefore(text, start);
  let currency = before?.value ?? null;
  if (before) start = before.at;
  let negative = false;
  // A minus sign stands at the start of a word; "10-15" and "COVID-19" are not negative numbers.
  if (!n.afterDigitDash && /^(?:^|[\s([])[-−+]$/u.test(text.slice(Math.max(0, start - 2), start).padStart(2, ' '))) {
    negative = text[start - 1] !== '+';
    start -= 1;
  }
  let scale: Scale | null = null;
  const sc = scaleAfter(text, end);
  if (sc) {
    // "5m" or "3 b" is money or a count of people in the press, but "100m" alone is a distance.
    const plausible = !sc.letter || currency !== null || (sc.glued && (sc.value === 'thousand' || nounPhraseAfter(text, sc.at) !== null));
    if (plausible || currencyAfter(text, sc.at)) {
      scale = sc.value;
      end = sc.at;
    }
  }
  let percent: string | null = null;
  if (!scale && !currency) {
    const pc = percentAfter(text, end);
    if (pc) {
      percent = pc.value;
      end = pc.at;
    }
  }
  if (!currency && !percent) {
    const after = currencyAfter(text, end);
    if (after) {
      currency = after.value;
      end = after.at;
    }
  }
  return { start, end, numeral: n, negative, currency, percent, scale };
}

const unitOf = (a: Amount): string | null => a.currency ?? a.percent;
const isBare = (a: Amount): boolean => !a.currency && !a.percent && !a.scale;
const valueOf = (decimal: string, exp: number, negative: boolean): number => scaleDecimal(decimal, exp, negative);

interface Shared {
  expA: number;
  expB: number;
}

/** The unit and scale two neighbouring amounts share, the way people write them: "2–3 million", "US$150-200 billion". */
function share(a: Amount, b: Amount): Shared | null {
  const ua = unitOf(a);
  const ub = unitOf(b);
  if (ua && ub && ua !== ub) return null;
  let expA = exponent(a.scale);
  let expB = exponent(b.scale);
  // A missing scale is shared only where that keeps the pair in order: "2–3 million" but not "500,000 to 2 million".
  if (!a.scale && b.scale && valueOf(a.numeral.decimal, expB, a.negative) <= valueOf(b.numeral.decimal, expB, b.negative)) expA = expB;
  if (!b.scale && a.scale && valueOf(b.numeral.decimal, expA, b.negative) >= valueOf(a.numeral.decimal, expA, a.negative)) expB = expA;
  return { expA, expB };
}

const scaleNamed = (a: Amount, b: Amount, exp: number): Scale | null =>
  a.scale && exponent(a.scale) === exp ? a.scale : b.scale && exponent(b.scale) === exp ? b.scale : null;

/** Both ends in one scale (the larger), low before high. */
function joinRange(a: Amount, b: Amount, { expA, expB }: Shared): Range {
  const common = Math.max(expA, expB);
  const scale = scaleNamed(a, b, common);
  let lowDecimal = shiftDecimal(a.numeral.decimal, expA - common);
  let highDecimal = shiftDecimal(b.numeral.decimal, expB - common);
  const swapped = valueOf(lowDecimal, 0, a.negative) > valueOf(highDecimal, 0, b.negative);
  if (swapped) [lowDecimal, highDecimal] = [highDecimal, lowDecimal];
  return swapped ? { low: b, high: a, lowDecimal, highDecimal, scale } : { low: a, high: b, lowDecimal, highDecimal, scale };
}

const BETWEEN_RE = /(?<![\p{L}])between[^\S\n]+$/iu;
const FROM_RE = /(?<![\p{L}])from[^\S\n]+$/iu;
const PER_RE = /(?<![\p{L}])per[^\S\n]+$/iu;

function readFigure(text: string, numerals: readonly Numeral[], i: number, after: number): { figure: Figure | null; next: number } {
  const ratio = readRatio(text, numerals, i, after);
  if (ratio) return ratio;
  const n = numerals[i]!;
  const a = readAmount(text, n);
  // Letters glued to the digits that are neither a scale nor a unit: "100m sprint", "5k run" without a noun.
  if (!n.word && a.end === n.end && /^\p{L}/u.test(text.slice(n.end, n.end + 1))) return { figure: null, next: i + 1 };
  const before = text.slice(Math.max(0, a.start - 12), a.start);
  let next = i + 1;

  // --- a range: "between A and B", "A–B", "A to B"; "from A to B" is a change, two figures that share their unit
  let range: Range | null = null;
  let last = a;
  let partner: { amount: Amount; shared: Shared } | null = null;
  const between = BETWEEN_RE.exec(before);
  const nb = numerals[i + 1];
  if (nb) {
    const b = readAmount(text, nb);
    const gap = text.slice(a.end, b.start);
    const to = /^[^\S\n]+to[^\S\n]+$/i.test(gap);
    const from = to && FROM_RE.test(before);
    const joined = between ? /^[^\S\n]+and[^\S\n]+$/i.test(gap) : /^[^\S\n]?[-–—][^\S\n]?$/.test(gap) || to;
    if (joined) {
      const years = isBare(a) && isBare(b) && isYearLike(a.numeral) && (isYearLike(b.numeral) || (/^\d\d$/.test(b.numeral.decimal) && !between));
      // "between 2010 and 2012", "2010–12": a time span, left to the time reader.
      if (years) return { figure: null, next: i + 2 };
      const shared = share(a, b);
      if (shared && from) partner = { amount: b, shared };
      else if (shared) {
        range = joinRange(a, b, shared);
        last = b;
        next = i + 2;
      }
    }
  }
  const lead = range && between ? a.start - between[0].length : a.start;

  // --- what follows: trailing qualifier, counted noun, period
  let end = last.end;
  const other = partner?.amount ?? last;
  const currency = a.currency ?? other.currency;
  const percent = a.percent ?? other.percent;
  const scale = range ? range.scale : partner ? scaleNamed(a, partner.amount, partner.shared.expA) : a.scale;
  let qualifier: Qualifier | null = null;
  const qa = qualifierAfter(text, end);
  if (qa) {
    qualifier = qa.value;
    end = qa.at;
  }
  let noun: NounPhrase | null = null;
  let borrowed: NounPhrase | null = null;
  if (!currency && !percent) {
    noun = nounPhraseAfter(text, end);
    if (noun) end = noun.end;
    // "from 2,000 to 3,000 cases": the first number counts cases too, though the word is not next to it.
    if (!noun && partner) borrowed = nounPhraseAfter(text, partner.amount.end);
    const qn = !qa && noun ? qualifierAfter(text, end) : null;
    if (qn) {
      qualifier = qn.value;
      end = qn.at;
    }
  }
  let period: Period | null = null;
  const pa = periodAfter(text, end);
  if (pa) {
    period = pa.value;
    end = pa.at;
  }

  // --- what is not a figure
  const bare = !currency && !percent && !scale && !noun && !borrowed;
  const qb = qualifierBefore(text, lead);
  if (!range) {
    if (isYearLike(n) && !a.negative && ((bare && !qb?.numeric) || (noun && timePrepositionBefore(text, a.start)))) return { figure: null, next };
    if (n.afterDigitDash) return { figure: null, next };
  }
  if (PER_RE.test(before)) return { figure: null, next };
  if (bare && !period && isNameOrMarker(text, a, last)) return { figure: null, next };
  if (n.word && !scale && !currency && !percent && (!(noun ?? borrowed) || (n.decimal === '1' && noun?.singular))) return { figure: null, next };

  // --- qualifier before, and what the figure is of
  let start = lead;
  // A qualifier already read as the end of the previous figure ("… or more than 5,000") is not taken twice.
  if (qb && !qualifier && qb.at >= after) {
    qualifier = qb.value;
    start = qb.at;
  }
  const counted = noun ?? borrowed;
  // A length in years has no subject of its own ("15-year" is not about a "year").
  let subject: string | null = counted && UNIT_BY_ID.get(counted.unit)?.kind === 'count' ? counted.text : null;
  if (!counted) {
    const sa = subjectAfter(text, end, currency !== null);
    if (sa) {
      subject = sa.text;
      const later = period ? null : periodAfter(text, sa.end);
      if (later) {
        period = later.value;
        end = later.at;
      }
    } else {
      subject = (!currency && !percent ? pluralNounAfter(text, end)?.text : null) ?? subjectBefore(text, start);
    }
  }
  if (!period && subject && !counted) period = periodOfAdjective(subject.split(/\s+/)[0]!);

  const unit = currency ?? percent ?? counted?.unit ?? 'count';
  const exp = exponent(scale);
  const figure: Figure = {
    surface: text.slice(start, end),
    start,
    end,
    value: range ? null : plain(valueOf(n.decimal, 0, a.negative)),
    low: range ? plain(valueOf(range.lowDecimal, 0, range.low.negative)) : null,
    high: range ? plain(valueOf(range.highDecimal, 0, range.high.negative)) : null,
    unit,
    scale,
    normalized: range ? null : plain(valueOf(n.decimal, exp, a.negative)),
    normalizedLow: range ? plain(valueOf(range.lowDecimal, exp, range.low.negative)) : null,
    normalizedHigh: range ? plain(valueOf(range.highDecimal, exp, range.high.negative)) : null,
    period,
    timeStart: null,
    timeEnd: null,
    qualifier,
    subject,
  };
  return { figure: start >= after ? figure : null, next };
}

/** A bare number that names or marks something: "Article 3", "ISO 9001", "[12]", "12 March", a list's "1.", "3-star". */
function isNameOrMarker(text: string, a: Amount, last: Amount): boolean {
  const before = text.slice(Math.max(0, a.start - 2), a.start);
  const after = text.slice(last.end, last.end + 2);
  if (identifierBefore(text, a.start)) return true;
  if (a === last && monthNextTo(text, a.start, a.end)) return true;
  if (before.endsWith('[') && after.startsWith(']')) return true;
  if (before.endsWith('(') && after.startsWith(')') && Number(a.numeral.decimal) < 100) return true;
  if (/(?:^|\n)[^\S\n]*$/.test(text.slice(Math.max(0, a.start - 8), a.start)) && /^[.)]/.test(after)) return true;
  return /^-\p{L}/u.test(after);
}

/** Every figure in `text`, in order of position. Never throws; text without figures gives []. */
export function parseFigures(text: string): Figure[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const numerals = findNumerals(text);
  const figures: Figure[] = [];
  let lastEnd = 0;
  for (let i = 0; i < numerals.length;) {
    if (numerals[i]!.start < lastEnd) {
      i += 1;
      continue;
    }
    const { figure, next } = readFigure(text, numerals, i, lastEnd);
    if (figure) {
      figures.push(figure);
      lastEnd = figure.end;
    }
    i = next;
  }
  if (figures.length === 0) return figures;
  const nearestTime = timeFinder(text, findTimes(text, figures));
  for (const f of figures) {
    const t = nearestTime(f);
    if (t) {
      f.timeStart = t.from;
      f.timeEnd = t.to;
    }
  }
  return figures;
}
