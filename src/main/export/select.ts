// Gathers what an export writes out: the live documents of a selection with their annotations in
// reading order (orphans last, since they have no place in the text), the kinds, and the sources
// cited. Reads go through the store's functions only, so an export sees what the app shows.
import type { ExportSelection } from '../../shared/export';
import type { Annotation, DocumentRecord, Source } from '../../shared/model';
import { listAnnotations } from '../store/annotations';
import { getDocument, listDocuments } from '../store/documents';
import { listKinds } from '../store/kinds';
import type { Database } from '../store/native';
import { search } from '../store/search';
import { getSource } from '../store/sources';
import { getTag } from '../store/tags';
import type { ExportEntry, ExportSet } from './types';

const PAGE = 500;

function liveDocumentIds(db: Database, tagId?: string): string[] {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = listDocuments(db, { offset, limit: PAGE, sort: 'created', direction: 'asc', trashed: false, tagId });
    ids.push(...page.items.map((d) => d.id));
    if (page.items.length < PAGE) return ids;
  }
}

/** Documents in the order of their best search hit. */
function searchedDocumentIds(db: Database, query: string): string[] {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const result = search(db, query, offset, PAGE);
    for (const hit of result.hits) ids.add(hit.documentId);
    if (!result.hasMore) return [...ids];
  }
}

/** Start order, then end; an orphan's position no longer means anything, so orphans go last. */
export function readingOrder(annotations: readonly Annotation[]): Annotation[] {
  const placed = annotations.filter((a) => a.anchor !== 'orphaned');
  const orphans = annotations.filter((a) => a.anchor === 'orphaned');
  const byPlace = (a: Annotation, b: Annotation) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);
  return [...placed.sort(byPlace), ...orphans.sort((a, b) => a.createdAt.localeCompare(b.createdAt))];
}

function inBranch(tagName: string): (a: Annotation) => boolean {
  const name = tagName.toLowerCase();
  return (a) => a.tags.some((t) => t.name.toLowerCase() === name || t.name.toLowerCase().startsWith(`${name}/`));
}

/**
 * A tag (with its branch: `labour` takes in `labour/forced`) or a source selects the annotations
 * that carry it, and the documents that have one; the whole library, a search and a list of
 * documents select documents with all their annotations. Trashed documents never go out.
 */
export function selectForExport(db: Database, selection: ExportSelection): ExportSet {
  let ids: string[];
  let keep: (a: Annotation) => boolean = () => true;
  let dropEmpty = false;
  switch (selection.type) {
    case 'library':
      ids = liveDocumentIds(db);
      break;
    case 'tag':
      keep = inBranch(getTag(db, selection.tagId).name);
      ids = liveDocumentIds(db, selection.tagId);
      dropEmpty = true;
      break;
    case 'source': {
      const sourceId = getSource(db, selection.sourceId).id;
      keep = (a) => a.sources.some((s) => s.sourceId === sourceId);
      ids = liveDocumentIds(db);
      dropEmpty = true;
      break;
    }
    case 'search':
      ids = searchedDocumentIds(db, selection.query);
      break;
    case 'documents':
      ids = [...new Set(selection.ids)];
      break;
  }
  const entries: ExportEntry[] = [];
  for (const id of ids) {
    const document: DocumentRecord = getDocument(db, id);
    if (document.deletedAt !== null) continue;
    const annotations = readingOrder(listAnnotations(db, id).filter(keep));
    if (dropEmpty && annotations.length === 0) continue;
    entries.push({ document, annotations });
  }
  const sources = new Map<string, Source>();
  for (const entry of entries)
    for (const annotation of entry.annotations)
      for (const link of annotation.sources) if (!sources.has(link.sourceId)) sources.set(link.sourceId, getSource(db, link.sourceId));
  return { entries, kinds: listKinds(db), sources };
}
