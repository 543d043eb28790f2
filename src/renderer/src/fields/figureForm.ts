// The figure form's state as typed (strings) and its conversion to and from a Figure, with validation.
import {
  formatFigure,
  parseFigures,
  PERIODS,
  QUALIFIERS,
  SCALES,
  SCALE_EXPONENT,
  UNITS,
  UNIT_BY_ID,
  type Figure,
  type Period,
  type Qualifier,
  type Scale,
  type UnitKind,
} from '../../../shared/figures';

export interface FigureDraft {
  /** Stable across edits, for React and for matching saved figures; not stored. */
  key: string;
  id?: string;
  surface: string;
  start: number;
  end: number;
  value: string;
  low: string;
  high: string;
  unit: string;
  scale: Scale | '';
  period: Period | '';
  timeStart: string;
  timeEnd: string;
  qualifier: Qualifier | '';
  subject: string;
}

export type DraftField = 'value' | 'low' | 'high' | 'unit' | 'timeStart' | 'timeEnd' | 'subject';
export type DraftErrors = Partial<Record<DraftField, string>>;

let nextKey = 1;
const newKey = () => `figure-${nextKey++}`;

/** How numbers are written here: digits with optional thousands separators (",", spaces) and "." as the decimal point. */
export function parseAmount(typed: string): { decimal: string } | { error: string } | null {
  const cleaned = typed
    .trim()
    .replace(/[\s\u00a0\u202f\u2009,]/g, '')
    .replace(/^[−–]/, '-');
  if (cleaned === '') return null;
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(cleaned)) return { error: 'Write a number, like 7,000 or 1.5.' };
  if (!Number.isFinite(Number(cleaned))) return { error: 'This number is too large.' };
  return { decimal: cleaned };
}

/**
 * value × scale, computed from the decimal text so 1.5 billion is exactly 1500000000 (multiplying
 * the double 1.5 by 1e9 happens to be exact too, but 0.1 × 1e3 is not).
 */
export function normalise(decimal: string, scale: Scale | null): number {
  if (!scale) return Number(decimal);
  const [mantissa, exponent = '0'] = decimal.toLowerCase().split('e');
  return Number(`${mantissa}e${Number(exponent) + SCALE_EXPONENT[scale]}`);
}

const TIME = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const text = (n: number | null) => (n === null ? '' : String(n));

export function draftFromFigure(figure: Figure & { id?: string }): FigureDraft {
  return {
    key: newKey(),
    ...(figure.id ? { id: figure.id } : {}),
    surface: figure.surface,
    start: figure.start,
    end: figure.end,
    value: text(figure.value),
    low: text(figure.low),
    high: text(figure.high),
    unit: figure.unit,
    scale: figure.scale ?? '',
    period: figure.period ?? '',
    timeStart: figure.timeStart ?? '',
    timeEnd: figure.timeEnd ?? '',
    qualifier: figure.qualifier ?? '',
    subject: figure.subject ?? '',
  };
}

export function emptyDraft(): FigureDraft {
  return draftFromFigure({
    surface: '',
    start: 0,
    end: 0,
    value: null,
    low: null,
    high: null,
    unit: 'count',
    scale: null,
    normalized: null,
    normalizedLow: null,
    normalizedHigh: null,
    period: null,
    timeStart: null,
    timeEnd: null,
    qualifier: null,
    subject: null,
  });
}

/** The Figure a draft stands for, or what is wrong with it, field by field. */
export function figureFromDraft(draft: FigureDraft): { figure: Figure & { id?: string } } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const read = (field: 'value' | 'low' | 'high') => {
    const parsed = parseAmount(draft[field]);
    if (parsed && 'error' in parsed) {
      errors[field] = parsed.error;
      return null;
    }
    return parsed ? parsed.decimal : null;
  };
  const value = read('value');
  const low = read('low');
  const high = read('high');
  const scale = draft.scale === '' ? null : draft.scale;
  const hasRange = draft.low.trim() !== '' || draft.high.trim() !== '';
  const hasValue = draft.value.trim() !== '';
  if (hasValue && hasRange) errors.value = 'Give a value or a range, not both.';
  else if (!hasValue && !hasRange) errors.value = 'Give a value, or both ends of a range.';
  else if (hasRange && draft.low.trim() === '') errors.low = 'Give the low end of the range too.';
  else if (hasRange && draft.high.trim() === '') errors.high = 'Give the high end of the range too.';
  else if (low !== null && high !== null && Number(low) > Number(high)) errors.high = 'The high end is below the low end.';

  const unit = draft.unit.trim();
  if (unit === '') errors.unit = 'Choose a unit, or type one.';
  else if (unit.length > 100) errors.unit = 'A unit is at most 100 characters.';
  for (const field of ['timeStart', 'timeEnd'] as const) {
    const t = draft[field].trim();
    if (t !== '' && !TIME.test(t)) errors[field] = 'Write a year (2014), a month (2014-06) or a day (2014-06-30).';
  }
  const from = draft.timeStart.trim();
  const to = draft.timeEnd.trim();
  if (!errors.timeStart && !errors.timeEnd && from && to && to < from.slice(0, to.length)) errors.timeEnd = 'The span ends before it starts.';
  if (draft.subject.length > 500) errors.subject = 'A subject is at most 500 characters.';
  if (Object.keys(errors).length > 0) return { errors };

  const figure: Figure & { id?: string } = {
    ...(draft.id ? { id: draft.id } : {}),
    surface: draft.surface,
    start: draft.start,
    end: Math.max(draft.end, draft.start),
    value: value === null ? null : Number(value),
    low: low === null ? null : Number(low),
    high: high === null ? null : Number(high),
    unit,
    scale,
    normalized: value === null ? null : normalise(value, scale),
    normalizedLow: low === null ? null : normalise(low, scale),
    normalizedHigh: high === null ? null : normalise(high, scale),
    period: draft.period === '' ? null : draft.period,
    timeStart: from === '' ? null : from,
    timeEnd: to === '' ? null : to,
    qualifier: draft.qualifier === '' ? null : draft.qualifier,
    subject: draft.subject.trim() === '' ? null : draft.subject.trim(),
  };
  return { figure };
}

