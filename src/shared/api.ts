// The one API contract between the renderer and the main side. Every transport (Electron IPC,
// HTTP in web mode), the preload, the handler table and the client derive their types from this
// table; the main side validates every incoming call against its schema at run time.
import { z } from 'zod';
import {
  DEFAULT_STYLE,
  exportRequestSchema,
  type AnnotationImportSummary,
  type CitationStyle,
  type CopiedCitation,
  type ExportFile,
  type ExportPreview,
} from './export';
import { figureSchema } from './figures/schema';
import { LIMITS } from './limits';
import { METHOD_NAMES, type MethodName as ListedMethodName } from './method-names';
import type {
  Annotation,
  DocumentRecord,
  ImportedDocument,
  DocumentSummary,
  Job,
  Kind,
  Page,
  Placement,
  SearchResult,
  Source,
  SourceClaim,
  Tag,
  TextUpdate,
} from './model';

const id = z.string().min(1, 'an id is required').max(100, 'an id is at most 100 characters');
const version = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max, `at most ${max.toLocaleString('en')} characters`);
const name = text(LIMITS.name).trim().min(1, 'must not be empty');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');
const shortcut = z
  .string()
  .regex(/^(?:(?:Mod|Alt|Shift)\+)*(?:[A-Za-z0-9]|F[1-9]|F1[0-2])$/, 'a shortcut is written like Mod+Shift+H')
  .nullable();
const paging = (max: number) => ({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(max, `at most ${max} per page`).default(Math.min(50, max)),
});

const cslName = z.object({ family: text(LIMITS.name).optional(), given: text(LIMITS.name).optional(), literal: text(LIMITS.name).optional() });
const cslDate = z.object({
  'date-parts': z
    .array(z.array(z.union([z.number(), z.string()])).max(3))
    .max(2)
    .optional(),
  raw: text(100).optional(),
  literal: text(100).optional(),
});
/** CSL-JSON: known fields are checked, others pass through (bounded in size). */
export const cslItemSchema = z
  .object({
    type: text(50).optional(),
    title: text(LIMITS.title).optional(),
    author: z.array(cslName).max(500).optional(),
    'container-title': text(LIMITS.title).optional(),
    publisher: text(LIMITS.title).optional(),
    issued: cslDate.optional(),
    accessed: cslDate.optional(),
    URL: text(LIMITS.shortText).optional(),
    language: text(50).optional(),
  })
  .catchall(z.unknown());

export const sourceKinds = ['organisation', 'person', 'report', 'dataset', 'news-outlet', 'web-page'] as const;
export const claimStatuses = ['unverified', 'checked', 'disputed'] as const;
export const anchorStatuses = ['anchored', 'moved', 'fuzzy', 'orphaned'] as const;
export const blockTypes = ['paragraph', 'heading', 'list-item', 'quote', 'preformatted'] as const;
export const sourceRoles = ['attributed-to', 'cites', 'published-by'] as const;
export const documentSorts = ['title', 'created', 'updated', 'issued'] as const;

const sourceLinkInput = z.object({
  sourceId: id,
  role: z.enum(sourceRoles).default('attributed-to'),
  locator: text(200).nullable().default(null),
});

/** A figure as the form sends it: the parsed record, with its id when it was stored before. */
const figureInput = z.intersection(figureSchema, z.object({ id: id.optional() }));

/** One file of a batch: text the renderer already read (`content`), or the file's bytes (`data`, base64). */
const importItem = z
  .object({
    name: text(1_000).min(1),
    content: text(LIMITS.documentText).optional(),
    data: z.base64('the file must be sent as base64').max(LIMITS.importBase64).optional(),
    mediaType: text(200).optional(),
    format: z.enum(['text', 'markdown']).optional(),
  })
  .refine((item) => (item.content === undefined) !== (item.data === undefined), { message: 'give either content or data', path: ['data'] });

