// The claim table: one row per figure of each claim (a claim without figures is one row), for
// spreadsheets. RFC 4180 quoting with CRLF line ends. Text that a spreadsheet would run as a
// formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe; numbers are written
// as numbers, so -3.5 stays a number and never looks like a formula to neutralise.
import type { Annotation, DocumentRecord, Source, StoredFigure } from '../../shared/model';
import { formatLocator, locateQuote } from './locator';
import type { ExportSet, Locator } from './types';

export interface ClaimTableOptions {
  /** A short plain citation of a document ("ILO 2014"), from whatever formats references. */
  citation: (documentId: string) => string;
  /** Where the claim sits in the document; by default its page label or paragraph number (none for an orphan). */
  locator?: (document: DocumentRecord, annotation: Annotation) => Locator | null;
  /** Kind ids whose annotations are rows; every annotation when absent. */
  kinds?: readonly string[];
  /** Start with a UTF-8 byte-order mark, which Excel needs to read the file as UTF-8. */
  bom?: boolean;
}

export const CLAIM_COLUMNS = [
  'document',
  'citation',
  'quote',
  'locator',
  'sources',
  'figure',
  'value',
  'low',
  'high',
  'unit',
  'scale',
  'normalised value',
  'normalised low',
  'normalised high',
  'period',
  'time',
  'qualifier',
  'subject',
  'tags',
  'note',
  'claim status',
  'annotation id',
] as const;

type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV: numbers as they are, text neutralised and quoted when it must be. */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const defaultLocator = (document: DocumentRecord, annotation: Annotation): Locator | null =>
  annotation.anchor === 'orphaned' ? null : locateQuote(document.blocks, annotation.start);

function sourceNames(annotation: Annotation, sources: Map<string, Source>): string {
  return annotation.sources.map((link) => sources.get(link.sourceId)?.name ?? link.name).join('; ');
}

function figureCells(f: StoredFigure | null): Cell[] {
  if (f === null) return Array<Cell>(13).fill(null);
  const time = f.timeStart === null ? null : f.timeEnd === null || f.timeEnd === f.timeStart ? f.timeStart : `${f.timeStart}/${f.timeEnd}`;
  return [f.surface, f.value, f.low, f.high, f.unit, f.scale, f.normalized, f.normalizedLow, f.normalizedHigh, f.period, time, f.qualifier, f.subject];
}

export function claimTable(set: ExportSet, options: ClaimTableOptions): string {
  const rows: Cell[][] = [[...CLAIM_COLUMNS]];
  const kinds = options.kinds ? new Set(options.kinds) : null;
  for (const { document, annotations } of set.entries) {
    const citation = options.citation(document.id);
    for (const annotation of annotations) {
      if (kinds && !kinds.has(annotation.kindId)) continue;
      const locator = (options.locator ?? defaultLocator)(document, annotation);
      const shared = {
        head: [document.title, citation, annotation.exact, locator ? formatLocator(locator) : null, sourceNames(annotation, set.sources)],
        tail: [annotation.tags.map((t) => t.name).join('; '), annotation.note, annotation.status, annotation.id],
      };
      const figures = annotation.figures.length > 0 ? annotation.figures : [null];
      for (const figure of figures) rows.push([...shared.head, ...figureCells(figure), ...shared.tail]);
    }
  }
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return options.bom ? `\uFEFF${body}` : body;
}