/** What the figures are, ids and positions aside: equal keys mean the same figures as far as a person can tell. */
export function figuresKey(figures: readonly Figure[]): string {
  return JSON.stringify(figures.map((f) => [f.value, f.low, f.high, f.unit, f.scale, f.period, f.timeStart, f.timeEnd, f.qualifier, f.subject, f.surface]));
}

/** Figures the quote states that no draft covers yet, in the order they appear: what "Add figure" offers first. */
export function uncoveredFigures(quote: string, drafts: readonly FigureDraft[]): Figure[] {
  return parseFigures(quote).filter(
    (found) => !drafts.some((d) => (d.surface !== '' && d.surface === found.surface) || (d.end > d.start && d.start < found.end && found.start < d.end)),
  );
}

/** The normalised amount for people: "32,000,000,000" or "150,000,000,000–200,000,000,000". */
export function formatNormalised(figure: Figure): string {
  const n = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
  if (figure.normalized !== null) return n.format(figure.normalized);
  if (figure.normalizedLow !== null && figure.normalizedHigh !== null) return `${n.format(figure.normalizedLow)}–${n.format(figure.normalizedHigh)}`;
  return '';
}

export const UNIT_GROUPS: readonly { kind: UnitKind; label: string }[] = [
  { kind: 'currency', label: 'Money' },
  { kind: 'percent', label: 'Shares' },
  { kind: 'count', label: 'Counted things' },
  { kind: 'time', label: 'Lengths of time' },
];

export function unitsOfKind(kind: UnitKind) {
  return UNITS.filter((unit) => unit.kind === kind);
}

export function isKnownUnit(unit: string): boolean {
  return UNIT_BY_ID.has(unit);
}

export { formatFigure, PERIODS, QUALIFIERS, SCALES };

/** One figure as the figures field tells figures apart: by what it says, never by the id a save assigns. */
export const figureKey = (figure: Figure): string => figuresKey([figure]);

type FigureValue = Figure & { id?: string };

/**
 * The drafts once the figures the field last agreed with (`base`) became `incoming` (a save came
 * back, another window saved, or a refused save was taken back): a three-way merge, figure by
 * figure. A draft the person has not changed since `base` follows `incoming` (changed, removed, or
 * given the id its save assigned); one they changed or are still typing stays as it is; figures
 * new in `incoming` are added, and figures they removed stay removed.
 */
export function reconcileDrafts(drafts: readonly FigureDraft[], base: readonly FigureValue[], incoming: readonly FigureValue[]): FigureDraft[] {
  const baseIds = new Set(base.flatMap((f) => (f.id ? [f.id] : [])));
  const draftIds = new Set(drafts.flatMap((d) => (d.id ? [d.id] : [])));
  const contentOf = (draft: FigureDraft) => {
    const result = figureFromDraft(draft);
    return 'figure' in result ? figureKey(result.figure) : null;
  };
  // Figures are matched by id, and those without one (not saved yet) by what they say, each once.
  const matcher = (list: readonly FigureValue[]) => {
    const unclaimed = [...list];
    return (id: string | undefined, content: string | null): FigureValue | undefined => {
      const at = unclaimed.findIndex((f) => (id ? f.id === id : !f.id && content !== null && figureKey(f) === content));
      return at < 0 ? undefined : unclaimed.splice(at, 1)[0];
    };
  };
  const inBase = matcher(base);
  const inIncoming = matcher(incoming);
  // A new figure's save came back: the draft takes the id it was given.
  const fresh = incoming.filter((f) => f.id && !baseIds.has(f.id) && !draftIds.has(f.id));
  const given = new Map<string, string>();
  for (const draft of drafts) {
    const content = draft.id ? null : contentOf(draft);
    const at = content === null ? -1 : fresh.findIndex((f) => figureKey(f) === content);
    if (at >= 0) given.set(draft.key, fresh.splice(at, 1)[0]!.id!);
  }
  const out: FigureDraft[] = [];
  const matched = new Set<FigureValue>();
  for (const draft of drafts) {
    const content = contentOf(draft);
    const before = inBase(draft.id, content);
    const id = draft.id ?? given.get(draft.key);
    const mine = id === draft.id ? draft : { ...draft, id };
    const now = inIncoming(id, content);
    if (now) matched.add(now);
    if (!before || content !== figureKey(before)) {
      out.push(mine); // changed here since base, or still being typed
      continue;
    }
    if (!now) continue; // removed elsewhere, or its refused save taken back
    out.push(figureKey(now) === content ? mine : { ...draftFromFigure(now), key: draft.key });
  }
  for (const figure of incoming) {
    if (matched.has(figure)) continue;
    if (figure.id ? baseIds.has(figure.id) : inBase(undefined, figureKey(figure))) continue; // removed here
    out.push(draftFromFigure(figure));
  }
  return out;
}
