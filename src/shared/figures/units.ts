// The unit vocabulary of figures: every unit id the parser can emit, and the words that lead to it.
//
// Conventions
// -----------
// - One id per unit, whatever the text wrote, so that figures can be grouped and compared
//   (the store indexes figures by unit and normalised value).
// - Money: the ISO 4217 code, upper case ('USD', 'EUR', 'THB', …). A bare "$" is USD, "dollars"
//   without a country is USD, "¥" is JPY (Chinese yuan is "CN¥", "RMB" or "yuan"), "pounds" is GBP,
//   "rupees" without a country is INR, "pesos" without a country is PHP (the reports Gloss is
//   made for are mostly about South-East Asia; "Mexican pesos" is MXN). Codes count before or
//   after the number ("USD 5 million", "5 million USD"), in capitals only, so that "php" or "eur"
//   inside prose is never taken for money.
// - Percentages: 'percent' for "%", "percent", "per cent", "per-cent", "pc", "pct";
//   'percentage points' for "percentage point(s)". The value stays as written: 40 % → 40, not 0.4.
//   A ratio is a percentage: "one in four victims" → 25 percent of victims; where the share has no
//   short decimal ("one in three") it is rounded to hundredths (33.33) and marked 'approximately'.
// - Counted things: the id is the plural, lower-case English noun ('victims', 'children',
//   'people'), because that is how counts are written and read ("7,000 victims"). Singular and
//   irregular forms map to it ("1 victim" → 'victims', "child" → 'children', "persons" →
//   'people'); formatFigure writes the singular back for exactly one. Nouns outside this list are
//   not units: such a figure gets 'count', and the noun, when one is evident, goes into `subject`.
// - Time lengths: 'years', 'months', 'weeks', 'days', 'hours', plural like counted nouns. A rate
//   ("per year", "annually") is not a unit but the figure's `period`.
// - 'count': a bare number with nothing named after it.
// - Scales (thousand … trillion) are never part of the unit: "US$32 billion" is 32, USD, billion.
//
// How text is read (parse.ts and its helpers)
// - Numbers: "7,000", "7 000" (also no-break and thin spaces), "1,234.5"; "." is always the decimal
//   point. Words for one … ninety-nine and hundreds ("two hundred"), and "a million", count only
//   with a scale, a currency, a percent sign or a counted noun after them.
// - Scales: thousand, million, billion, trillion and k, m/mn/mln, b/bn, tn. The one-letter forms
//   (k, m, b) need money or a counted noun ("$5m", "5m people"), since "100m" is usually metres.
//   Indian lakh and crore are not scales here. Normalised values are computed from the decimal
//   text, so 1.5 billion is exactly 1500000000.
// - Years: a bare 1800–2100 with no unit is a reference year, not a count ("in 2014"), unless a
//   numeric qualifier comes first ("nearly 2000"). "2,014 victims" and "2014 victims" are counts;
//   "In 2014 victims …" is a year. Times attach to the nearest figure in the same sentence and
//   are written 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; "since 2015" has a start and no end.
// - Ranges: "between A and B", "A–B", "A-B", "A to B". A missing unit or scale is shared ("2–3
//   million", "US$150-200 billion"); ends are put in one scale ("500,000 to 2 million" → 0.5–2
//   million) and in order. "from A to B" is a change, so two figures that share their unit.
// - Not figures: numbers glued to letters ("G20", "COVID-19", "100m"), after identifier words or
//   acronyms ("Article 3", "ISO 9001", "Tier 2"), days of the month, clock times, fractions,
//   footnote and list markers, and denominators ("per 100,000").
//
// Adding a unit: add it here; the parser's word lists are built from this table.

export type UnitKind = 'currency' | 'percent' | 'count' | 'time';

export interface Unit {
  id: string;
  /** How people call it, for menus and the legend. */
  label: string;
  kind: UnitKind;
  /** Written before the amount by formatFigure; currencies without one are written with their code. */
  symbol?: string;
  /** Symbols and abbreviations recognised before the amount ("US$", "Rp", "RM"), besides the code. */
  prefixes?: readonly string[];
  /** Symbols recognised after the amount ("5 €", "50,000₫"). */
  suffixes?: readonly string[];
  /** Words recognised after the amount, singular or plural ("US dollars", "baht"). */
  words?: readonly string[];
  /** Counted nouns and time units: the singular, and other forms that mean the same. */
  singular?: string;
  forms?: readonly string[];
}

const currency = (id: string, label: string, symbol: string | undefined, prefixes: string[], words: string[], suffixes: string[] = []): Unit => ({
  id,
  label,
  kind: 'currency',
  ...(symbol === undefined ? {} : { symbol }),
  prefixes,
  suffixes,
  words,
});

const counted = (id: string, singular: string, ...forms: string[]): Unit => ({ id, label: id, kind: 'count', singular, forms });
const time = (id: string, singular: string): Unit => ({ id, label: id, kind: 'time', singular });

