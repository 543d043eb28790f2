// The Figure record: one structured quantity read from a highlighted claim.

export const SCALES = ['thousand', 'million', 'billion', 'trillion'] as const;
export type Scale = (typeof SCALES)[number];

export const PERIODS = ['per day', 'per week', 'per month', 'per year'] as const;
export type Period = (typeof PERIODS)[number];

export const QUALIFIERS = ['approximately', 'more than', 'less than', 'at least', 'at most', 'up to', 'some', 'nearly', 'exactly'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Powers of ten, so that normalised values can be computed from decimal strings without rounding drift. */
export const SCALE_EXPONENT: Readonly<Record<Scale, number>> = { thousand: 3, million: 6, billion: 9, trillion: 12 };

export interface Figure {
  /** The exact text the figure was read from, e.g. "approximately US$32 billion per year". */
  surface: string;
  /** Where `surface` sits in the input (JavaScript string indices, UTF-16 code units). */
  start: number;
  end: number;
  /** The number as written, before the scale (32 for "US$32 billion"); null for a range. */
  value: number | null;
  /** A range's ends, in the same scale as each other; null for a single value. */
  low: number | null;
  high: number | null;
  /** An id from UNITS: an ISO 4217 code, 'percent', a plural counted noun, a time unit, or 'count'. */
  unit: string;
  scale: Scale | null;
  /** value × scale; null for a range. */
  normalized: number | null;
  normalizedLow: number | null;
  normalizedHigh: number | null;
  period: Period | null;
  /** A reference year or span near the figure: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  timeStart: string | null;
  timeEnd: string | null;
  qualifier: Qualifier | null;
  /** The counted thing or what the money is, when the text makes it evident. */
  subject: string | null;
}
