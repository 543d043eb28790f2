// parseFigures: a table of written claims and what each must yield, plus properties over any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureSchema, parseFigures, SCALE_EXPONENT, type Figure } from '../../../src/shared/figures';

type Expected = Partial<Figure>;
type Case = [text: string, figures: Expected[]];

const ILO = 'estimated by the International Labor Organization [ILO] to generate approximately US$32 billion per year';
const UNODC = 'some 40 percent of the victims detected between 2010 and 2012 were trafficked for forced labor';
const IOM = 'As of 2014, IOM assisted more than 7,000 victims';

const CASES: Record<string, Case[]> = {
  'the three claims from the brief': [
    [
      ILO,
      [
        {
          surface: 'approximately US$32 billion per year',
          start: 68,
          end: 104,
          value: 32,
          unit: 'USD',
          scale: 'billion',
          normalized: 32_000_000_000,
          period: 'per year',
          qualifier: 'approximately',
          low: null,
          high: null,
        },
      ],
    ],
    [UNODC, [{ surface: 'some 40 percent', value: 40, unit: 'percent', qualifier: 'some', timeStart: '2010', timeEnd: '2012', subject: 'victims' }]],
    [IOM, [{ surface: 'more than 7,000 victims', value: 7000, unit: 'victims', qualifier: 'more than', timeStart: '2014', timeEnd: '2014' }]],
  ],
  'currency symbols and codes': [
    ['USD 5 million', [{ value: 5, unit: 'USD', scale: 'million', normalized: 5_000_000 }]],
    ['5 million USD', [{ value: 5, unit: 'USD', scale: 'million', surface: '5 million USD' }]],
    ['a bare $5 fee', [{ value: 5, unit: 'USD', surface: '$5' }]],
    ['€3.5bn', [{ value: 3.5, unit: 'EUR', scale: 'billion', normalized: 3_500_000_000 }]],
    ['£200m in fines', [{ value: 200, unit: 'GBP', scale: 'million', subject: 'fines' }]],
    ['¥1.2 trillion', [{ unit: 'JPY', scale: 'trillion', normalized: 1_200_000_000_000 }]],
    ['₹500 each', [{ value: 500, unit: 'INR' }]],
    ['Rp5,000 a day', [{ value: 5000, unit: 'IDR', period: 'per day' }]],
    ['฿300 per day', [{ value: 300, unit: 'THB', period: 'per day' }]],
    ['wages of ₱500 a week', [{ value: 500, unit: 'PHP', period: 'per week', subject: 'wages' }]],
    ['RM1,200 monthly', [{ value: 1200, unit: 'MYR', period: 'per month' }]],
    ['S$2,000 a month', [{ value: 2000, unit: 'SGD', period: 'per month' }]],
    [
      'A$3 million and C$1.5m',
      [
        { unit: 'AUD', normalized: 3_000_000 },
        { unit: 'CAD', normalized: 1_500_000 },
      ],
    ],
    ['CHF 40 million', [{ unit: 'CHF', value: 40, scale: 'million' }]],
    [
      'VND 5 million or 5,000,000₫',
      [
        { unit: 'VND', normalized: 5_000_000 },
        { unit: 'VND', value: 5_000_000 },
      ],
    ],
    ['2 million dollars', [{ unit: 'USD', normalized: 2_000_000, surface: '2 million dollars' }]],
    ['500 baht a day', [{ unit: 'THB', value: 500, period: 'per day' }]],
    ['5 million euros, 10,000 pounds and 1 billion yen', [{ unit: 'EUR' }, { unit: 'GBP', value: 10_000 }, { unit: 'JPY', normalized: 1_000_000_000 }]],
  ],
  'scales, written and abbreviated': [
    ['32bn', [{ value: 32, scale: 'billion', unit: 'count', normalized: 32_000_000_000 }]],
    ['1.5 billion people', [{ value: 1.5, scale: 'billion', unit: 'people', normalized: 1_500_000_000 }]],
    ['US$4.7bn', [{ normalized: 4_700_000_000 }]],
    ['£3.2mn', [{ scale: 'million', normalized: 3_200_000 }]],
    ['10k runners', [{ scale: 'thousand', normalized: 10_000, unit: 'count', subject: 'runners' }]],
    ['5m people', [{ scale: 'million', unit: 'people' }]],
    ['US$2.5 trillion', [{ scale: 'trillion', normalized: 2_500_000_000_000 }]],
    ['45 thousand workers', [{ scale: 'thousand', normalized: 45_000, unit: 'workers' }]],
    ['two million children', [{ value: 2, scale: 'million', unit: 'children', normalized: 2_000_000 }]],
    ['a million migrants', [{ value: 1, scale: 'million', unit: 'migrants' }]],
  ],
  'digit separators and words for numbers': [
    ['7 000 victims', [{ value: 7000, surface: '7 000 victims' }]],
    ['7\u00a0000 victims', [{ value: 7000 }]],
    ['1,234,567 people', [{ value: 1_234_567, unit: 'people' }]],
    ['1,234.5 households', [{ value: 1234.5, unit: 'households' }]],
    ['twenty-five victims', [{ value: 25, unit: 'victims' }]],
    ['two hundred workers', [{ value: 200, unit: 'workers' }]],
    ['ten percent', [{ value: 10, unit: 'percent' }]],
    ['one of the victims said', []],
    ['One in four victims is a child.', [{ value: 25, unit: 'percent', subject: 'victims', qualifier: null, surface: 'One in four victims' }]],
    ['one in three workers', [{ value: 33.33, unit: 'percent', qualifier: 'approximately' }]],
    ['3 in 2015', [{ value: 3, unit: 'count', timeStart: '2015' }]],
  ],
  'percentages in every spelling': [
    ['40%', [{ value: 40, unit: 'percent' }]],
    ['40 %', [{ value: 40, unit: 'percent', surface: '40 %' }]],
    ['40 percent', [{ unit: 'percent' }]],
    ['40 per cent', [{ unit: 'percent', surface: '40 per cent' }]],
    ['40 pc', [{ unit: 'percent' }]],
    ['a rise of 3 percentage points', [{ value: 3, unit: 'percentage points' }]],
    ['-3.5 %', [{ value: -3.5, normalized: -3.5, unit: 'percent', surface: '-3.5 %' }]],
    ['GDP shrank by −2.1%', [{ value: -2.1, unit: 'percent' }]],
    ['a fall of 3.5%', [{ value: 3.5, unit: 'percent' }]],
  ],
  ranges: [
    [
      'between 2,000 and 3,000 workers',
      [{ surface: 'between 2,000 and 3,000 workers', value: null, low: 2000, high: 3000, unit: 'workers', normalized: null }],
    ],
    ['2–3 million', [{ low: 2, high: 3, scale: 'million', normalizedLow: 2_000_000, normalizedHigh: 3_000_000 }]],
    ['10-15%', [{ low: 10, high: 15, unit: 'percent' }]],
    ['10 to 15 percent', [{ low: 10, high: 15, unit: 'percent', surface: '10 to 15 percent' }]],
    ['US$150-200 billion', [{ low: 150, high: 200, unit: 'USD', scale: 'billion', normalizedLow: 150e9, normalizedHigh: 200e9 }]],
    ['$2 million to $3 million', [{ low: 2, high: 3, unit: 'USD', scale: 'million' }]],
    ['500,000 to 2 million people', [{ low: 0.5, high: 2, scale: 'million', normalizedLow: 500_000, normalizedHigh: 2_000_000, unit: 'people' }]],
    ['some 2–3 million', [{ low: 2, high: 3, qualifier: 'some' }]],
    ['between 3 million and 2 million', [{ low: 2, high: 3, scale: 'million' }]],
    [
      'rose from 10 to 15 percent',
      [
        { value: 10, unit: 'percent' },
        { value: 15, unit: 'percent' },
      ],
    ],
  ],
  'qualifiers of each kind': [
    ['about 5,000 and around 300 cases', [{ qualifier: 'approximately' }, { qualifier: 'approximately', unit: 'cases' }]],
    ['roughly 20% of an estimated 40.3 million people', [{ qualifier: 'approximately' }, { qualifier: 'approximately', normalized: 40_300_000 }]],
    ['over 5,000 people and in excess of US$1 billion', [{ qualifier: 'more than' }, { qualifier: 'more than', unit: 'USD' }]],
    [
      '> 1,000 and 7,000+ victims',
      [
        { qualifier: 'more than', value: 1000 },
        { qualifier: 'more than', value: 7000, unit: 'victims' },
      ],
    ],
    ['nearly 2 million, almost 30 percent, close to 1,000 households', [{ qualifier: 'nearly' }, { qualifier: 'nearly' }, { qualifier: 'nearly' }]],
    [
      'fewer than 100 cases, less than US$2 a day, below 5%',
      [{ qualifier: 'less than' }, { qualifier: 'less than', period: 'per day' }, { qualifier: 'less than' }],
    ],
    ['at least 3 children and no fewer than 20 deaths', [{ qualifier: 'at least' }, { qualifier: 'at least', unit: 'deaths' }]],
    ['7,000 victims or more', [{ qualifier: 'at least', surface: '7,000 victims or more' }]],
    ['at most 10 and no more than 10 hours', [{ qualifier: 'at most' }, { qualifier: 'at most', unit: 'hours' }]],
    ['up to 40 percent, as many as 2,000 migrants', [{ qualifier: 'up to' }, { qualifier: 'up to', unit: 'migrants' }]],
    ['exactly 12 victims', [{ qualifier: 'exactly', value: 12 }]],
  ],
  'periods of each kind': [
    ['US$5 a year', [{ period: 'per year' }]],
    ['US$5 annually', [{ period: 'per year' }]],
    ['US$5 each year', [{ period: 'per year' }]],
    ['US$5 per annum', [{ period: 'per year' }]],
    ['US$5/yr', [{ period: 'per year', surface: 'US$5/yr' }]],
    ['€3.5bn in annual profits', [{ period: 'per year', subject: 'annual profits' }]],
    ['US$5/day and 7 victims daily', [{ period: 'per day' }, { period: 'per day' }]],
    ['500 baht per week', [{ period: 'per week' }]],
    ['a year ago 300 cases', [{ period: null, value: 300 }]],
  ],
  'reference years are not counts': [
    ['in 2014', []],
    ['In 2014 victims were found', []],
    ['between 2010 and 2012', []],
    ['over the period 2010–2012', []],
    ['around 2000 the law changed', []],
    ['nearly 2000 in total', [{ value: 2000, qualifier: 'nearly', unit: 'count' }]],
    ['2,014 victims', [{ value: 2014, unit: 'victims' }]],
    [
      'In 2012, 20,000 victims were detected, up from 15,000 in 2010.',
      [
        { value: 20_000, timeStart: '2012', timeEnd: '2012' },
        { value: 15_000, timeStart: '2010', timeEnd: '2010' },
      ],
    ],
    ['As of March 2014, 300 cases were open.', [{ value: 300, timeStart: '2014-03', timeEnd: '2014-03' }]],
    ['Since 2015, 4,000 people have been assisted.', [{ value: 4000, timeStart: '2015', timeEnd: null }]],
    ['In the 1990s, 5,000 cases', [{ timeStart: '1990', timeEnd: '1999' }]],
    ['In 2013/14, 500 cases', [{ value: 500, timeStart: '2013', timeEnd: '2014' }]],
    ['300 cases in 2013. In 2014 there were none.', [{ timeStart: '2013' }]],
  ],
  'several figures in one sentence': [
    [
      'Of the 2.5 million victims, 40 percent were women and 25 percent children.',
      [
        { value: 2.5, unit: 'victims', scale: 'million' },
        { value: 40, unit: 'percent' },
        { value: 25, unit: 'percent' },
      ],
    ],
    ['US$150 billion in illegal profits, two-thirds (US$99 billion) from sexual exploitation', [{ value: 150, subject: 'illegal profits' }, { value: 99 }]],
  ],
  'numbers that are not figures': [
    ['', []],
    ['Forced labour remains a global problem.', []],
    ['COVID-19 disrupted recruitment', []],
    ['at the G20 summit', []],
    ['Article 3 of the Palermo Protocol', []],
    ['ISO 9001 certified', []],
    ['see Section 3.2.1 and page 12', []],
    ['at 10:30 on 24/7 duty', []],
    ['as reported.[12]', []],
    ['1. Introduction', []],
    ['on 12 March', []],
    ['the 100m sprint', []],
    ['H1N1 and B2B', []],
    ['COVID-19 cost 2 million jobs', [{ value: 2, unit: 'jobs', surface: '2 million jobs' }]],
  ],
  'offsets are UTF-16 indices, even after characters outside the BMP': [
    ['𝐀🎉 then 5 million victims', [{ start: 10, end: 27, surface: '5 million victims' }]],
    ['🎉🎉🎉 US$5 million', [{ start: 7, end: 19 }]],
  ],
};