export const UNITS: readonly Unit[] = [
  currency('USD', 'US dollar', 'US$', ['US$', 'U.S.$', 'US $', '$'], ['US dollars', 'U.S. dollars', 'United States dollars', 'American dollars', 'dollars']),
  currency('EUR', 'euro', '€', ['€'], ['euros'], ['€']),
  currency('GBP', 'pound sterling', '£', ['£'], ['pounds sterling', 'British pounds', 'pounds', 'sterling']),
  currency('JPY', 'Japanese yen', '¥', ['JP¥', '¥'], ['Japanese yen', 'yen']),
  currency('CNY', 'Chinese yuan', 'CN¥', ['CN¥', 'RMB'], ['Chinese yuan', 'yuan', 'renminbi']),
  currency('INR', 'Indian rupee', '₹', ['₹', 'Rs.', 'Rs'], ['Indian rupees', 'rupees']),
  currency('IDR', 'Indonesian rupiah', 'Rp', ['Rp.', 'Rp'], ['Indonesian rupiah', 'rupiah']),
  currency('THB', 'Thai baht', '฿', ['฿'], ['Thai baht', 'baht']),
  currency('PHP', 'Philippine peso', '₱', ['₱'], ['Philippine pesos', 'pesos']),
  currency('MYR', 'Malaysian ringgit', 'RM', ['RM'], ['Malaysian ringgit', 'ringgit']),
  currency('SGD', 'Singapore dollar', 'S$', ['S$', 'SG$'], ['Singapore dollars', 'Singaporean dollars']),
  currency('VND', 'Vietnamese dong', '₫', ['₫'], ['Vietnamese dong', 'dong'], ['₫']),
  currency('AUD', 'Australian dollar', 'A$', ['A$', 'AU$'], ['Australian dollars']),
  currency('CAD', 'Canadian dollar', 'C$', ['C$', 'CA$', 'Can$'], ['Canadian dollars']),
  currency('CHF', 'Swiss franc', undefined, [], ['Swiss francs', 'francs']),
  currency('HKD', 'Hong Kong dollar', 'HK$', ['HK$'], ['Hong Kong dollars']),
  currency('NZD', 'New Zealand dollar', 'NZ$', ['NZ$'], ['New Zealand dollars']),
  currency('TWD', 'New Taiwan dollar', 'NT$', ['NT$'], ['New Taiwan dollars', 'Taiwan dollars']),
  currency('KRW', 'South Korean won', '₩', ['₩'], ['South Korean won', 'Korean won']),
  currency('BDT', 'Bangladeshi taka', '৳', ['৳', 'Tk'], ['taka']),
  currency('PKR', 'Pakistani rupee', undefined, [], ['Pakistani rupees']),
  currency('LKR', 'Sri Lankan rupee', undefined, [], ['Sri Lankan rupees']),
  currency('NPR', 'Nepalese rupee', undefined, [], ['Nepalese rupees', 'Nepali rupees']),
  currency('MMK', 'Myanmar kyat', undefined, [], ['kyat']),
  currency('KHR', 'Cambodian riel', undefined, [], ['riel']),
  currency('LAK', 'Lao kip', undefined, [], ['kip']),
  currency('MXN', 'Mexican peso', 'MX$', ['MX$', 'Mex$'], ['Mexican pesos']),
  currency('BRL', 'Brazilian real', 'R$', ['R$'], ['Brazilian reais', 'reais']),
  currency('ZAR', 'South African rand', undefined, [], ['rand']),
  currency('NGN', 'Nigerian naira', '₦', ['₦'], ['naira']),
  currency('KES', 'Kenyan shilling', 'KSh', ['KSh'], ['Kenyan shillings']),
  currency('AED', 'UAE dirham', undefined, [], ['UAE dirhams', 'dirhams']),
  currency('SAR', 'Saudi riyal', undefined, [], ['Saudi riyals', 'riyals']),
  currency('QAR', 'Qatari riyal', undefined, [], ['Qatari riyals']),
  currency('RUB', 'Russian rouble', '₽', ['₽'], ['roubles', 'rubles']),
  currency('SEK', 'Swedish krona', undefined, [], ['Swedish kronor']),
  currency('NOK', 'Norwegian krone', undefined, [], ['Norwegian kroner']),
  currency('DKK', 'Danish krone', undefined, [], ['Danish kroner']),

  { id: 'percent', label: 'percent', kind: 'percent', symbol: '%' },
  { id: 'percentage points', label: 'percentage points', kind: 'percent', singular: 'percentage point' },

  counted('people', 'person', 'persons'),
  counted('individuals', 'individual'),
  counted('victims', 'victim'),
  counted('survivors', 'survivor'),
  counted('workers', 'worker'),
  counted('children', 'child'),
  counted('minors', 'minor'),
  counted('adults', 'adult'),
  counted('women', 'woman'),
  counted('men', 'man'),
  counted('girls', 'girl'),
  counted('boys', 'boy'),
  counted('migrants', 'migrant'),
  counted('refugees', 'refugee'),
  counted('residents', 'resident'),
  counted('citizens', 'citizen'),
  counted('households', 'household'),
  counted('families', 'family'),
  counted('cases', 'case'),
  counted('incidents', 'incident'),
  counted('deaths', 'death'),
  counted('arrests', 'arrest'),
  counted('prosecutions', 'prosecution'),
  counted('convictions', 'conviction'),
  counted('investigations', 'investigation'),
  counted('traffickers', 'trafficker'),
  counted('offenders', 'offender'),
  counted('suspects', 'suspect'),
  counted('employers', 'employer'),
  counted('companies', 'company'),
  counted('businesses', 'business'),
  counted('countries', 'country'),
  counted('jobs', 'job'),
  counted('fishers', 'fisher', 'fishermen', 'fisherman'),
  counted('vessels', 'vessel'),
  counted('reports', 'report'),
  counted('complaints', 'complaint'),
  counted('students', 'student'),
  counted('patients', 'patient'),

  time('years', 'year'),
  time('months', 'month'),
  time('weeks', 'week'),
  time('days', 'day'),
  time('hours', 'hour'),

  { id: 'count', label: 'count', kind: 'count' },
];

export const UNIT_BY_ID: ReadonlyMap<string, Unit> = new Map(UNITS.map((u) => [u.id, u]));
