// Reference years and spans in text ("in 2014", "between 2010 and 2012", "March 2014"), and which figure each belongs to.
import { MONTH_PATTERN, MONTHS } from './lexicon';

export interface TimeRef {
  start: number;
  end: number;
  from: string | null;
  to: string | null;
}

interface Span {
  start: number;
  end: number;
}

const Y = '(?:18\\d\\d|19\\d\\d|20\\d\\d|2100)';
const LEFT = '(?<![\\p{L}\\p{N}.,:/$€£¥-])';
const RIGHT = '(?![\\p{L}\\p{N}]|[.,]\\d)';
// Same-line whitespace only: a year in the next paragraph says nothing about this one.
const S = '[^\\S\\n]';

function month(name: string): string {
  const i = MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === name.slice(0, 3).toLowerCase());
  return String(i + 1).padStart(2, '0');
}
const pad2 = (d: string): string => d.padStart(2, '0');

type Reader = (m: RegExpExecArray) => [string | null, string | null] | null;

// In priority order: a longer reading of the same digits wins ("2010–2012" is a span, not two years).
const PATTERNS: [RegExp, Reader][] = [
  [new RegExp(`${LEFT}(${Y})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])${RIGHT}`, 'gu'), (m) => [`${m[1]}-${m[2]}-${m[3]}`, `${m[1]}-${m[2]}-${m[3]}`]],
  [
    new RegExp(`(?<![\\p{L}\\p{N}])(?:(\\d{1,2})${S}+)?(${MONTH_PATTERN})(?:${S}+(\\d{1,2})(?:st|nd|rd|th)?)?,?${S}+(${Y})${RIGHT}`, 'gu'),
    (m) => {
      const day = m[1] ?? m[3];
      const date = `${m[4]}-${month(m[2]!)}${day && Number(day) >= 1 && Number(day) <= 31 ? `-${pad2(day)}` : ''}`;
      return [date, date];
    },
  ],
  [new RegExp(`(?<![\\p{L}])(?:between|from)${S}+(${Y})${S}+(?:and|to|until|till|through)${S}+(${Y})${RIGHT}`, 'giu'), (m) => [m[1]!, m[2]!]],
  [
    new RegExp(`${LEFT}(?:FY${S}?)?(${Y})(?:${S}*[-–—/]${S}*|${S}+(?:to|until|through)${S}+)(?:FY${S}?)?(${Y}|\\d\\d)${RIGHT}`, 'gu'),
    (m) => {
      const from = m[1]!;
      let to = m[2]!;
      if (to.length === 2) {
        // "2013/14", "2010–12": the end shares the start's century and must come after it.
        if (Number(to) <= Number(from.slice(2))) return null;
        to = from.slice(0, 2) + to;
      }
      return Number(to) >= Number(from) ? [from, to] : null;
    },
  ],
  [
    new RegExp(`${LEFT}(1[89]\\d0|20\\d0)s(?![\\p{L}\\p{N}])`, 'gu'),
    (m) => {
      const decade = Number(m[1]);
      return [String(decade), String(decade + 9)];
    },
  ],
  [new RegExp(`(?<![\\p{L}])since${S}+(?:early${S}+|mid-|late${S}+)?(${Y})${RIGHT}`, 'giu'), (m) => [m[1]!, null]],
  [new RegExp(`${LEFT}(?:(?:mid|early|late|pre|post)-|FY${S}?)?(${Y})${RIGHT}`, 'giu'), (m) => [m[1]!, m[1]!]],
];

/** Every time reference in `text` outside the `taken` spans (the figures themselves), in order. */
export function findTimes(text: string, taken: readonly Span[]): TimeRef[] {
  // One mark per code unit keeps overlap checks linear however many years a document mentions.
  const used = new Uint8Array(text.length);
  const mark = (s: Span): void => {
    used.fill(1, s.start, s.end);
  };
  const free = (s: Span): boolean => used.subarray(s.start, s.end).every((u) => u === 0);
  taken.forEach(mark);
  const found: TimeRef[] = [];
  for (const [re, read] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (!free(span)) continue;
      const value = read(m as RegExpExecArray);
      if (!value) continue;
      found.push({ ...span, from: value[0], to: value[1] });
      mark(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const ABBREVIATIONS = new Set(
  'e.g i.e etc approx est no nos vol p pp para art sec fig figs mr mrs ms dr st vs ca c u.s u.k u.n inc ltd co corp dept govt jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Where each sentence starts; a period after an abbreviation ("U.S.", "approx.") does not end one. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[.!?]+["'”’)\]]*\s+(?=["“'‘([\p{Lu}\p{N}])|\n+/gu)) {
    if (m[0].startsWith('.')) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
      if (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    starts.push(m.index + m[0].length);
  }
  return starts;
}

function sentenceOf(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Finds, for any span, the time reference nearest to it within its sentence. */
export function timeFinder(text: string, times: readonly TimeRef[]): (span: Span) => TimeRef | null {
  const starts = sentenceStarts(text);
  const bySentence = new Map<number, TimeRef[]>();
  for (const t of times) {
    const s = sentenceOf(starts, t.start);
    const list = bySentence.get(s);
    if (list) list.push(t);
    else bySentence.set(s, [t]);
  }
  // On a tie the earlier reference wins, as in "In 2014, 7,000 … and 3,000 in 2015".
  return (span) => {
    let best: TimeRef | null = null;
    let bestDistance = Infinity;
    for (const t of bySentence.get(sentenceOf(starts, span.start)) ?? []) {
      const distance = t.end <= span.start ? span.start - t.end : t.start >= span.end ? t.start - span.end : 0;
      if (distance < bestDistance) {
        best = t;
        bestDistance = distance;
      }
    }
    return best;
  };
}
