// What every importer takes and gives: bytes in, Gloss blocks and CSL-JSON metadata out. The
// pipeline turns the blocks into canonical text and stores the document in one transaction.
import type { BlockInput } from '../../shared/canonical';
import { GlossError } from '../../shared/errors';
import type { CslItem, SourceFormat } from '../../shared/model';
import type { ImportTimings } from './timing';

export interface ImportSource {
  /** A file name, or the URL's last path segment; used for the title when nothing better is found. */
  name: string;
  bytes: Uint8Array;
  /** From the HTTP Content-Type header or the file picker, when known (may carry a charset). */
  mediaType?: string;
  /** For documents fetched from the web: what was asked for, where it ended up, and when. */
  url?: string;
  finalUrl?: string;
  fetchedAt?: string;
}

/** A page of a paged original (PDF): its label as printed or its number, and where it starts. */
export interface PageStart {
  label: string;
  /** Index of the page's first block in `blocks`. */
  block: number;
}

export interface Imported {
  format: SourceFormat;
  /** The title a person would give it; the pipeline falls back to the first heading or line. */
  title: string | null;
  blocks: BlockInput[];
  csl: CslItem;
  pages?: PageStart[];
  /** Things the person should know that did not stop the import ("decoded as Windows-1252"). */
  warnings: string[];
}

/** How a long read (a PDF, page by page) says how far it has got and learns that it should stop; and, for the benchmark, where its time went. */
export interface ReadControl {
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Checked between steps (pages); once aborted, the read throws a `cancelled` error and nothing is stored. */
  signal?: AbortSignal | undefined;
  /** For the benchmark: time spent in the HTML libraries, added up (see timing.ts). */
  timings?: ImportTimings | undefined;
}

export function throwIfCancelled(control: ReadControl, name: string): void {
  if (control.signal?.aborted) throw new GlossError({ code: 'cancelled', message: `The import of “${name}” was cancelled; nothing was saved.` });
}

/** Caps that bound every importer's work, so hostile input costs a bounded amount. */
export const IMPORT_LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  /** Bytes a DOCX may inflate to, counted while inflating. */
  docxInflatedBytes: 200 * 1024 * 1024,
  pdfPages: 2_000,
  /** Pixels in one PDF image pdf.js may decode (we only read text, but pdf.js may still decode). */
  pdfImagePixels: 16 * 1024 * 1024,
  urlBytes: 20 * 1024 * 1024,
  urlTimeoutMs: 20_000,
  urlRedirects: 5,
} as const;
