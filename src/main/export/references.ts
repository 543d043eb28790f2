// The chosen documents as reference-manager files: CSL-JSON, BibTeX and RIS, written by
// citation-js from each document's CSL-JSON. Every item carries a citation key built from its
// first author, year and first title word, so a paper written against one export still cites
// the same keys after the next.
// @ts-expect-error -- citation-js ships no type declarations; the one name used is typed below.
import { Cite as UntypedCite } from '@citation-js/core';
// Imported for their side effect: each registers its format's writer with the core.
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { CslItem, CslName, DocumentRecord } from '../../shared/model';

export type ReferenceFormat = 'csl-json' | 'bibtex' | 'ris';

const Cite = UntypedCite as new (input: unknown) => { format(type: string, options?: { format: 'text' }): string };

/** Words too common to tell two titles apart. */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'and', 'for', 'to', 'at', 'by', 'with', 'from', 'le', 'la', 'les', 'der', 'die', 'das', 'el']);

/**
 * RIS cuts an ID at 20 characters, so a key is at most 18 plus a two-letter de-duplicating suffix:
 * the same key in every format. A long name leaves room for some of the title word.
 */
const BASE_LENGTH = 18;
const NAME_LENGTH = 10;

/** Letters and digits only, accents dropped: keys must survive every BibTeX tool. */
function keyPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

function baseKey(csl: CslItem, title: string): string {
  const first = csl.author?.[0];
  const name = first ? (first.family ?? first.literal?.split(/\s+/)[0] ?? first.given ?? '') : '';
  const year = String(csl.issued?.['date-parts']?.[0]?.[0] ?? /\d{4}/.exec(csl.issued?.raw ?? csl.issued?.literal ?? '')?.[0] ?? 'nd');
  const word = title
    .split(/\s+/)
    .map(keyPart)
    .find((w) => w !== '' && !STOP_WORDS.has(w));
  const head = keyPart(name || 'anon').slice(0, NAME_LENGTH) + keyPart(year);
  return head + (word ?? '').slice(0, Math.max(0, BASE_LENGTH - head.length));
}

/**
 * A citation key per document. Colliding keys get a, b, c… in creation order (ids sort by
 * creation), so which one is "a" does not depend on the order the caller lists them in.
 */
export function citationKeys(documents: readonly DocumentRecord[]): Map<string, string> {
  const groups = new Map<string, DocumentRecord[]>();
  for (const doc of [...documents].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = baseKey(doc.csl, doc.csl.title ?? doc.title);
    groups.set(key, [...(groups.get(key) ?? []), doc]);
  }
  const keys = new Map<string, string>();
  const taken = new Set(groups.keys());
  for (const [key, docs] of groups) {
    if (docs.length === 1) {
      keys.set(docs[0]!.id, key);
      continue;
    }
    let n = 0;
    for (const doc of docs) {
      let candidate: string;
      do candidate = key + suffix(n++);
      while (taken.has(candidate));
      taken.add(candidate);
      keys.set(doc.id, candidate);
    }
  }
  return keys;
}

/** a…z, then aa…zz: 702 same-author, same-year, same-word items, more than any library holds. */
function suffix(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : suffix(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26));
}

/** The CSL-JSON item as it goes out: the document's title and URL when its metadata lacks them. */
export function referenceItem(doc: DocumentRecord, key: string): CslItem & { id: string } {
  const item: CslItem & { id: string } = { ...doc.csl, id: key, 'citation-key': key, title: doc.csl.title ?? doc.title };
  item.type ??= 'document';
  const url = doc.csl.URL ?? doc.origin.finalUrl ?? doc.origin.url;
  if (url) item.URL = url;
  return item;
}

export function exportReferences(documents: readonly DocumentRecord[], format: ReferenceFormat): string {
  const keys = citationKeys(documents);
  const items = documents.map((doc) => referenceItem(doc, keys.get(doc.id)!));
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (format === 'bibtex') return new Cite(items).format('bibtex', { format: 'text' });
  return items.map((item) => risRecord(item).replace(/\n*$/, '\n')).join('');
}

const risName = (name: CslName): string => name.literal ?? [name.family, name.given].filter(Boolean).join(', ');

/**
 * citation-js writes a newspaper article (RIS type NEWS) without its authors and with the year
 * only; the record gets them back here, with the date written the way RIS readers take a full
 * date in PY (2015/08/17/).
 */
function risRecord(item: CslItem): string {
  const ris = new Cite([item]).format('ris', { format: 'text' });
  if (!/^TY {2}- NEWS$/m.test(ris)) return ris;
  const authors = (item.author ?? []).map(risName).filter((n) => n !== '');
  const parts = item.issued?.['date-parts']?.[0] ?? [];
  const withAuthors = ris.replace(/^TY {2}- NEWS\n/m, (type) => type + authors.map((n) => `AU  - ${n}\n`).join(''));
  return parts.length > 1 ? withAuthors.replace(/^PY {2}- .*$/m, `PY  - ${parts.join('/')}/`) : withAuthors;
}
