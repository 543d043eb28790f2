// The document details form without React: a document's CSL item as editable strings, checked and
// turned back into CSL. Fields the form does not show (an editor, a place of publication, a
// citation key) pass through untouched, and so do fields hidden for the current item type.
import type { CslDate, CslItem, CslName } from '../../../shared/model';

export const ITEM_TYPES = [
  { value: 'article-newspaper', label: 'News article' },
  { value: 'article-journal', label: 'Journal article' },
  { value: 'report', label: 'Report' },
  { value: 'webpage', label: 'Web page' },
  { value: 'book', label: 'Book' },
  { value: 'chapter', label: 'Book chapter' },
] as const;

export interface AuthorDraft {
  /** Stable across reordering, so React keeps each row's inputs (and focus) with its author. */
  key: string;
  kind: 'person' | 'organisation';
  family: string;
  given: string;
  literal: string;
}

export interface MetadataDraft {
  type: string;
  title: string;
  authors: AuthorDraft[];
  containerTitle: string;
  publisher: string;
  issued: string;
  url: string;
  accessed: string;
  language: string;
  doi: string;
  volume: string;
  issue: string;
  page: string;
}

export type DraftField = Exclude<keyof MetadataDraft, 'authors'> | `authors.${number}`;
export type DraftErrors = Partial<Record<DraftField, string>>;

let nextKey = 0;
const newKey = () => `author-${++nextKey}`;

export function newAuthor(kind: AuthorDraft['kind']): AuthorDraft {
  return { key: newKey(), kind, family: '', given: '', literal: '' };
}

function authorDraft(name: CslName): AuthorDraft {
  if (name.literal !== undefined && name.family === undefined && name.given === undefined) {
    return { ...newAuthor('organisation'), literal: name.literal };
  }
  return { ...newAuthor('person'), family: name.family ?? '', given: name.given ?? '', literal: '' };
}

const PAD = (n: number | string) => String(n).padStart(2, '0');

/** A CSL date as the form shows it: 2023, 2023-05 or 2023-05-02, else its raw or literal text. */
export function dateText(date: CslDate | undefined): string {
  const parts = date?.['date-parts']?.[0];
  if (parts && parts.length > 0 && parts.every((p) => Number.isInteger(Number(p)))) {
    const [year, month, day] = parts.map(Number);
    return [String(year).padStart(4, '0'), month ? PAD(month) : null, month && day ? PAD(day) : null].filter(Boolean).join('-');
  }
  return date?.raw ?? date?.literal ?? '';
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A typed date as CSL date parts; null when it is not a real YYYY, YYYY-MM or YYYY-MM-DD date. */
export function parseDate(text: string): CslDate | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return null;
  }
  return { 'date-parts': [[year!, month, day].filter((part): part is number => part !== undefined)] };
}

const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function draftFromCsl(csl: CslItem, title: string): MetadataDraft {
  return {
    type: str(csl.type),
    title: str(csl.title) || title,
    authors: (csl.author ?? []).map(authorDraft),
    containerTitle: str(csl['container-title']),
    publisher: str(csl.publisher),
    issued: dateText(csl.issued),
    url: str(csl.URL),
    accessed: dateText(csl.accessed),
    language: str(csl.language),
    doi: str(csl.DOI),
    volume: str(csl.volume),
    issue: str(csl.issue),
    page: str(csl.page),
  };
}

/** What the container is called for each item type; types without one do not show the field. */
const CONTAINER_LABEL: Record<string, string> = {
  'article-newspaper': 'Newspaper or outlet',
  'article-journal': 'Journal',
  webpage: 'Website',
  chapter: 'Book title',
  report: 'Series',
};

export interface Visible {
  container: string | null;
  volumeAndIssue: boolean;
  pages: boolean;
}

/** Which optional fields an item type shows, and what its container is called. */
export function visibleFields(type: string): Visible {
  const known = ITEM_TYPES.some((t) => t.value === type);
  return {
    container: known ? (CONTAINER_LABEL[type] ?? null) : 'Published in',
    volumeAndIssue: type === 'article-journal' || !known,
    pages: ['article-journal', 'article-newspaper', 'chapter'].includes(type) || !known,
  };
}

