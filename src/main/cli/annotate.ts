// `gloss annotate` and `gloss annotations`: scripting what the reader does. A quote is anchored on
// its first occurrence (or the one named), tags and sources are found by name or created, and
// figures are prefilled from the quote exactly as the card's form prefills them.
import { GlossError } from '../../shared/errors';
import type { Annotation, DocumentRecord, Kind, Source, Tag } from '../../shared/model';
import { call, type Io, strings, UsageError, type Values, withHost } from './common';
import type { LocalHost } from '../host/local-host';
import { normalizeTagName } from '../store/tags';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the n-th occurrence of a quote sits; runs of white space match any white space. */
export function findQuote(text: string, quote: string, occurrence: number): { start: number; end: number } | { found: number } {
  const words = quote.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { found: 0 };
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  let found = 0;
  for (const match of text.matchAll(pattern)) {
    found++;
    if (found === occurrence) return { start: match.index, end: match.index + match[0].length };
  }
  return { found };
}

async function kindFor(host: LocalHost, wanted: string | undefined): Promise<Kind> {
  const kinds = await call<Kind[]>(host, 'kinds.list', {});
  const name = wanted ?? 'Claim';
  const kind = kinds.find((k) => k.name.toLowerCase() === name.toLowerCase() || k.id === name);
  if (!kind) throw new GlossError({ code: 'not-found', message: `There is no kind named “${name}”; the kinds are ${kinds.map((k) => k.name).join(', ')}.` });
  return kind;
}

async function tagIds(host: LocalHost, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const tags = await call<Tag[]>(host, 'tags.list', {});
  const ids: string[] = [];
  for (const name of names) {
    const wanted = normalizeTagName(name);
    const existing = tags.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
    if (existing) ids.push(existing.id);
    else {
      const created = await call<Tag>(host, 'tags.create', { name: wanted });
      // Named twice on one command line: the second mention finds the tag the first one made.
      tags.push(created);
      ids.push(created.id);
    }
  }
  return ids;
}

async function sourceIds(host: LocalHost, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const candidates = await call<Source[]>(host, 'sources.list', { query: name });
    const lower = name.trim().toLowerCase();
    const existing = candidates.find((s) => [s.name, s.acronym, ...s.aliases].some((n) => n?.toLowerCase() === lower));
    ids.push(existing ? existing.id : (await call<Source>(host, 'sources.create', { kind: 'organisation', name })).id);
  }
  return ids;
}

export async function annotateCommand(ids: string[], values: Values, io: Io): Promise<number> {
  if (ids.length !== 1) throw new UsageError('annotate needs exactly one document ID.');
  const quote = values.quote;
  if (typeof quote !== 'string' || quote.trim() === '') throw new UsageError('annotate needs --quote TEXT: the words to highlight.');
  const occurrence = values.occurrence === undefined ? 1 : Number(values.occurrence);
  if (!Number.isInteger(occurrence) || occurrence < 1) throw new UsageError('--occurrence takes a whole number from 1.');
  return withHost(values, async (host) => {
    const doc = await call<DocumentRecord>(host, 'documents.get', { id: ids[0] });
    const place = findQuote(doc.text, quote, occurrence);
    if ('found' in place) {
      const shown = quote.length > 60 ? `${quote.slice(0, 59)}…` : quote;
      throw new GlossError({
        code: 'not-found',
        message:
          place.found === 0
            ? `The quote “${shown}” is not in “${doc.title}”.`
            : `The quote “${shown}” occurs ${place.found} time${place.found === 1 ? '' : 's'} in “${doc.title}”, so there is no occurrence ${occurrence}.`,
      });
    }
    const kind = await kindFor(host, typeof values.kind === 'string' ? values.kind : undefined);
    const annotation = await call<Annotation>(host, 'annotations.create', {
      documentId: doc.id,
      kindId: kind.id,
      ...place,
      note: typeof values.note === 'string' ? values.note : '',
      tagIds: await tagIds(host, strings(values.tag)),
      sources: (await sourceIds(host, strings(values.source))).map((sourceId) => ({ sourceId })),
    });
    io.out(values.json ? JSON.stringify(annotation, null, 2) : `annotated ${annotation.id} ${kind.name}: “${annotation.exact}”`);
    return 0;
  });
}

export async function annotationsCommand(ids: string[], values: Values, io: Io): Promise<number> {
  if (ids.length !== 1) throw new UsageError('annotations needs exactly one document ID.');
  return withHost(values, async (host) => {
    const list = await call<Annotation[]>(host, 'annotations.list', { documentId: ids[0] });
    if (values.json) io.out(JSON.stringify(list, null, 2));
    else if (list.length === 0) io.out('This document has no annotations yet.');
    else for (const a of list) io.out(`${a.id}  ${a.start}–${a.end}  “${a.exact}”${a.anchor === 'anchored' ? '' : `  (${a.anchor})`}`);
    return 0;
  });
}
