// Re-importing a document from its source: fetch its URL again, or re-read the original bytes kept
// at import with today's importer, then save the text through the same path as corrected text, so
// every annotation is re-anchored (exact, moved, fuzzy, or kept as an orphan, never deleted).
// Everything that can fail (the fetch, the parse) happens before the one write transaction, so a
// failed re-import leaves the library exactly as it was.
import type { Reimport } from '../../shared/api';
import { assemble } from '../../shared/canonical';
import { GlossError } from '../../shared/errors';
import { readSource } from '../importers/pipeline';
import type { ImportSource } from '../importers/types';
import { fetchUrl } from '../importers/url';
import { listAnnotations } from '../store/annotations';
import { getDocument, getOriginSource, setOrigin } from '../store/documents';
import type { Database } from '../store/native';
import { updateText } from './edit-text';
import { withPages } from './import';

function staleVersion(db: Database, id: string, basedOn: number): void {
  const doc = getDocument(db, id);
  if (doc.version !== basedOn) {
    throw new GlossError({
      code: 'conflict',
      message: `This document was changed elsewhere (you had version ${basedOn}, it is now at version ${doc.version}). Nothing was re-imported; try again.`,
      current: doc,
    });
  }
}

export async function reimport(db: Database, id: string, basedOn: number, options: { allowPrivate: boolean }): Promise<Reimport & { moved: string[] }> {
  const doc = getDocument(db, id);
  if (doc.status === 'awaiting-text') {
    throw new GlossError({
      code: 'validation',
      message: `“${doc.title}” has no text yet to re-import; give it its text from a file, a web page or pasted text.`,
    });
  }
  staleVersion(db, id, basedOn);
  const origin = getOriginSource(db, id);
  let source: ImportSource;
  if (origin.kind === 'url' && origin.url) source = await fetchUrl(origin.url, { allowPrivate: options.allowPrivate });
  else if (origin.bytes) source = { name: origin.fileName ?? doc.title, bytes: origin.bytes, ...(origin.mediaType ? { mediaType: origin.mediaType } : {}) };
  else {
    throw new GlossError({
      code: 'unsupported',
      message: `“${doc.title}” was ${origin.kind === 'pasted' ? 'pasted in' : 'added without its original file'}, so Gloss has no source to read it from again.`,
    });
  }
  const imported = await readSource(source);
  const blocks = withPages(imported);
  if (assemble(blocks).text === doc.text) {
    const count = listAnnotations(db, id).length;
    return { document: doc, anchors: { anchored: count, moved: 0, fuzzy: 0, orphaned: 0 }, changed: false, warnings: imported.warnings, moved: [] };
  }
  const update = db
    .transaction(() => {
      const result = updateText(db, id, basedOn, blocks);
      if (source.url) {
        setOrigin(db, id, {
          kind: 'url',
          fileName: null,
          url: source.url,
          finalUrl: source.finalUrl ?? null,
          fetchedAt: source.fetchedAt ?? null,
          mediaType: source.mediaType ?? null,
          bytes: Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
        });
      }
      return result;
    })
    .immediate();
  return { ...update, document: getDocument(db, id), changed: true, warnings: imported.warnings };
}