const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** A DOI as people paste it (https://doi.org/10.…, doi:10.…) reduced to the DOI itself. */
export function cleanDoi(text: string): string {
  return text.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Every problem in the draft, by field, in words a person can act on; empty when it can be saved. */
export function checkDraft(draft: MetadataDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.title.trim() === '') errors.title = 'Give the document a title.';
  const dateProblem = (text: string) =>
    DATE.test(text.trim()) ? `${text.trim()} is not a date in the calendar.` : 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2023-05-02.';
  if (draft.issued.trim() !== '' && !parseDate(draft.issued)) errors.issued = dateProblem(draft.issued);
  if (draft.accessed.trim() !== '' && !parseDate(draft.accessed)) errors.accessed = dateProblem(draft.accessed);
  if (draft.url.trim() !== '' && !isWebAddress(draft.url.trim())) errors.url = 'Write a full web address, starting with https:// or http://.';
  if (draft.language.trim() !== '' && !LANGUAGE.test(draft.language.trim())) errors.language = 'Use a language code such as en, fr or pt-BR.';
  if (draft.doi.trim() !== '' && !DOI.test(cleanDoi(draft.doi))) errors.doi = 'A DOI starts with 10. and a slash, for example 10.1234/abc.56.';
  draft.authors.forEach((author, index) => {
    if (author.kind === 'person' && author.family.trim() === '' && author.given.trim() !== '') {
      errors[`authors.${index}`] = 'Give this person’s family name (or make the entry an organisation).';
    }
  });
  return errors;
}

function cslName(author: AuthorDraft): CslName | null {
  if (author.kind === 'organisation') return author.literal.trim() === '' ? null : { literal: author.literal.trim() };
  const family = author.family.trim();
  const given = author.given.trim();
  if (family === '' && given === '') return null;
  return given === '' ? { family } : { family, given };
}

/**
 * The CSL item to save: the base item with every field the form shows replaced by the draft's
 * value (an empty field removes it). Dates typed as they were shown keep their original form.
 */
export function cslFromDraft(draft: MetadataDraft, base: CslItem): CslItem {
  const csl: CslItem = { ...base };
  const set = (key: string, value: unknown) => {
    if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) delete csl[key];
    else csl[key] = value;
  };
  set('type', draft.type.trim());
  set('title', draft.title.trim());
  set(
    'author',
    draft.authors.map(cslName).filter((name): name is CslName => name !== null),
  );
  set('container-title', draft.containerTitle.trim());
  set('publisher', draft.publisher.trim());
  const date = (key: 'issued' | 'accessed', text: string) =>
    set(key, text.trim() === dateText(base[key]) ? base[key] : text.trim() === '' ? undefined : (parseDate(text) ?? undefined));
  date('issued', draft.issued);
  date('accessed', draft.accessed);
  set('URL', draft.url.trim());
  set('language', draft.language.trim());
  set('DOI', cleanDoi(draft.doi));
  set('volume', draft.volume.trim());
  set('issue', draft.issue.trim());
  set('page', draft.page.trim().replace(/\s*[–—]\s*|\s*-{1,2}\s*/g, '-'));
  return csl;
}

/** Moves one author up (-1) or down (+1); the list is returned unchanged at either end. */
export function moveAuthor(authors: readonly AuthorDraft[], index: number, delta: -1 | 1): AuthorDraft[] {
  const target = index + delta;
  if (index < 0 || index >= authors.length || target < 0 || target >= authors.length) return [...authors];
  const out = [...authors];
  [out[index], out[target]] = [out[target]!, out[index]!];
  return out;
}

const sameAuthors = (a: readonly AuthorDraft[], b: readonly AuthorDraft[]) =>
  a.length === b.length && a.every((x, i) => x.kind === b[i]!.kind && x.family === b[i]!.family && x.given === b[i]!.given && x.literal === b[i]!.literal);

/**
 * After a conflict (the document was changed elsewhere while the form was open): the fields the
 * person changed are kept, every other field takes the newer version's value.
 */
export function rebaseDraft(original: MetadataDraft, edited: MetadataDraft, current: MetadataDraft): MetadataDraft {
  const out: MetadataDraft = { ...current };
  for (const key of Object.keys(edited) as (keyof MetadataDraft)[]) {
    if (key === 'authors') {
      if (!sameAuthors(original.authors, edited.authors)) out.authors = edited.authors;
    } else if (edited[key] !== original[key]) out[key] = edited[key];
  }
  return out;
}

/** True when the draft would save something different from what the document has. */
export function isChanged(original: MetadataDraft, edited: MetadataDraft): boolean {
  return (Object.keys(edited) as (keyof MetadataDraft)[]).some((key) =>
    key === 'authors' ? !sameAuthors(original.authors, edited.authors) : edited[key] !== original[key],
  );
}
