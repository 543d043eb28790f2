// Finding numerals (digits and common number words) in text, and exact decimal arithmetic on them.
import { currencyBefore } from './lexicon';

export interface Numeral {
  start: number;
  end: number;
  /** The number as a plain decimal string ("7000", "1.5"), so scaling never goes through binary fractions. */
  decimal: string;
  word: boolean;
  /** Written with thousands separators ("7,000"): never a year. */
  grouped: boolean;
  /** Right after "digit-" ("pp. 10-15"): only meaningful as the end of a range. */
  afterDigitDash: boolean;
}

// Thousands groups must all use the same separator, and every group after the first has exactly three digits,
// so "2014 300" stays two numbers and "1,5" is not one thousand five hundred.
const DIGITS_RE = /(?:\d{1,3}([,\u00a0\u202f\u2009 ])\d{3}(?:\1\d{3})*(?!\d)|\d+)(?:\.\d+)?/g;
// Letters that may follow digits directly: scales ("32bn", "5m"), percent ("40pc") and currency codes ("5USD").
const GLUED_SUFFIX_RE = /^(?:bn|mn|mln|tn|trn|k|m|b|pc|pct|percent|thousand|million|billion|trillion|[A-Z]{3})(?![\p{L}\p{N}])/iu;
const LETTER_RE = /[\p{L}\p{N}_]/u;

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNDER_100 = `(?:(?:${TENS.join('|')})(?:[- ](?:${ONES.join('|')}))?|${TEENS.join('|')}|${ONES.join('|')})`;
const WORDS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(?:(?:a|one|${ONES.join('|')})[ ]hundred(?:[ ](?:and[ ])?${UNDER_100})?|${UNDER_100}|a(?=[ ](?:thousand|million|billion|trillion)(?![\\p{L}])))(?![\\p{L}\\p{N}])`,
  'giu',
);

function wordValue(words: string): number {
  let current = 0;
  for (const w of words.toLowerCase().split(/[ -]+/)) {
    if (w === 'and') continue;
    if (w === 'a') current += 1;
    else if (w === 'hundred') current *= 100;
    else if (ONES.includes(w)) current += ONES.indexOf(w) + 1;
    else if (TEENS.includes(w)) current += TEENS.indexOf(w) + 10;
    else if (TENS.includes(w)) current += (TENS.indexOf(w) + 2) * 10;
  }
  return current;
}

export function findNumerals(text: string): Numeral[] {
  const found: Numeral[] = [];
  for (const m of text.matchAll(DIGITS_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 8), start);
    const prev = before.at(-1) ?? '';
    const next = text.slice(end, end + 12);
    const intDigits = m[0].replace(/\D/g, '').length - (m[0].split('.')[1]?.length ?? 0);
    // Longer runs are account numbers and ids; they would also overflow exact arithmetic.
    if (intDigits > 18) continue;
    // Digits glued to letters ("G20", "H1N1") are names, unless the letters are money ("Rp5000", "USD5").
    if (LETTER_RE.test(prev) && !currencyBefore(text, start)) continue;
    // "COVID-19", "mid-2014": a number glued to a word by a hyphen is part of a name or a date.
    if (/[\p{L}][-‐]$/u.test(before)) continue;
    // Dotted and comma-split runs ("3.2.1", "1,5") and clock times ("10:30") are not quantities.
    // Fractions and dates ("3/4", "12/03/2014", "24/7") are not quantities either.
    if (/\d[.,:/]$/.test(before) || /^[.,:/]\d/.test(next)) continue;
    if (/^(?:st|nd|rd|th|s)(?![\p{L}])/iu.test(next)) continue;
    if (/^\p{L}/u.test(next) && !GLUED_SUFFIX_RE.test(next)) continue;
    found.push({
      start,
      end,
      decimal: m[0].replace(/[^\d.]/g, '').replace(/^0+(?=\d)/, ''),
      word: false,
      grouped: m[1] !== undefined,
      afterDigitDash: /\d\s?[-–—]\s?$/.test(before),
    });
  }
  for (const m of text.matchAll(WORDS_RE)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      decimal: String(wordValue(m[0])),
      word: true,
      grouped: false,
      afterDigitDash: false,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The decimal string times 10^exponent, rounded once, to the nearest double: "1.5" × 10^9 is exactly 1500000000. */
export function scaleDecimal(decimal: string, exponent: number, negative = false): number {
  return Number(`${negative ? '-' : ''}${decimal}e${exponent}`);
}

/** Moves the decimal point: shiftDecimal("500000", -6) is "0.5". Exact, because it only moves digits. */
export function shiftDecimal(decimal: string, by: number): string {
  const [intPart = '0', frac = ''] = decimal.split('.');
  const digits = intPart + frac;
  let point = intPart.length + by;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    padded = digits + '0'.repeat(point - digits.length);
  }
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

/** A four-digit number that reads as a year: 1800–2100, no separators, no decimals. */
export function isYearLike(n: Numeral): boolean {
  if (n.word || n.grouped || !/^\d{4}$/.test(n.decimal)) return false;
  const y = Number(n.decimal);
  return y >= 1800 && y <= 2100;
}
