// The records that cross the API: what the main side returns and the renderer shows.
import type { Block } from './canonical';
import type { ExportReady } from './export';
import type { Figure } from './figures/types';

export type Id = string;

/** A CSL-JSON item, kept open: importers fill what they find, exporters read what they need. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
  literal?: string;
}
export interface CslItem {
  type?: string;
  title?: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
  [field: string]: unknown;
}

export type DocumentStatus = 'ready' | 'awaiting-text';
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'url' | 'bibliographic';

export interface DocumentSummary {
  id: Id;
  title: string;
  status: DocumentStatus;
  format: SourceFormat;
  /** Newspaper, journal or site, from CSL `container-title`. */
  outlet: string | null;
  /** Publication date as written in CSL `issued`, ISO-like (2015-08-17, 2015-08, 2015). */
  issued: string | null;
  authors: string;
  wordCount: number;
  annotationCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

export interface DocumentOrigin {
  kind: 'pasted' | 'file' | 'url' | 'entry';
  fileName: string | null;
  url: string | null;
  finalUrl: string | null;
  fetchedAt: string | null;
  mediaType: string | null;
  /** The original bytes were kept at import, so the document can be read from them again (the store always says). */
  hasOriginal?: boolean;
}

export interface DocumentRecord extends DocumentSummary {
  csl: CslItem;
  text: string;
  blocks: Block[];
  summary: string;
  contentHash: string;
  origin: DocumentOrigin;
}

export interface Kind {
  id: Id;
  name: string;
  color: string;
  shortcut: string | null;
  position: number;
  version: number;
}

export type ClaimStatus = 'unverified' | 'checked' | 'disputed';
export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

export interface TagRef {
  id: Id;
  name: string;
  color: string | null;
}

export type SourceRole = 'attributed-to' | 'cites' | 'published-by';
export interface SourceLink {
  sourceId: Id;
  name: string;
  role: SourceRole;
  locator: string | null;
}

export interface Annotation {
  id: Id;
  documentId: Id;
  kindId: Id;
  status: ClaimStatus;
  /** TextPositionSelector into the canonical text. */
  start: number;
  end: number;
  /** TextQuoteSelector. */
  exact: string;
  prefix: string;
  suffix: string;
  anchor: AnchorStatus;
  note: string;
  tags: TagRef[];
  sources: SourceLink[];
  figures: StoredFigure[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * Where one of a document's highlights lies and what kind it is: all the reader needs to draw it.
 * A long text is drawn from these while the panel's full rows are still on their way.
 */
export interface Placement {
  id: Id;
  kindId: Id;
  start: number;
  end: number;
}

/** A figure as stored on an annotation: `start`/`end` place its surface within the quote. */
export interface StoredFigure extends Figure {
  id: Id;
}

export interface Tag {
  id: Id;
  name: string;
  color: string | null;
  usage: number;
  version: number;
}

export type SourceKind = 'organisation' | 'person' | 'report' | 'dataset' | 'news-outlet' | 'web-page';
export interface Source {
  id: Id;
  kind: SourceKind;
  name: string;
  acronym: string | null;
  aliases: string[];
  url: string | null;
  publisherId: Id | null;
  csl: CslItem | null;
  claimCount: number;
  version: number;
}

/** A document as imported, with what the person should know about how it was read. */
export interface ImportedDocument {
  document: DocumentRecord;
  warnings: string[];
}

/** The outcome of saving corrected text: the document, and how its annotations were re-anchored. */
export interface TextUpdate {
  document: DocumentRecord;
  anchors: Record<AnchorStatus, number>;
}

/** A claim as listed on a source's page: the annotation and where it sits. */
export interface SourceClaim {
  annotation: Annotation;
  documentTitle: string;
  role: SourceRole;
  locator: string | null;
}

/** A piece of a search snippet; `hit` marks the matched words. Rendered as text, never HTML. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  kind: 'document' | 'annotation';
  documentId: Id;
  documentTitle: string;
  annotationId: Id | null;
  /** Where the match is: the title, the body text, a note, or a tag or source name. */
  field: 'title' | 'text' | 'note' | 'labels';
  snippet: SnippetPart[];
  score: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  offset: number;
  limit: number;
  hasMore: boolean;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';
export interface ImportOutcome {
  name: string;
  status: 'imported' | 'skipped' | 'failed';
  id: Id | null;
  title: string | null;
  error: string | null;
  /** For an imported file: what the person should know (pages missing, an encoding guessed). */
  warnings?: string[];
}
export interface Job {
  id: Id;
  type: 'import' | 'export';
  state: JobState;
  done: number;
  total: number;
  current: string | null;
  /** How far the current item has got, when its importer can tell (a PDF: pages read of its page count). */
  currentProgress: { done: number; total: number; unit: 'page' } | null;
  outcomes: ImportOutcome[];
  error: string | null;
  /** An export's file once it is written, to be fetched with export.take. */
  ready?: ExportReady | null;
}
