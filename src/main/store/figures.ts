// Figures: the structured quantities a claim states, stored with their normalised values so that
// figures compare across documents (US$32 billion and US$32,000 million are the same amount).
import type { Figure } from '../../shared/figures/types';
import type { StoredFigure } from '../../shared/model';
import { newId } from '../../shared/ids';
import type { Database } from './native';
import { groupBy, stmt } from './sql';

interface Row {
  id: string;
  annotation_id: string;
  surface: string;
  surface_start: number;
  surface_end: number;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  scale: Figure['scale'];
  normalized: number | null;
  normalized_low: number | null;
  normalized_high: number | null;
  period: Figure['period'];
  time_start: string | null;
  time_end: string | null;
  qualifier: Figure['qualifier'];
  subject: string | null;
}

export function figuresOf(db: Database, annotationId: string): StoredFigure[] {
  return (stmt(db, 'SELECT * FROM figures WHERE annotation_id = ? ORDER BY position').all(annotationId) as Row[]).map(toFigure);
}

/** The figures of every annotation of a document, by annotation id, in one query. */
export function figuresOfDocument(db: Database, documentId: string): Map<string, StoredFigure[]> {
  const rows = stmt(
    db,
    'SELECT f.* FROM figures f JOIN annotations a ON a.id = f.annotation_id WHERE a.document_id = ? ORDER BY f.annotation_id, f.position',
  ).all(documentId) as Row[];
  return groupBy(rows, (r) => r.annotation_id, toFigure);
}

function toFigure(r: Row): StoredFigure {
  return {
    id: r.id,
    surface: r.surface,
    start: r.surface_start,
    end: r.surface_end,
    value: r.value,
    low: r.low,
    high: r.high,
    unit: r.unit,
    scale: r.scale,
    normalized: r.normalized,
    normalizedLow: r.normalized_low,
    normalizedHigh: r.normalized_high,
    period: r.period,
    timeStart: r.time_start,
    timeEnd: r.time_end,
    qualifier: r.qualifier,
    subject: r.subject,
  };
}

/** Replaces an annotation's figures, keeping the ids of those the caller passes back. */
export function setFigures(db: Database, annotationId: string, figures: readonly (Figure & { id?: string | undefined })[]): void {
  stmt(db, 'DELETE FROM figures WHERE annotation_id = ?').run(annotationId);
  figures.forEach((f, position) => {
    stmt(
      db,
      `INSERT INTO figures (id, annotation_id, position, surface, surface_start, surface_end, value, low, high, unit, scale, normalized, normalized_low, normalized_high, period, time_start, time_end, qualifier, subject)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      f.id ?? newId(),
      annotationId,
      position,
      f.surface,
      f.start,
      f.end,
      f.value,
      f.low,
      f.high,
      f.unit,
      f.scale,
      f.normalized,
      f.normalizedLow,
      f.normalizedHigh,
      f.period,
      f.timeStart,
      f.timeEnd,
      f.qualifier,
      f.subject,
    );
  });
}