/** A bibliography file (BibTeX, RIS or CSL-JSON): its text (`content`) or its bytes (`data`, base64). */
const bibliographyFile = {
  name: text(1_000).min(1, 'a file name is required'),
  content: text(LIMITS.documentText).optional(),
  data: z.base64('the file must be sent as base64').max(LIMITS.importBase64).optional(),
};
/** A bibliography file comes as its text or as its bytes, never both. */
const eitherContentOrData = (file: { content?: string | undefined; data?: string | undefined }) => (file.content === undefined) !== (file.data === undefined);
const contentOrDataMessage = { message: 'give either content or data', path: ['data'] };

/** What fills an entry awaiting its text: a file's bytes, pasted text, or a web address. */
const textSource = z
  .object({
    id,
    version,
    name: text(1_000).min(1).optional(),
    data: z.base64('the file must be sent as base64').max(LIMITS.importBase64).optional(),
    mediaType: text(200).optional(),
    content: text(LIMITS.documentText).optional(),
    format: z.enum(['text', 'markdown']).default('text'),
    url: z
      .url({ protocol: /^https?$/, error: 'only http and https addresses can be imported' })
      .max(LIMITS.shortText)
      .optional(),
    allowPrivate: z.boolean().default(false),
    allowDuplicate: z.boolean().default(false),
  })
  .refine((s) => [s.data, s.content, s.url].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of a file (data), pasted text (content) or a web address (url)',
    path: ['data'],
  })
  .refine((s) => s.data === undefined || s.name !== undefined, { message: 'a file needs its name', path: ['name'] });

/** Bibliographic entries created from one file; duplicates of documents already in the library are skipped. */
export interface EntriesImport {
  entries: DocumentSummary[];
  duplicates: { title: string; existingId: string; existingTitle: string; reason: 'DOI' | 'URL and title' | 'title and date' }[];
  warnings: string[];
}

/** A re-import from the document's source: its text replaced, every annotation re-anchored. */
export interface Reimport extends TextUpdate {
  /** False when the source still reads as the same text: nothing was written. */
  changed: boolean;
  warnings: string[];
}

export const documentCreateInput = z.object({
  text: text(LIMITS.documentText),
  title: text(LIMITS.title).optional(),
  format: z.enum(['text', 'markdown']).default('text'),
  fileName: text(1_000).optional(),
  csl: cslItemSchema.optional(),
  /** Import even when a document with the same text is already in the library. */
  allowDuplicate: z.boolean().default(false),
});

/** `method<Output>()(inputSchema)`: curried so the schema's own type is inferred. */
function method<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

