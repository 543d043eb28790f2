// How dates, counts and document details read on screen, in the reader's own language.
import type { DocumentSummary } from '../../shared/model';

const locale = typeof navigator === 'undefined' ? 'en' : navigator.language;
const numbers = new Intl.NumberFormat(locale);
const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const localDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });

/** A CSL-style date (2015-08-17, 2015-08 or 2015) at the precision it was written with. */
export function formatIssued(issued: string): string {
  const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(issued.trim());
  if (!match) return issued;
  const [, y, m, d] = match;
  const year = Number(y);
  if (!m) return String(year);
  const date = new Date(Date.UTC(year, Number(m) - 1, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime())) return issued;
  return d ? day.format(date) : month.format(date);
}

/** A timestamp from the library (when a document was added), as a calendar day here. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localDay.format(date);
}

export function formatCount(n: number, one: string, many: string): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

/** The quiet second line under a title: outlet and publication date, else when it was added. */
export function documentByline(doc: Pick<DocumentSummary, 'outlet' | 'issued' | 'createdAt'>): string {
  const parts = [doc.outlet, doc.issued ? formatIssued(doc.issued) : null].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : `Added ${formatTimestamp(doc.createdAt)}`;
}
