// Importing files and web pages: read the bytes with the right importer (outside any
// transaction: parsing a PDF takes seconds), then store the document, its metadata and the
// original bytes in one transaction. All of a document or none of it.
import type { BlockInput } from '../../shared/canonical';
import type { CslDate, CslItem, ImportedDocument } from '../../shared/model';
import { readSource } from '../importers/pipeline';
import { throwIfCancelled, type Imported, type ImportSource, type ReadControl } from '../importers/types';
import type { Database } from '../store/native';
import { storeDocument } from './documents';

/** Puts each page's label on the blocks that stand on it. */
export function withPages(imported: Imported): BlockInput[] {
  if (!imported.pages?.length) return imported.blocks;
  const blocks = imported.blocks.map((b) => ({ ...b }));
  imported.pages.forEach((page, index) => {
    const end = imported.pages![index + 1]?.block ?? blocks.length;
    for (let i = page.block; i < end; i++) blocks[i]!.page = page.label;
  });
  return blocks;
}

export function dateParts(iso: string): CslDate {
  const date = new Date(iso);
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}

export async function importSource(
  db: Database,
  source: ImportSource,
  options: { allowDuplicate: boolean; title?: string | undefined } & ReadControl,
): Promise<ImportedDocument> {
  const imported = await readSource(source, options);
  // The last point at which a cancel is honoured: storing is one synchronous transaction.
  throwIfCancelled(options, source.name);
  const csl: CslItem = { ...imported.csl };
  if (source.url) {
    csl.URL ??= source.finalUrl ?? source.url;
    if (source.fetchedAt) csl.accessed = dateParts(source.fetchedAt);
  }
  const document = storeDocument(db, {
    blocks: withPages(imported),
    format: imported.format,
    title: options.title ?? imported.title,
    csl,
    allowDuplicate: options.allowDuplicate,
    origin: {
      kind: source.url ? 'url' : 'file',
      fileName: source.url ? null : source.name,
      url: source.url ?? null,
      finalUrl: source.finalUrl ?? null,
      fetchedAt: source.fetchedAt ?? null,
      mediaType: source.mediaType ?? null,
      bytes: Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
    },
  });
  return { document, warnings: imported.warnings };
}
