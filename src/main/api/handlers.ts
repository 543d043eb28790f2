// One handler per API method. Handlers receive validated arguments (defaults filled) and run
// inside the call's transaction; they announce what changed with ctx.emit.
import type { MethodName, Output, Parsed } from '../../shared/api';
import { GlossError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseFigures } from '../../shared/figures';
import type { ImportOutcome } from '../../shared/model';
import { importAnnotationFile } from '../domain/annotation-import/apply';
import { createFromText, formatOf } from '../domain/documents';
import { updateText } from '../domain/edit-text';
import { attachEntry, importEntries, provideText } from '../domain/entries';
import { importSource } from '../domain/import';
import { reimport } from '../domain/reimport';
import { addUserStyle } from '../export/citations/user-styles';
import { citationStyles, citeAnnotation, previewExport, produceExport, stylesFolder, type ExportOutput } from '../export/service';
import { fetchUrl } from '../importers/url';
import * as annotations from '../store/annotations';
import * as documents from '../store/documents';
import * as kinds from '../store/kinds';
import { search } from '../store/search';
import * as sources from '../store/sources';
import * as tags from '../store/tags';
import type { ApiContext } from './context';

const exportEnvironment = (ctx: ApiContext) => ({ db: ctx.db, stylesDir: stylesFolder(ctx.dataDir) });
import type { StepControl } from './jobs';

type Handlers = { [M in MethodName]: (ctx: ApiContext, args: Parsed<M>) => Output<M> | Promise<Output<M>> };

/**
 * Methods that read a file or the network before they write: they run outside the call's
 * transaction (parsing must not hold the database) and write in a transaction of their own.
 */
export const SELF_TRANSACTED = new Set<MethodName>([
  'documents.import',
  'documents.importUrl',
  'documents.importEntries',
  'documents.attachEntry',
  'documents.provideText',
  'documents.reimport',
]);

/** Methods that only read; every other method runs in a write transaction. */
export const READ_ONLY = new Set<MethodName>([
  'export.styles',
  'export.addStyle',
  'export.preview',
  'export.start',
  'export.take',
  'export.citation',
  'documents.get',
  'documents.list',
  'annotations.list',
  'annotations.placements',
  'kinds.list',
  'tags.list',
  'sources.list',
  'sources.claims',
  'search.query',
  'jobs.get',
]);

interface ImportItem {
  name: string;
  content?: string | undefined;
  data?: string | undefined;
  mediaType?: string | undefined;
  format?: 'text' | 'markdown' | undefined;
}

async function importOne(ctx: ApiContext, item: ImportItem, allowDuplicate: boolean, control: StepControl): Promise<ImportOutcome> {
  try {
    const { document: doc, warnings } =
      item.data !== undefined
        ? await importSource(
            ctx.db,
            { name: item.name, bytes: Buffer.from(item.data, 'base64'), ...(item.mediaType ? { mediaType: item.mediaType } : {}) },
            { allowDuplicate, onProgress: control.report, signal: control.signal },
          )
        : {
            document: createFromText(ctx.db, { text: item.content ?? '', format: item.format ?? formatOf(item.name), fileName: item.name, allowDuplicate }),
            warnings: [],
          };
    return { name: item.name, status: 'imported', id: doc.id, title: doc.title, error: null, ...(warnings.length > 0 ? { warnings } : {}) };
  } catch (error) {
    if (error instanceof GlossError && error.code === 'conflict') return { name: item.name, status: 'skipped', id: null, title: null, error: error.message };
    return { name: item.name, status: 'failed', id: null, title: null, error: (error as Error).message };
  }
}