describe('parseFigures', () => {
  for (const [group, cases] of Object.entries(CASES)) {
    describe(group, () => {
      it.each(cases)('%s', (text, expected) => {
        const figures = parseFigures(text);
        expect(figures).toHaveLength(expected.length);
        figures.forEach((f, i) => {
          expect(f).toMatchObject(expected[i]!);
          expect(f.surface).toBe(text.slice(f.start, f.end));
        });
      });
    });
  }

  it('has at least 40 written cases', () => {
    expect(Object.values(CASES).flat().length).toBeGreaterThanOrEqual(40);
  });

  it('fills every field of the record, with null where nothing was found', () => {
    expect(parseFigures('7,000 victims')).toEqual([
      {
        surface: '7,000 victims',
        start: 0,
        end: 13,
        value: 7000,
        low: null,
        high: null,
        unit: 'victims',
        scale: null,
        normalized: 7000,
        normalizedLow: null,
        normalizedHigh: null,
        period: null,
        timeStart: null,
        timeEnd: null,
        qualifier: null,
        subject: 'victims',
      },
    ]);
  });

  it('maps singular and irregular nouns to the plural unit id', () => {
    expect(parseFigures('1 victim, 3 persons, 1 child').map((f) => f.unit)).toEqual(['victims', 'people', 'children']);
  });
});

