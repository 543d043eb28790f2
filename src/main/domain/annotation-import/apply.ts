// Imports annotations from a W3C or Hypothesis file into the library, in one transaction: each is
// matched to a document, anchored in its current text (or kept as an orphan with its quote),
// and created with its kind, tags, sources (found by name or created), figures and note, keeping
// the file's ids and times. An id already in the library is skipped, so importing a file again
// changes nothing.
import { GlossError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { DocumentRecord, Kind } from '../../../shared/model';
import { getAnnotation, restoreAnnotation, setAnnotationTimes, type SourceLinkInput } from '../../store/annotations';
import { createKind, listKinds } from '../../store/kinds';
import type { Database } from '../../store/native';
import { createSource, findSourceByName, getSource } from '../../store/sources';
import { createTag, findTagByName, normalizeTagName } from '../../store/tags';
import { now } from '../../store/sql';
import { anchorIn } from './anchor';
import { readHypothesis } from './hypothesis';
import { DocumentMatcher } from './match';
import type { ImportSummary, IncomingAnnotation, IncomingSource, ParsedFile } from './types';
import { readW3c } from './w3c';

/** W3C when the file speaks JSON-LD (an @context, or Annotation types); Hypothesis otherwise. */
export function readAnnotationFile(raw: string, name: string): ParsedFile {
  return /"@context"|"type"\s*:\s*"Annotation(Collection|Page)?"/.test(raw) ? readW3c(raw, name) : readHypothesis(raw, name);
}

export function importAnnotationFile(db: Database, raw: string, name: string): ImportSummary {
  return applyImport(db, readAnnotationFile(raw, name));
}

const exists = (read: () => unknown): boolean => {
  try {
    read();
    return true;
  } catch (error) {
    if (error instanceof GlossError && error.code === 'not-found') return false;
    throw error;
  }
};

function kindFor(db: Database, a: IncomingAnnotation, kinds: Kind[]): string {
  const { id, name, color } = a.kind;
  if (id !== null && kinds.some((k) => k.id === id)) return id;
  const named = name === null ? undefined : kinds.find((k) => k.name.toLowerCase() === name.toLowerCase());
  if (named) return named.id;
  const fallback = kinds.find((k) => k.id === a.fallbackKindId) ?? kinds[0];
  if (name === null && fallback) return fallback.id;
  // A kind the library lacks, or no kinds left at all: the file's kind (or the built-in one) is made.
  const made = name === null ? { id: a.fallbackKindId, name: BUILT_IN_NAMES[a.fallbackKindId] ?? 'Note' } : { id: id ?? newId(), name };
  const created = createKind(db, { ...made, color: color ?? '#9e9e9e', shortcut: null });
  kinds.push(created);
  return created.id;
}

const BUILT_IN_NAMES: Record<string, string> = { 'k-claim': 'Claim', 'k-figure': 'Figure', 'k-quote': 'Quote', 'k-question': 'Question', 'k-note': 'Note' };

function tagIds(db: Database, names: readonly string[]): string[] {
  return names
    .map(normalizeTagName)
    .filter((name) => name !== '')
    .map((name) => (findTagByName(db, name) ?? createTag(db, { id: newId(), name, color: null })).id);
}

function sourceLinks(db: Database, sources: readonly IncomingSource[]): SourceLinkInput[] {
  return sources.map((s) => {
    const known = s.id !== null && exists(() => getSource(db, s.id!)) ? s.id : findSourceByName(db, s.name)?.id;
    const sourceId =
      known ??
      createSource(db, s.id ?? newId(), { kind: s.kind, name: s.name, acronym: s.acronym, aliases: s.aliases, url: s.url, publisherId: null, csl: null }).id;
    return { sourceId, role: s.role, locator: s.locator };
  });
}

/** A figure id the file repeats would collide in the figures table: the repeat gets a fresh id. */
function withUniqueIds(figures: IncomingAnnotation['figures'], used: Set<string>): IncomingAnnotation['figures'] {
  return figures.map(({ id, ...figure }) => {
    if (id === undefined || used.has(id)) return figure;
    used.add(id);
    return { ...figure, id };
  });
}

/** ISO 8601 in UTC with milliseconds, as Gloss writes its own times. */
const iso = (time: string | null): string | null => (time === null ? null : new Date(time).toISOString());

export function applyImport(db: Database, file: ParsedFile): ImportSummary {
  return db
    .transaction((): ImportSummary => {
      const summary: ImportSummary = { imported: 0, orphaned: 0, skipped: [...file.skipped], unmatchedDocuments: [] };
      const documents: Map<string, DocumentRecord | null> = new DocumentMatcher(db).resolve(file.annotations);
      for (const [source, doc] of documents) if (doc === null) summary.unmatchedDocuments.push(source);
      const kinds = listKinds(db);
      const seen = new Set<string>();
      const figureIds = new Set<string>();
      for (const a of file.annotations) {
        if (seen.has(a.id)) {
          summary.skipped.push({ id: a.label, reason: 'it appears more than once in the file' });
          continue;
        }
        seen.add(a.id);
        if (exists(() => getAnnotation(db, a.id))) {
          summary.skipped.push({ id: a.label, reason: 'it is already in the library (imported before)' });
          continue;
        }
        const doc = documents.get(a.source) ?? null;
        if (doc === null) {
          summary.skipped.push({ id: a.label, reason: `no document in the library matches ${a.source}` });
          continue;
        }
        const anchor = anchorIn(doc.text, a);
        const created = iso(a.created) ?? now();
        restoreAnnotation(db, {
          id: a.id,
          documentId: doc.id,
          kindId: kindFor(db, a, kinds),
          status: a.status,
          note: a.note,
          tags: tagIds(db, a.tags).map((id) => ({ id })),
          sources: sourceLinks(db, a.sources),
          figures: withUniqueIds(a.figures, figureIds),
          createdAt: created,
          ...anchor,
        });
        setAnnotationTimes(db, a.id, created, iso(a.modified) ?? created);
        summary.imported++;
        if (anchor.anchor === 'orphaned') summary.orphaned++;
      }
      return summary;
    })
    .immediate();
}
