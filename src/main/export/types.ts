// The contract between the export pieces: what is exported (a selection of documents with their
// annotations), the citation processor that formats references, and the format-neutral rich
// document that every renderer (Markdown, HTML, plain text, DOCX, PDF) writes out. Keeping one
// intermediate tree is what makes the five formats say the same thing.
import type { Annotation, DocumentRecord, Kind, Source } from '../../shared/model';
import type { Run } from '../../shared/rich-text';

// The rich document lives in src/shared because the export preview shows it in the window.
export type { ParagraphRole, RichBlock, RichDocument, Run } from '../../shared/rich-text';

/** A locator as CSL names it; Gloss produces pages (from PDF page labels) and paragraphs. */
export interface Locator {
  label: 'page' | 'paragraph';
  value: string;
}

/**
 * Formats references and citations in one CSL style for one set of items. Disambiguation
 * (2014a, 2014b; added initials) is computed over every item the processor was made with, so
 * the same processor must serve the whole export whatever its grouping.
 */
export interface CitationProcessor {
  /** The style's title as it names itself, e.g. "American Psychological Association 7th edition". */
  readonly styleTitle: string;
  /** The formatted bibliography entry of one item. */
  reference(id: string): Run[];
  /** An in-text citation of one item, with a locator when given: "(International Labour Organization, 2014, p. 3)". */
  citation(id: string, locator?: Locator): Run[];
  /** The item ids in the style's own bibliography order. */
  order(): string[];
}

/** One document of an export with everything that goes out with it. */
export interface ExportEntry {
  document: DocumentRecord;
  /** In reading order (start offset), orphans last. */
  annotations: Annotation[];
}

/** A selection ready to be written out: the entries and the lookups that renderers need. */
export interface ExportSet {
  entries: ExportEntry[];
  kinds: Kind[];
  /** Every source any annotation of the set cites, by id. */
  sources: Map<string, Source>;
}

export type Grouping = 'document' | 'source' | 'tag';
export type SortKey = 'author' | 'date' | 'title';

export interface BibliographyOptions {
  grouping: Grouping;
  sort: SortKey;
  /** Kind ids to include; all kinds when absent. */
  kinds?: string[];
  include: { summary: boolean; annotations: boolean; sources: boolean; figures: boolean; tags: boolean; notes: boolean; links: boolean };
}
