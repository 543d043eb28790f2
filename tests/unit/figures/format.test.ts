// formatFigure, and the unit vocabulary it and the parser share.
import { describe, expect, it } from 'vitest';
import { figureSchema, formatFigure, parseFigures, UNIT_BY_ID, UNITS, type Figure } from '../../../src/shared/figures';

const only = (text: string): Figure => {
  const figures = parseFigures(text);
  expect(figures).toHaveLength(1);
  return figures[0]!;
};

const blank: Figure = {
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
};

describe('formatFigure', () => {
  it.each([
    ['estimated by the ILO to generate approximately US$32 billion per year', '≈ US$32 billion per year'],
    ['As of 2014, IOM assisted more than 7,000 victims', '> 7,000 victims (2014)'],
    ['some 40 percent of the victims detected between 2010 and 2012', '~40 % (2010–2012)'],
    ['US$150-200 billion a year', 'US$150–200 billion per year'],
    ['between 2,000 and 3,000 workers', '2,000–3,000 workers'],
    ['at least 3 children', '≥ 3 children'],
    ['fewer than 100 cases', '< 100 cases'],
    ['no more than 10 hours', '≤ 10 hours'],
    ['up to 40 percent', 'up to 40 %'],
    ['nearly 2 million people', 'nearly 2 million people'],
    ['exactly 1 victim', 'exactly 1 victim'],
    ['less than US$1.90 a day', '< US$1.90 per day'],
    ['CHF 40 million', 'CHF 40 million'],
    ['-3.5 %', '-3.5 %'],
    ['Since 2015, 4,000 people', '4,000 people (since 2015)'],
    ['5,000 hectares', '5,000'],
    ['a rise of 3 percentage points', '3 percentage points'],
  ])('%s → %s', (text, written) => {
    expect(formatFigure(only(text))).toBe(written);
  });

  it('writes the three claims of the brief as the README shows them', () => {
    expect(formatFigure({ ...blank, value: 32, unit: 'USD', scale: 'billion', period: 'per year', qualifier: 'approximately' })).toBe(
      '≈ US$32 billion per year',
    );
    expect(formatFigure({ ...blank, value: 7000, unit: 'victims', qualifier: 'more than', timeStart: '2014', timeEnd: '2014' })).toBe('> 7,000 victims (2014)');
    expect(formatFigure({ ...blank, value: 40, unit: 'percent', qualifier: 'some', timeStart: '2010', timeEnd: '2012' })).toBe('~40 % (2010–2012)');
  });

  it('copes with figures people edited by hand', () => {
    expect(formatFigure({ ...blank, value: 12, unit: 'hectares' })).toBe('12 hectares');
    expect(formatFigure({ ...blank, value: -5, unit: 'USD', scale: 'million' })).toBe('-US$5 million');
    expect(formatFigure({ ...blank, low: 2, unit: 'people' })).toBe('2–? people');
    expect(formatFigure(blank)).toBe('?');
    expect(formatFigure({ ...blank, value: 1, unit: 'years', timeEnd: '2030' })).toBe('1 year (until 2030)');
  });
});

describe('figureSchema', () => {
  it('accepts what the parser writes and refuses what no figure can be', () => {
    expect(figureSchema.safeParse(only('approximately US$32 billion per year')).success).toBe(true);
    expect(figureSchema.safeParse({ ...blank, value: 1, unit: '' }).success).toBe(false);
    expect(figureSchema.safeParse({ ...blank, value: 1, low: 1, high: 2 }).success).toBe(false);
    expect(figureSchema.safeParse({ ...blank, value: Infinity }).success).toBe(false);
    expect(figureSchema.safeParse({ ...blank, start: 5, end: 2 }).success).toBe(false);
    expect(figureSchema.safeParse({ ...blank, timeStart: '14' }).success).toBe(false);
    expect(figureSchema.safeParse({ ...blank, scale: 'lakh' }).success).toBe(false);
  });
});

describe('UNITS', () => {
  it('has one entry per id, each of a known kind', () => {
    expect(new Set(UNITS.map((u) => u.id)).size).toBe(UNITS.length);
    for (const u of UNITS) expect(['currency', 'percent', 'count', 'time']).toContain(u.kind);
  });

  it('names currencies by their ISO 4217 code and counted things by a lower-case plural', () => {
    for (const u of UNITS.filter((x) => x.kind === 'currency')) expect(u.id).toMatch(/^[A-Z]{3}$/);
    for (const u of UNITS.filter((x) => x.kind === 'count' || x.kind === 'time')) expect(u.id).toMatch(/^[a-z ]+$/);
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'IDR', 'THB', 'PHP', 'MYR', 'SGD', 'VND', 'CNY', 'AUD', 'CAD', 'CHF'])
      expect(UNIT_BY_ID.has(code)).toBe(true);
  });

  it('is the only source of the units the parser emits', () => {
    const text = 'US$5, €5, 5 baht, 40%, 3 percentage points, 7 victims, 2 children, 5 years, 12,000';
    for (const f of parseFigures(text)) expect(UNIT_BY_ID.has(f.unit)).toBe(true);
  });

  it('recognises every currency by its code, before and after the amount', () => {
    for (const u of UNITS.filter((x) => x.kind === 'currency')) {
      expect(only(`${u.id} 5 million`).unit).toBe(u.id);
      expect(only(`5 million ${u.id}`).unit).toBe(u.id);
    }
  });

  it('recognises every counted noun in the plural and the singular', () => {
    for (const u of UNITS.filter((x) => (x.kind === 'count' || x.kind === 'time') && x.singular)) {
      expect(only(`7 ${u.id}`).unit).toBe(u.id);
      expect(only(`1 ${u.singular}`).unit).toBe(u.id);
    }
  });
});