export const methods = {
  'documents.create': method<DocumentRecord>()(documentCreateInput),
  /** Imports a file of any supported format (text, Markdown, HTML, PDF, DOCX), sent as base64. */
  'documents.import': method<ImportedDocument>()(
    z.object({
      name: text(1_000).min(1, 'a file name is required'),
      data: z
        .base64('the file must be sent as base64')
        .max(LIMITS.importBase64, `at most ${LIMITS.importBase64.toLocaleString('en')} characters of base64 (a 100 MB file)`),
      mediaType: text(200).optional(),
      title: text(LIMITS.title).optional(),
      allowDuplicate: z.boolean().default(false),
    }),
  ),
  /** Fetches a web page (or plain text) and imports it; loopback and private addresses need allowPrivate. */
  'documents.importUrl': method<ImportedDocument>()(
    z.object({
      url: z.url({ protocol: /^https?$/, error: 'only http and https addresses can be imported' }).max(LIMITS.shortText),
      allowPrivate: z.boolean().default(false),
      allowDuplicate: z.boolean().default(false),
    }),
  ),
  /** Reads a BibTeX, RIS or CSL-JSON file into entries awaiting their text: all of its entries or none. */
  'documents.importEntries': method<EntriesImport>()(z.object(bibliographyFile).refine(eitherContentOrData, contentOrDataMessage)),
  /** Attaches a file's single entry to a document: the entry's fields win, the document keeps the fields the entry lacks. */
  'documents.attachEntry': method<ImportedDocument>()(z.object({ id, version, ...bibliographyFile }).refine(eitherContentOrData, contentOrDataMessage)),
  /** Gives an entry awaiting its text that text, read through the normal import pipeline; the entry's metadata wins. */
  'documents.provideText': method<ImportedDocument>()(textSource),
  /** Fetches a URL document again (or re-reads a file's kept bytes) and replaces its text, re-anchoring every annotation. */
  'documents.reimport': method<Reimport>()(z.object({ id, version, allowPrivate: z.boolean().default(false) })),
  'documents.get': method<DocumentRecord>()(z.object({ id })),
  'documents.list': method<Page<DocumentSummary>>()(
    z.object({
      ...paging(LIMITS.listPage),
      sort: z.enum(documentSorts).default('created'),
      direction: z.enum(['asc', 'desc']).default('desc'),
      trashed: z.boolean().default(false),
      /** Only documents with at least one annotation carrying this tag (or a tag below it: labour → labour/forced). */
      tagId: id.optional(),
    }),
  ),
  'documents.update': method<DocumentRecord>()(
    z.object({
      id,
      version,
      title: text(LIMITS.title).trim().min(1, 'must not be empty').optional(),
      csl: cslItemSchema.optional(),
      summary: text(LIMITS.note).optional(),
    }),
  ),
  /** Saves corrected text (edit mode) and re-anchors every annotation on it. */
  'documents.updateText': method<TextUpdate>()(
    z.object({
      id,
      version,
      blocks: z
        .array(
          z.object({
            type: z.enum(blockTypes),
            level: z.number().int().min(1).max(6).optional(),
            ordered: z.boolean().optional(),
            text: text(LIMITS.documentText),
          }),
        )
        .max(200_000),
    }),
  ),
  'documents.trash': method<DocumentSummary>()(z.object({ id })),
  'documents.restore': method<DocumentSummary>()(z.object({ id })),
  'documents.purge': method<{ id: string }>()(z.object({ id })),

  'annotations.create': method<Annotation>()(
    z.object({
      documentId: id,
      kindId: id,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      note: text(LIMITS.note).default(''),
      status: z.enum(claimStatuses).default('unverified'),
      tagIds: z.array(id).max(200).default([]),
      sources: z.array(sourceLinkInput).max(200).default([]),
      /** Figures to store; left out, they are read from the quote as the form would prefill them. */
      figures: z.array(figureInput).max(50).optional(),
    }),
  ),
  'annotations.update': method<Annotation>()(
    z.object({
      id,
      version,
      kindId: id.optional(),
      note: text(LIMITS.note).optional(),
      status: z.enum(claimStatuses).optional(),
      tagIds: z.array(id).max(200).optional(),
      sources: z.array(sourceLinkInput).max(200).optional(),
      figures: z.array(figureInput).max(50).optional(),
    }),
  ),
  'annotations.delete': method<{ id: string }>()(z.object({ id, version })),
  /** A document's annotations in reading order; `ids`: only those of them (an id not returned is gone). */
  'annotations.list': method<Annotation[]>()(z.object({ documentId: id, ids: z.array(id).max(200).optional() })),
  /** Where the document's highlights lie (orphans have no place), in reading order: what the reader draws first. */
  'annotations.placements': method<Placement[]>()(z.object({ documentId: id })),
  /** Places an annotation (an orphan, typically) on a new selection of its document's current text. */
  'annotations.reattach': method<Annotation>()(z.object({ id, version, start: z.number().int().nonnegative(), end: z.number().int().positive() })),
  /** Brings a deleted annotation back as it was (for undo): same id, kind, note, tags and sources. */
  'annotations.restore': method<Annotation>()(
    z.object({
      id,
      documentId: id,
      kindId: id,
      status: z.enum(claimStatuses),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      exact: text(LIMITS.documentText),
      prefix: text(LIMITS.shortText),
      suffix: text(LIMITS.shortText),
      anchor: z.enum(anchorStatuses),
      note: text(LIMITS.note),
      tags: z.array(z.object({ id })).max(200),
      sources: z.array(sourceLinkInput).max(200),
      figures: z.array(figureInput).max(50),
      createdAt: text(40),
    }),
  ),

  'kinds.list': method<Kind[]>()(z.object({})),
  'kinds.create': method<Kind>()(z.object({ name, color, shortcut: shortcut.default(null) })),
  'kinds.update': method<Kind>()(
    z.object({
      id,
      version,
      name: name.optional(),
      color: color.optional(),
      shortcut: shortcut.optional(),
      position: z.number().int().nonnegative().optional(),
    }),
  ),
  'kinds.delete': method<{ id: string }>()(z.object({ id, version })),

  'tags.list': method<Tag[]>()(z.object({})),
  'tags.create': method<Tag>()(z.object({ name, color: color.nullable().default(null) })),
  'tags.update': method<Tag>()(z.object({ id, version, name: name.optional(), color: color.nullable().optional() })),
  'tags.delete': method<{ id: string }>()(z.object({ id, version })),
  /** Folds the other tags into the target: every annotation keeps its tags, under the target's name. */
  'tags.merge': method<Tag>()(z.object({ targetId: id, otherIds: z.array(id).min(1, 'name at least one tag to merge').max(200) })),

  'sources.list': method<Source[]>()(z.object({ query: text(LIMITS.name).optional() })),
  'sources.create': method<Source>()(
    z.object({
      kind: z.enum(sourceKinds),
      name,
      acronym: text(50).nullable().default(null),
      aliases: z.array(name).max(50).default([]),
      url: text(LIMITS.shortText).nullable().default(null),
      publisherId: id.nullable().default(null),
      csl: cslItemSchema.nullable().default(null),
    }),
  ),
  'sources.update': method<Source>()(
    z.object({
      id,
      version,
      kind: z.enum(sourceKinds).optional(),
      name: name.optional(),
      acronym: text(50).nullable().optional(),
      aliases: z.array(name).max(50).optional(),
      url: text(LIMITS.shortText).nullable().optional(),
      publisherId: id.nullable().optional(),
      csl: cslItemSchema.nullable().optional(),
    }),
  ),
  'sources.delete': method<{ id: string }>()(z.object({ id, version })),
  /** Folds the other sources into the target: every claim keeps its link, their names become aliases. */
  'sources.merge': method<Source>()(z.object({ targetId: id, otherIds: z.array(id).min(1, 'name at least one source to merge').max(200) })),
  /** Every claim attributed to a source, across all documents, in document and reading order. */
  'sources.claims': method<Page<SourceClaim>>()(z.object({ id, ...paging(LIMITS.listPage) })),

  'search.query': method<SearchResult>()(z.object({ query: text(LIMITS.searchQuery), ...paging(LIMITS.searchPage) })),

  'jobs.import': method<Job>()(
    z.object({ items: z.array(importItem).min(1, 'nothing to import').max(LIMITS.importBatch), allowDuplicate: z.boolean().default(false) }),
  ),
  'jobs.get': method<Job>()(z.object({ id })),
  'jobs.cancel': method<Job>()(z.object({ id })),

  /** The bundled citation styles, then the .csl files added to the library. */
  'export.styles': method<CitationStyle[]>()(z.object({})),
  /** Adds a .csl file to the library's styles, after checking that it is a CSL style. */
  'export.addStyle': method<CitationStyle>()(z.object({ name: text(255).trim().min(1, 'a file name is required'), content: text(2_000_000) })),
  /** The first entries of an export as they will come out, and how much the whole export holds. */
  'export.preview': method<ExportPreview>()(exportRequestSchema.extend({ limit: z.number().int().min(1).max(20).default(3) })),
  /** Starts an export as a job; when it is done, its file is fetched once with export.take. */
  'export.start': method<Job>()(exportRequestSchema),
  'export.take': method<ExportFile>()(z.object({ jobId: id })),
  /** A claim's quote with its in-text citation and locator, for the clipboard. */
  'export.citation': method<CopiedCitation>()(z.object({ annotationId: id, style: text(200).trim().min(1).default(DEFAULT_STYLE) })),
  /** Reads W3C Web Annotation JSON-LD or a Hypothesis JSON export onto the library's documents. */
  'annotations.importFile': method<AnnotationImportSummary>()(z.object({ name: text(1_000).min(1), content: text(LIMITS.documentText) })),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export { METHOD_NAMES };

// Both directions: a method added to the table but not to the list (or the reverse) fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const namesMatch: Same<MethodName, ListedMethodName> = true;
void namesMatch;
/** What a caller passes (defaults may be left out). */
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after validation filled the defaults. */
export type Parsed<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = Methods[M]['output'];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
