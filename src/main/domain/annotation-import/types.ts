// The format-neutral form of an annotation read from a file (W3C or Hypothesis), and what an
// import reports back.
import type { Figure } from '../../../shared/figures/types';
import type { AnchorStatus, ClaimStatus, SourceKind, SourceRole } from '../../../shared/model';

export interface IncomingSource {
  id: string | null;
  name: string;
  kind: SourceKind;
  acronym: string | null;
  aliases: string[];
  url: string | null;
  role: SourceRole;
  locator: string | null;
}

export interface IncomingAnnotation {
  /** The Gloss id it gets (the file's own UUID, or one derived from the file's id). */
  id: string;
  /** The id as the file writes it, for messages. */
  label: string;
  /** The document as the file names it: a URL or `urn:gloss:document:…`. */
  source: string;
  /** `sha256:…` of the text the selectors were made on, when the file says. */
  contentHash: string | null;
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points, as the W3C TextPositionSelector counts. */
  position: { start: number; end: number } | null;
  kind: { id: string | null; name: string | null; color: string | null };
  /** The kind to fall back on when the file names none (from the W3C motivation, or Hypothesis's shape). */
  fallbackKindId: string;
  status: ClaimStatus;
  /** How the exporting library had it anchored, when it said. */
  anchor: AnchorStatus | null;
  note: string;
  tags: string[];
  sources: IncomingSource[];
  figures: (Figure & { id?: string })[];
  created: string | null;
  modified: string | null;
}

/** A file read: what can be imported, and what was left out of it and why. */
export interface ParsedFile {
  annotations: IncomingAnnotation[];
  skipped: Skip[];
}

export interface Skip {
  id: string;
  reason: string;
}

export interface ImportSummary {
  /** Annotations created, orphans included. */
  imported: number;
  /** Of those, how many found no place in their document's text and were kept with their quote. */
  orphaned: number;
  skipped: Skip[];
  /** The documents (URLs or Gloss IRIs) that no document of the library matched. */
  unmatchedDocuments: string[];
}
