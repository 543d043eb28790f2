// "One in four victims": a proportion written as a ratio, read as a percentage.
import { nounPhraseAfter } from './context';
import { qualifierBefore } from './lexicon';
import { isYearLike, shiftDecimal, type Numeral } from './numbers';
import type { Figure } from './types';

const IN_RE = /^[^\S\n]+in[^\S\n]+(?:every[^\S\n]+)?$/i;

/** 100·x/n as a decimal string: exact when it ends within four places, otherwise rounded to two. */
function percentOf(x: bigint, n: bigint): { decimal: string; exact: boolean } {
  const scaled = x * 1_000_000n;
  if (scaled % n === 0n) return { decimal: shiftDecimal((scaled / n).toString(), -4), exact: true };
  const rounded = (x * 20_000n + n) / (2n * n);
  return { decimal: shiftDecimal(rounded.toString(), -2), exact: false };
}

/** The ratio starting at numerals[i] ("one in four", "1 in 10 workers"), or null when there is none. */
export function readRatio(text: string, numerals: readonly Numeral[], i: number, after: number): { figure: Figure; next: number } | null {
  const a = numerals[i]!;
  const b = numerals[i + 1];
  if (!b || !IN_RE.test(text.slice(a.end, b.start))) return null;
  // "3 in 2015" is a count and a year; "1.5 in 10" is not a ratio people write.
  if (isYearLike(b) || !/^\d+$/.test(a.decimal) || !/^\d+$/.test(b.decimal)) return null;
  const x = BigInt(a.decimal);
  const n = BigInt(b.decimal);
  if (x <= 0n || x >= n || n > 1_000_000_000n) return null;
  const { decimal, exact } = percentOf(x, n);
  const noun = nounPhraseAfter(text, b.end);
  const end = noun ? noun.end : b.end;
  const qb = qualifierBefore(text, a.start);
  const start = qb && qb.at >= after ? qb.at : a.start;
  const value = Number(decimal);
  return {
    next: i + 2,
    figure: {
      surface: text.slice(start, end),
      start,
      end,
      value,
      low: null,
      high: null,
      unit: 'percent',
      scale: null,
      normalized: value,
      normalizedLow: null,
      normalizedHigh: null,
      period: null,
      timeStart: null,
      timeEnd: null,
      // "one in three" is 33.33 %, to the nearest hundredth.
      qualifier: qb && qb.at >= after ? qb.value : exact ? null : 'approximately',
      subject: noun ? noun.text : null,
    },
  };
}