export const handlers: Handlers = {
  'documents.create'(ctx, args) {
    const doc = createFromText(ctx.db, { ...args });
    ctx.emit({ type: 'changed', entity: 'document', ids: [doc.id] });
    return doc;
  },
  async 'documents.import'(ctx, { name, data, mediaType, title, allowDuplicate }) {
    const result = await importSource(ctx.db, { name, bytes: Buffer.from(data, 'base64'), ...(mediaType ? { mediaType } : {}) }, { allowDuplicate, title });
    ctx.emit({ type: 'changed', entity: 'document', ids: [result.document.id] });
    return result;
  },
  async 'documents.importUrl'(ctx, { url, allowPrivate, allowDuplicate }) {
    const result = await importSource(ctx.db, await fetchUrl(url, { allowPrivate }), { allowDuplicate });
    ctx.emit({ type: 'changed', entity: 'document', ids: [result.document.id] });
    return result;
  },
  'documents.importEntries'(ctx, file) {
    const result = importEntries(ctx.db, file);
    if (result.entries.length > 0) ctx.emit({ type: 'changed', entity: 'document', ids: result.entries.map((e) => e.id) });
    return result;
  },
  'documents.attachEntry'(ctx, { id, version, ...file }) {
    const result = attachEntry(ctx.db, id, version, file);
    ctx.emit({ type: 'changed', entity: 'document', ids: [id] });
    return result;
  },
  async 'documents.provideText'(ctx, { id, version, ...source }) {
    const result = await provideText(ctx.db, id, version, source);
    ctx.emit({ type: 'changed', entity: 'document', ids: [id] });
    return result;
  },
  async 'documents.reimport'(ctx, { id, version, allowPrivate }) {
    const { moved, ...result } = await reimport(ctx.db, id, version, { allowPrivate });
    if (!result.changed) return result;
    ctx.emit({ type: 'changed', entity: 'document', ids: [id] });
    if (moved.length > 0) ctx.emit({ type: 'changed', entity: 'annotation', ids: moved, documentId: id });
    return result;
  },
  'documents.get': (ctx, { id }) => documents.getDocument(ctx.db, id),
  'documents.list': (ctx, args) => documents.listDocuments(ctx.db, args),
  'documents.update'(ctx, { id, version, ...patch }) {
    const doc = documents.updateDocument(ctx.db, id, version, patch);
    ctx.emit({ type: 'changed', entity: 'document', ids: [id] });
    return doc;
  },
  'documents.updateText'(ctx, { id, version, blocks }) {
    const { moved, ...update } = updateText(ctx.db, id, version, blocks);
    ctx.emit({ type: 'changed', entity: 'document', ids: [id] });
    if (moved.length > 0) ctx.emit({ type: 'changed', entity: 'annotation', ids: moved, documentId: id });
    return update;
  },
  'documents.trash'(ctx, { id }) {
    const summary = documents.setTrashed(ctx.db, id, true);
    ctx.emit({ type: 'changed', entity: 'document', ids: [id] });
    return summary;
  },
  'documents.restore'(ctx, { id }) {
    const summary = documents.setTrashed(ctx.db, id, false);
    ctx.emit({ type: 'changed', entity: 'document', ids: [id] });
    return summary;
  },
  'documents.purge'(ctx, { id }) {
    documents.purgeDocument(ctx.db, id);
    ctx.emit({ type: 'changed', entity: 'document', ids: [id] });
    return { id };
  },

  'annotations.create'(ctx, args) {
    const annotation = annotations.createAnnotation(ctx.db, { id: newId(), ...args, figures: args.figures ?? parseFigures });
    ctx.emit({ type: 'changed', entity: 'annotation', ids: [annotation.id], documentId: annotation.documentId });
    return annotation;
  },
  'annotations.update'(ctx, { id, version, ...patch }) {
    const annotation = annotations.updateAnnotation(ctx.db, id, version, patch);
    ctx.emit({ type: 'changed', entity: 'annotation', ids: [id], documentId: annotation.documentId });
    return annotation;
  },
  'annotations.delete'(ctx, { id, version }) {
    const annotation = annotations.deleteAnnotation(ctx.db, id, version);
    ctx.emit({ type: 'changed', entity: 'annotation', ids: [id], documentId: annotation.documentId });
    return { id };
  },
  'annotations.list': (ctx, { documentId, ids }) => annotations.listAnnotations(ctx.db, documentId, ids),
  'annotations.placements': (ctx, { documentId }) => annotations.listPlacements(ctx.db, documentId),
  'annotations.reattach'(ctx, { id, version, start, end }) {
    const annotation = annotations.reattachAnnotation(ctx.db, id, version, start, end);
    ctx.emit({ type: 'changed', entity: 'annotation', ids: [id], documentId: annotation.documentId });
    return annotation;
  },
  'annotations.restore'(ctx, snapshot) {
    const annotation = annotations.restoreAnnotation(ctx.db, snapshot);
    ctx.emit({ type: 'changed', entity: 'annotation', ids: [annotation.id], documentId: annotation.documentId });
    return annotation;
  },

  'kinds.list': (ctx) => kinds.listKinds(ctx.db),
  'kinds.create'(ctx, args) {
    const kind = kinds.createKind(ctx.db, { id: newId(), ...args });
    ctx.emit({ type: 'changed', entity: 'kind', ids: [kind.id] });
    return kind;
  },
  'kinds.update'(ctx, { id, version, ...patch }) {
    const kind = kinds.updateKind(ctx.db, id, version, patch);
    ctx.emit({ type: 'changed', entity: 'kind', ids: [id] });
    return kind;
  },
  'kinds.delete'(ctx, { id, version }) {
    kinds.deleteKind(ctx.db, id, version);
    ctx.emit({ type: 'changed', entity: 'kind', ids: [id] });
    return { id };
  },

  'tags.list': (ctx) => tags.listTags(ctx.db),
  'tags.create'(ctx, args) {
    const tag = tags.createTag(ctx.db, { id: newId(), ...args });
    ctx.emit({ type: 'changed', entity: 'tag', ids: [tag.id] });
    return tag;
  },
  'tags.update'(ctx, { id, version, ...patch }) {
    const tag = tags.updateTag(ctx.db, id, version, patch);
    ctx.emit({ type: 'changed', entity: 'tag', ids: [id] });
    return tag;
  },
  'tags.delete'(ctx, { id, version }) {
    tags.deleteTag(ctx.db, id, version);
    ctx.emit({ type: 'changed', entity: 'tag', ids: [id] });
    return { id };
  },

  'tags.merge'(ctx, { targetId, otherIds }) {
    const tag = tags.mergeTags(ctx.db, targetId, otherIds);
    ctx.emit({ type: 'changed', entity: 'tag', ids: [targetId, ...otherIds] });
    return tag;
  },

  'sources.list': (ctx, { query }) => sources.listSources(ctx.db, query),
  'sources.claims': (ctx, { id, offset, limit }) => sources.sourceClaims(ctx.db, id, offset, limit),
  'sources.merge'(ctx, { targetId, otherIds }) {
    const source = sources.mergeSources(ctx.db, targetId, otherIds);
    ctx.emit({ type: 'changed', entity: 'source', ids: [targetId, ...otherIds] });
    return source;
  },
  'sources.create'(ctx, args) {
    const source = sources.createSource(ctx.db, newId(), args);
    ctx.emit({ type: 'changed', entity: 'source', ids: [source.id] });
    return source;
  },
  'sources.update'(ctx, { id, version, ...patch }) {
    const source = sources.updateSource(ctx.db, id, version, patch);
    ctx.emit({ type: 'changed', entity: 'source', ids: [id] });
    return source;
  },
  'sources.delete'(ctx, { id, version }) {
    sources.deleteSource(ctx.db, id, version);
    ctx.emit({ type: 'changed', entity: 'source', ids: [id] });
    return { id };
  },

  'search.query': (ctx, { query, offset, limit }) => search(ctx.db, query, offset, limit),

  'jobs.import': (ctx, { items, allowDuplicate }) =>
    ctx.jobs.startImport(
      items.map((item) => ({ label: item.name, run: (control) => importOne(ctx, item, allowDuplicate, control) })),
      (outcome) => {
        if (outcome.id) ctx.emit({ type: 'changed', entity: 'document', ids: [outcome.id] });
      },
    ),
  'jobs.get': (ctx, { id }) => ctx.jobs.get(id),
  'jobs.cancel': (ctx, { id }) => ctx.jobs.cancel(id),

  'export.styles': (ctx) => citationStyles(stylesFolder(ctx.dataDir)),
  'export.addStyle': (ctx, { name, content }) => addUserStyle(stylesFolder(ctx.dataDir), name, content),
  'export.preview': (ctx, { limit, ...request }) => previewExport(exportEnvironment(ctx), request, limit),
  'export.start': (ctx, request) =>
    ctx.jobs.startTask(
      'export',
      'Selecting documents',
      ({ report, signal }) => produceExport({ ...exportEnvironment(ctx), progress: report, signal }, request),
      (output) => ({ fileName: output.fileName, mediaType: output.mediaType, size: output.bytes.length }),
    ),
  'export.take'(ctx, { jobId }) {
    const output = ctx.jobs.take<ExportOutput>(jobId);
    return { fileName: output.fileName, mediaType: output.mediaType, data: output.bytes.toString('base64') };
  },
  'export.citation': (ctx, { annotationId, style }) => citeAnnotation(exportEnvironment(ctx), annotationId, style),
  'annotations.importFile'(ctx, { name, content }) {
    const summary = importAnnotationFile(ctx.db, content, name);
    // New annotations may bring new tags, sources and kinds with them: every view refetches.
    for (const entity of ['annotation', 'tag', 'source', 'kind'] as const) ctx.emit({ type: 'changed', entity, ids: [] });
    return summary;
  },
};
