// What an export asks for and what comes back: the selection (whole library, a tag, a source, a
// search, hand-picked documents), the format, the citation style and what each entry carries.
// Shared by the API table, the export dialog and the CLI, so all three offer the same choices.
import { z } from 'zod';
import { LIMITS } from './limits';
import type { RichDocument } from './rich-text';

export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf', 'txt', 'csl-json', 'bibtex', 'ris', 'csv', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats written as an annotated bibliography (the rest are data files). */
export const BIBLIOGRAPHY_FORMATS: readonly ExportFormat[] = ['md', 'html', 'docx', 'pdf', 'txt'];

/** Formats that print formatted references, and so use the citation style. */
export const CITING_FORMATS: readonly ExportFormat[] = ['md', 'html', 'docx', 'pdf', 'txt', 'csv'];

export const FORMAT_FILES: Record<ExportFormat, { extension: string; mediaType: string; label: string }> = {
  md: { extension: 'md', mediaType: 'text/markdown; charset=utf-8', label: 'Markdown' },
  html: { extension: 'html', mediaType: 'text/html; charset=utf-8', label: 'HTML' },
  docx: { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (DOCX)' },
  pdf: { extension: 'pdf', mediaType: 'application/pdf', label: 'PDF' },
  txt: { extension: 'txt', mediaType: 'text/plain; charset=utf-8', label: 'Plain text' },
  'csl-json': { extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json', label: 'CSL-JSON' },
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex; charset=utf-8', label: 'BibTeX' },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems; charset=utf-8', label: 'RIS' },
  csv: { extension: 'csv', mediaType: 'text/csv; charset=utf-8', label: 'Claim table (CSV)' },
  w3c: { extension: 'jsonld', mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', label: 'W3C Web Annotations (JSON-LD)' },
};

/** The styles shipped with Gloss, by the id the CSL styles repository gives them. */
export const BUNDLED_STYLE_IDS = ['apa', 'chicago-author-date', 'modern-language-association', 'harvard-cite-them-right', 'vancouver'] as const;
export const DEFAULT_STYLE = 'apa';

const id = z.string().min(1, 'an id is required').max(100, 'an id is at most 100 characters');

export const exportSelectionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('library') }),
  z.object({ type: z.literal('tag'), tagId: id }),
  z.object({ type: z.literal('source'), sourceId: id }),
  z.object({ type: z.literal('search'), query: z.string().trim().min(1, 'a search needs words').max(LIMITS.searchQuery) }),
  z.object({ type: z.literal('documents'), ids: z.array(id).min(1, 'pick at least one document').max(100_000) }),
]);
export type ExportSelection = z.infer<typeof exportSelectionSchema>;

const include = z.object({
  summary: z.boolean().default(true),
  annotations: z.boolean().default(true),
  sources: z.boolean().default(true),
  figures: z.boolean().default(true),
  tags: z.boolean().default(true),
  notes: z.boolean().default(true),
  links: z.boolean().default(true),
});

export const exportRequestSchema = z.object({
  selection: exportSelectionSchema,
  format: z.enum(EXPORT_FORMATS),
  /** A bundled style id or a user style added to the library; ignored by formats without citations. */
  style: z.string().trim().min(1).max(200).default(DEFAULT_STYLE),
  grouping: z.enum(['document', 'source', 'tag']).default('document'),
  sort: z.enum(['author', 'date', 'title']).default('author'),
  /** Kind ids to include; every kind when absent. */
  kinds: z.array(id).max(100).optional(),
  include: include.default(include.parse({})),
  /** CSV for spreadsheets that need the byte-order mark to read UTF-8. */
  bom: z.boolean().default(false),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;
export type ParsedExportRequest = z.output<typeof exportRequestSchema>;

export interface CitationStyle {
  /** A bundled id (`apa`) or `user:<file name>` for a style added to the library. */
  id: string;
  title: string;
  bundled: boolean;
}

/** The first entries of an export as they will come out, for the dialog's live preview. */
export interface ExportPreview {
  document: RichDocument;
  /** Documents the whole export will carry. */
  documentCount: number;
  annotationCount: number;
  /** Documents shown in the preview. */
  shown: number;
}

/** A finished export, handed over once to be saved. */
export interface ExportFile {
  fileName: string;
  mediaType: string;
  /** The file's bytes, base64. */
  data: string;
}

/** A claim's quote with its in-text citation, for pasting into a manuscript. */
export interface CopiedCitation {
  text: string;
  /** The same as HTML, built from escaped text (for rich-text paste). */
  html: string;
}

/** What reading an annotation file (W3C JSON-LD or a Hypothesis export) into the library did. */
export interface AnnotationImportSummary {
  /** Annotations created, orphans included. */
  imported: number;
  /** Of those, how many found no place in their document's text and were kept with their quote. */
  orphaned: number;
  skipped: { id: string; reason: string }[];
  /** The documents (URLs or Gloss IRIs) that no document of the library matched. */
  unmatchedDocuments: string[];
}

/** A finished export waiting to be taken, as its job reports it. */
export interface ExportReady {
  fileName: string;
  mediaType: string;
  size: number;
}