// --- properties ---------------------------------------------------------------------------

const FRAGMENTS = [
  ' ',
  ', ',
  '. ',
  '\n',
  '7,000',
  '2014',
  '2010',
  '1.5',
  '32',
  '-',
  '–',
  '−',
  '%',
  ' percent',
  'US$',
  '$',
  '€',
  'Rp',
  'USD',
  ' billion',
  'bn',
  'm',
  ' million',
  ' victims',
  ' to ',
  ' and ',
  'between ',
  'from ',
  'approximately ',
  'more than ',
  'some ',
  ' per year',
  ' a day',
  '/yr',
  'As of ',
  'in ',
  'COVID-',
  'Article ',
  '🎉',
  '𝐀',
  'two',
  'hundred',
  ' of the ',
  '(',
  ')',
  '[',
  ']',
  '+',
  ' or more',
];
const claimLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), claimLike);

describe('parseFigures properties', () => {
  it('never throws, and every figure is a valid record sitting where it says', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const figures = parseFigures(text);
        let previousEnd = 0;
        for (const f of figures) {
          expect(f.surface).toBe(text.slice(f.start, f.end));
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(figureSchema.safeParse(f).success).toBe(true);
          expect(f.value === null).toBe(f.low !== null && f.high !== null);
          if (f.low !== null && f.high !== null) expect(f.low).toBeLessThanOrEqual(f.high);
          previousEnd = f.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  const scales = fc.constantFrom(...(Object.keys(SCALE_EXPONENT) as (keyof typeof SCALE_EXPONENT)[]));
  const decimal = fc.record({ whole: fc.integer({ min: 0, max: 999_999_999 }), frac: fc.stringMatching(/^\d{0,3}$/) });

  it('normalises exactly: value × scale, with no binary rounding drift', () => {
    fc.assert(
      fc.property(decimal, scales, fc.boolean(), ({ whole, frac }, scale, grouped) => {
        const written = (grouped ? whole.toLocaleString('en-US') : String(whole)) + (frac ? `.${frac}` : '');
        const [f] = parseFigures(`revenues of US$${written} ${scale} a year`);
        const exp = SCALE_EXPONENT[scale];
        // Three fraction digits at most and a scale of at least 10^3: the product is a whole number.
        const exact = BigInt(`${whole}${frac}`) * 10n ** BigInt(exp - frac.length);
        expect(f).toBeDefined();
        expect(f!.value).toBe(Number(`${whole}.${frac || '0'}`));
        expect(f!.normalized).toBe(Number(exact));
        expect(Math.abs(f!.normalized! - f!.value! * 10 ** exp)).toBeLessThanOrEqual(Math.abs(f!.normalized!) * 4 * Number.EPSILON);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalises both ends of a range in the range’s scale', () => {
    fc.assert(
      // Ends in order: a bare first number takes the second's scale only where that keeps them in order.
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), scales, (a, gap, scale) => {
        const b = Math.min(999, a + gap);
        const [f] = parseFigures(`between ${a} and ${b} ${scale} people`);
        const factor = 10n ** BigInt(SCALE_EXPONENT[scale]);
        expect(f).toMatchObject({ low: a, high: b, scale, value: null, normalized: null, unit: 'people' });
        expect(f!.normalizedLow).toBe(Number(BigInt(a) * factor));
        expect(f!.normalizedHigh).toBe(Number(BigInt(b) * factor));
      }),
    );
  });

  it('counts offsets in UTF-16 code units whatever comes before', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('🎉', '𝐀', 'é', 'a', ' ', '中'), maxLength: 20 }), (prefix) => {
        const text = `${prefix} — more than 7,000 victims`;
        const figures = parseFigures(text);
        expect(figures.at(-1)).toMatchObject({ start: text.length - 23, end: text.length, value: 7000 });
      }),
    );
  });
});
