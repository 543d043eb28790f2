// The figure form's conversions: what is typed to a Figure and back, normalisation and validation.
import { describe, expect, it } from 'vitest';
import { parseFigures } from '../../../shared/figures';
import {
  draftFromFigure,
  emptyDraft,
  figureFromDraft,
  figuresKey,
  formatNormalised,
  normalise,
  parseAmount,
  uncoveredFigures,
  type FigureDraft,
} from './figureForm';

const draft = (change: Partial<FigureDraft>): FigureDraft => ({ ...emptyDraft(), ...change });
const figureOf = (d: FigureDraft) => {
  const result = figureFromDraft(d);
  if (!('figure' in result)) throw new Error(JSON.stringify(result.errors));
  return result.figure;
};
const errorsOf = (d: FigureDraft) => {
  const result = figureFromDraft(d);
  return 'errors' in result ? result.errors : {};
};

describe('amounts as typed', () => {
  it('reads separators, decimals and minus signs', () => {
    expect(parseAmount('7,000')).toEqual({ decimal: '7000' });
    expect(parseAmount('7 000')).toEqual({ decimal: '7000' });
    expect(parseAmount(' 1.5 ')).toEqual({ decimal: '1.5' });
    expect(parseAmount('−3')).toEqual({ decimal: '-3' });
    expect(parseAmount('')).toBeNull();
  });

  it('refuses what is not a finite number', () => {
    expect(parseAmount('12 apples')).toHaveProperty('error');
    expect(parseAmount('1.2.3')).toHaveProperty('error');
    expect(parseAmount('1e400')).toEqual({ error: 'This number is too large.' });
  });
});

describe('normalisation', () => {
  it('is computed from the decimal text, exactly', () => {
    expect(normalise('1.5', 'billion')).toBe(1_500_000_000);
    expect(normalise('0.1', 'thousand')).toBe(100);
    expect(normalise('32', 'billion')).toBe(32_000_000_000);
    expect(normalise('2.5', null)).toBe(2.5);
    expect(normalise('-4.2', 'million')).toBe(-4_200_000);
  });

  it('agrees with the parser', () => {
    for (const f of parseFigures('Profits of US$150.7 billion a year, 24.9 million victims and 0.3 million children')) {
      const round = figureOf(draftFromFigure(f));
      expect([round.normalized, round.normalizedLow, round.normalizedHigh]).toEqual([f.normalized, f.normalizedLow, f.normalizedHigh]);
    }
  });

  it('is written out in full for comparison', () => {
    expect(formatNormalised(figureOf(draft({ value: '32', scale: 'billion', unit: 'USD' })))).toBe('32,000,000,000');
    expect(formatNormalised(figureOf(draft({ low: '2', high: '3', scale: 'million' })))).toBe('2,000,000–3,000,000');
  });
});

describe('draft ↔ figure', () => {
  it('round-trips a parsed figure', () => {
    const [parsed] = parseFigures('the ILO estimates trafficking generates approximately US$32 billion per year in 2014');
    const back = figureOf(draftFromFigure({ ...parsed!, id: 'f1' }));
    expect(back).toEqual({ ...parsed, id: 'f1' });
  });

  it('fills the form from a range and reads it back', () => {
    const f = figureOf(
      draft({ low: '150', high: '200', unit: 'USD', scale: 'billion', qualifier: 'approximately', timeStart: '2014', timeEnd: '2016', subject: ' profits ' }),
    );
    expect(f).toMatchObject({
      value: null,
      low: 150,
      high: 200,
      normalizedLow: 150e9,
      normalizedHigh: 200e9,
      subject: 'profits',
      timeStart: '2014',
      timeEnd: '2016',
    });
    expect(draftFromFigure(f)).toMatchObject({ low: '150', high: '200', value: '', scale: 'billion' });
  });

  it('keeps a unit outside the vocabulary', () => {
    expect(figureOf(draft({ value: '40', unit: ' hectares ' })).unit).toBe('hectares');
  });
});

describe('validation', () => {
  it('wants a value or a range, not both and not neither', () => {
    expect(errorsOf(draft({}))).toHaveProperty('value', 'Give a value, or both ends of a range.');
    expect(errorsOf(draft({ value: '1', low: '1', high: '2' }))).toHaveProperty('value', 'Give a value or a range, not both.');
    expect(errorsOf(draft({ low: '1' }))).toHaveProperty('high');
    expect(errorsOf(draft({ low: '5', high: '2' }))).toHaveProperty('high', 'The high end is below the low end.');
  });

  it('checks numbers, units and times', () => {
    expect(errorsOf(draft({ value: 'lots' }))).toHaveProperty('value');
    expect(errorsOf(draft({ value: '1', unit: ' ' }))).toHaveProperty('unit');
    expect(errorsOf(draft({ value: '1', timeStart: '14' }))).toHaveProperty('timeStart');
    expect(errorsOf(draft({ value: '1', timeStart: '2016', timeEnd: '2014-06' }))).toHaveProperty('timeEnd', 'The span ends before it starts.');
    expect(errorsOf(draft({ value: '1', timeStart: '2014-06', timeEnd: '2014' }))).toEqual({});
  });
});

describe('prefill from the quote', () => {
  const quote = 'An estimated 24.9 million people were in forced labour, generating US$150 billion.';

  it('offers the figures no form covers yet', () => {
    const all = uncoveredFigures(quote, []);
    expect(all.map((f) => f.unit)).toEqual(['people', 'USD']);
    const covered = uncoveredFigures(quote, [draftFromFigure(all[0]!)]);
    expect(covered.map((f) => f.unit)).toEqual(['USD']);
  });

  it('compares figures by what they say, not by id', () => {
    const [f] = parseFigures(quote);
    expect(figuresKey([{ ...f!, id: 'a' } as never])).toBe(figuresKey([f!]));
  });
});
