// Bibliographic entries: a BibTeX, RIS or CSL-JSON file becomes documents awaiting their text (all
// of its entries or none), or gives one document its metadata; an entry later gets its text from a
// file, a web page or pasted text through the same importers as any document.
//
// Which metadata wins: what a person exported from their reference manager is more deliberate than
// what a page or a PDF says about itself, so the entry's fields win over the file's, and the file
// (or the fetch: URL, accessed) only fills the fields the entry lacks. Attaching an entry to a
// document works the same way round: the entry's fields replace the document's, and the document
// keeps every field the entry does not have (its URL and accessed date, typically).
import { assemble, countWords } from '../../shared/canonical';
import type { EntriesImport } from '../../shared/api';
import { GlossError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { CslItem, ImportedDocument } from '../../shared/model';
import { parseBibliography } from '../importers/bibliographic';
import { readSource } from '../importers/pipeline';
import type { Imported, ImportSource } from '../importers/types';
import { fetchUrl } from '../importers/url';
import { fillText, findByContentHash, findCitationDuplicate, getDocument, insertDocument, setOrigin, updateDocument } from '../store/documents';
import type { Database } from '../store/native';
import { contentHash, textToBlocks } from './documents';
import { dateParts, withPages } from './import';

export interface BibliographyFile {
  name: string;
  content?: string | undefined;
  /** The file's bytes, base64. */
  data?: string | undefined;
}

function readBibliography(file: BibliographyFile): { entries: CslItem[]; warnings: string[] } {
  const text = file.content ?? new TextDecoder('utf-8').decode(Buffer.from(file.data ?? '', 'base64'));
  if (text.trim() === '') throw new GlossError({ code: 'validation', message: `“${file.name}” is empty: there are no references in it to import.` });
  return parseBibliography(text, file.name);
}

/** Creates one document awaiting its text per entry, skipping (and naming) those already in the library. */
export function importEntries(db: Database, file: BibliographyFile): EntriesImport {
  const { entries, warnings } = readBibliography(file);
  const result: EntriesImport = { entries: [], duplicates: [], warnings };
  const ids: string[] = [];
  db.transaction(() => {
    for (const csl of entries) {
      const title = csl.title!;
      const existing = findCitationDuplicate(db, csl);
      if (existing) {
        result.duplicates.push({ title, existingId: existing.id, existingTitle: existing.title, reason: existing.reason });
        continue;
      }
      const id = newId();
      insertDocument(db, {
        id,
        title,
        status: 'awaiting-text',
        format: 'bibliographic',
        csl,
        text: '',
        blocks: [],
        contentHash: '',
        wordCount: 0,
        origin: { kind: 'entry', fileName: file.name, url: null, finalUrl: null, fetchedAt: null, mediaType: null, bytes: null },
      });
      ids.push(id);
    }
  }).immediate();
  result.entries = ids.map((id) => {
    const { csl: _csl, text: _text, blocks: _blocks, summary: _summary, contentHash: _hash, origin: _origin, ...summary } = getDocument(db, id);
    return summary;
  });
  return result;
}

/** Gives a document the metadata of a file's single entry (the entry's fields win). */
export function attachEntry(db: Database, id: string, basedOn: number, file: BibliographyFile): ImportedDocument {
  const { entries, warnings } = readBibliography(file);
  if (entries.length !== 1) {
    throw new GlossError({
      code: 'validation',
      message: `“${file.name}” holds ${entries.length} entries; to give a document its details, attach a file with exactly one entry.`,
    });
  }
  const entry = entries[0]!;
  const document = db
    .transaction(() => {
      const current = getDocument(db, id);
      return updateDocument(db, id, basedOn, { title: entry.title ?? current.title, csl: { ...current.csl, ...entry } });
    })
    .immediate();
  return { document, warnings };
}

export interface TextSource {
  name?: string | undefined;
  data?: string | undefined;
  mediaType?: string | undefined;
  content?: string | undefined;
  format: 'text' | 'markdown';
  url?: string | undefined;
  allowPrivate: boolean;
  allowDuplicate: boolean;
}

function awaiting(db: Database, id: string, basedOn: number) {
  const doc = getDocument(db, id);
  if (doc.status !== 'awaiting-text') {
    throw new GlossError({
      code: 'validation',
      message: `“${doc.title}” already has its text. To correct it use Edit text; to read its source again use Re-import.`,
    });
  }
  if (doc.version !== basedOn) {
    throw new GlossError({
      code: 'conflict',
      message: `This entry was changed elsewhere (you had version ${basedOn}, it is now at version ${doc.version}). Nothing was imported; try again.`,
      current: doc,
    });
  }
  return doc;
}

/** Fills an entry awaiting its text from a file, a web page or pasted text; the entry's metadata wins. */
export async function provideText(db: Database, id: string, basedOn: number, source: TextSource): Promise<ImportedDocument> {
  awaiting(db, id, basedOn);
  let imported: Imported;
  let origin: Parameters<typeof setOrigin>[2];
  const extra: CslItem = {};
  if (source.content !== undefined) {
    imported = { format: source.format, title: null, blocks: textToBlocks(source.content, source.format), csl: {}, warnings: [] };
    const mediaType = source.format === 'markdown' ? 'text/markdown' : 'text/plain';
    origin = { kind: 'pasted', fileName: null, url: null, finalUrl: null, fetchedAt: null, mediaType, bytes: null };
  } else {
    const read: ImportSource =
      source.url !== undefined
        ? await fetchUrl(source.url, { allowPrivate: source.allowPrivate })
        : { name: source.name ?? 'file', bytes: Buffer.from(source.data ?? '', 'base64'), ...(source.mediaType ? { mediaType: source.mediaType } : {}) };
    imported = await readSource(read);
    if (read.url) {
      extra.URL = read.finalUrl ?? read.url;
      if (read.fetchedAt) extra.accessed = dateParts(read.fetchedAt);
    }
    origin = {
      kind: read.url ? 'url' : 'file',
      fileName: read.url ? null : read.name,
      url: read.url ?? null,
      finalUrl: read.finalUrl ?? null,
      fetchedAt: read.fetchedAt ?? null,
      mediaType: read.mediaType ?? null,
      bytes: Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength),
    };
  }
  const { text, blocks } = assemble(withPages(imported));
  if (text === '') throw new GlossError({ code: 'validation', message: 'The text is empty: there is nothing to give this entry. Nothing was changed.' });
  const hash = contentHash(text);
  db.transaction(() => {
    const entry = awaiting(db, id, basedOn);
    const existing = source.allowDuplicate ? null : findByContentHash(db, hash);
    if (existing) throw new GlossError({ code: 'conflict', message: `This text is already in the library as “${existing.title}”.`, current: existing });
    const csl: CslItem = { ...imported.csl, ...extra, ...entry.csl };
    fillText(db, id, basedOn, { text, blocks, contentHash: hash, wordCount: countWords(text), format: imported.format, csl, title: entry.title });
    setOrigin(db, id, origin);
  }).immediate();
  return { document: getDocument(db, id), warnings: imported.warnings };
}
