// Names and dates as pages print them, turned into CSL: people split into family and given names,
// organisations kept whole, dates into date-parts without shifting them across time zones.
import type { CslDate, CslName } from '../../../shared/model';

/** Words that mark a byline as an organisation, not a person (documented heuristic). */
const ORGANISATION =
  /\b(staff|reporters?|correspondents?|desk|team|editors?|editorial|board|agency|agence|press|news|reuters|afp|bbc|associated|organi[sz]ation|office|ministry|department|university|institute|council|commission|committee|bureau|foundation|international|group|ltd|inc|llc|plc|gmbh|association|network|centre|center|bank|fund|programme|program|unicef|unesco|ilo|who|unhcr|iom|oecd|government|trust|watch|amnesty|coalition|alliance|union|society)\b/i;
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'do',
  'ten',
  'ter',
  'bin',
  'binti',
  'al',
  'el',
  'st.',
  "d'",
]);
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|phd|md)$/i;

/** One person's name: "Given Family", "Family, Given", with particles kept with the family name. */
export function personName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (ORGANISATION.test(name)) return { literal: name };
  const comma = /^([^,]+),\s*(.+)$/.exec(name);
  if (comma) {
    const rest = comma[2]!.trim();
    if (SUFFIX.test(rest)) return withSuffix(personName(comma[1]!), rest);
    return { family: comma[1]!.trim(), given: rest };
  }
  const words = name.split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop();
  if (words.length === 1) return { literal: name };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  const person: CslName = { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
  return suffix ? withSuffix(person, suffix) : person;
}

/** CSL-JSON's `suffix` ("Jr."), which Gloss's CslName type does not list but CSL processors read. */
function withSuffix(name: CslName, suffix: string): CslName {
  const named: CslName & { suffix: string } = { ...name, suffix };
  return named;
}

/**
 * A byline with one or more names: "By Jane Doe and John Smith", "Jane Doe, John Smith",
 * "Staff reporter". `single` is for vocabularies with one name per tag (citation_author), where a
 * comma means "Family, Given".
 */
export function parseNameList(raw: string, single = false): CslName[] {
  const text = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '')
    .replace(/\s*[|•·]\s*.*$/, '');
  if (text === '') return [];
  if (single) return [personName(text)];
  if (ORGANISATION.test(text) && !/\band\b|,|&/.test(text)) return [{ literal: text }];
  const parts = text
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  // "Doe, Jane" is one person, not two: two parts where the second is a single given name.
  if (parts.length === 2 && !/\s/.test(parts[0]!) && !/\s/.test(parts[1]!) && text.includes(',')) return [personName(text)];
  return parts.map(personName);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as CSL date-parts. ISO dates keep the calendar date written in them (a story published at
 * 23:30 in New York is dated that day, not the next day in UTC); other formats go through Date.
 */
export function cslDate(raw: string | undefined): CslDate | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const iso = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:$|[T\s])/.exec(value);
  if (iso) {
    const parts = [Number(iso[1])];
    const month = iso[2] ? Number(iso[2]) : undefined;
    const day = iso[3] ? Number(iso[3]) : undefined;
    if (month !== undefined && month >= 1 && month <= 12) {
      parts.push(month);
      if (day !== undefined && day >= 1 && day <= 31) parts.push(day);
    }
    return { 'date-parts': [parts] };
  }
  const dmy = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/i.exec(value);
  const mdy = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(value);
  const named = dmy ? { day: dmy[1]!, month: dmy[2]!, year: dmy[3]! } : mdy ? { day: mdy[2]!, month: mdy[1]!, year: mdy[3]! } : null;
  if (named) {
    const month = MONTHS.indexOf(named.month.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return { 'date-parts': [[Number(named.year), month, Number(named.day)]] };
  }
  return { raw: value };
}
