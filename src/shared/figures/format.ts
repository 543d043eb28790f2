// formatFigure: a figure written back out for people, e.g. "≈ US$32 billion per year", "> 7,000 victims (2014)".
import type { Figure, Qualifier } from './types';
import { UNIT_BY_ID } from './units';

// Symbols where readers know them; words where a symbol would be cryptic ("up to", "nearly").
const QUALIFIER_MARK: Readonly<Record<Qualifier, string>> = {
  approximately: '≈ ',
  some: '~',
  'more than': '> ',
  'less than': '< ',
  'at least': '≥ ',
  'at most': '≤ ',
  'up to': 'up to ',
  nearly: 'nearly ',
  exactly: 'exactly ',
};

// A fixed locale, so the same figure reads the same in the app, in web mode and in exports.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 20 });
const num = (n: number | null, cents = false): string => (n === null || !Number.isFinite(n) ? '?' : (cents && !Number.isInteger(n) ? CENTS : NUMBER).format(n));

function amountOf(f: Figure, cents: boolean): string {
  if (f.value !== null) return num(f.value, cents);
  if (f.low !== null || f.high !== null) return `${num(f.low, cents)}–${num(f.high, cents)}`;
  return '?';
}

function unitAfter(f: Figure, one: boolean): string {
  const unit = UNIT_BY_ID.get(f.unit);
  if (!unit) return f.unit ? ` ${f.unit}` : '';
  if (unit.kind === 'currency' || unit.id === 'count') return '';
  if (unit.id === 'percent') return ' %';
  return ` ${one && unit.singular ? unit.singular : unit.id}`;
}

function timeOf(f: Figure): string {
  const { timeStart: from, timeEnd: to } = f;
  if (from && to) return from === to ? ` (${from})` : ` (${from}–${to})`;
  if (from) return ` (since ${from})`;
  if (to) return ` (until ${to})`;
  return '';
}

/** One line for lists, tooltips and exports: qualifier, money or amount, scale, unit, period, time. */
export function formatFigure(f: Figure): string {
  const unit = UNIT_BY_ID.get(f.unit);
  // Money below the scales is written with cents ("US$1.90 a day"), as it was in the text.
  let amount = amountOf(f, unit?.kind === 'currency' && f.scale === null);
  if (unit?.kind === 'currency') {
    const mark = unit.symbol ?? `${unit.id} `;
    amount = amount.startsWith('-') ? `-${mark}${amount.slice(1)}` : `${mark}${amount}`;
  }
  const one = f.value !== null && Math.abs(f.value) === 1 && f.scale === null;
  const parts = [
    f.qualifier ? QUALIFIER_MARK[f.qualifier] : '',
    amount,
    f.scale ? ` ${f.scale}` : '',
    unitAfter(f, one),
    f.period ? ` ${f.period}` : '',
    timeOf(f),
  ];
  return parts.join('');
}
