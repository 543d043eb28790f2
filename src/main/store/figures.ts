// Figures: the structured quantities a claim states, stored with their normalised values so that
// figures compare across documents (US$32 billion and US$32,000 million are the same amount).
import type { Figure } from '../../shared/figures/types';
import type { StoredFigure } from '../../shared/model';
import { newId } from '../../shared/ids';
import type { Database } from './native';
import { stmt } from './sql';

/**
 * One stored figure as a JSON object, written by SQLite: a document with two thousand claims has
 * some five thousand figures, and making a row object of each took longer than the query itself.
 */
const FIGURE_JSON = `json_object(
  'id', f.id, 'surface', f.surface, 'start', f.surface_start, 'end', f.surface_end, 'value', f.value, 'low', f.low, 'high', f.high,
  'unit', f.unit, 'scale', f.scale, 'normalized', f.normalized, 'normalizedLow', f.normalized_low, 'normalizedHigh', f.normalized_high,
  'period', f.period, 'timeStart', f.time_start, 'timeEnd', f.time_end, 'qualifier', f.qualifier, 'subject', f.subject
)`;

export function figuresOf(db: Database, annotationId: string): StoredFigure[] {
  const row = stmt(db, `SELECT json_group_array(${FIGURE_JSON} ORDER BY f.position) AS figures FROM figures f WHERE f.annotation_id = ?`).get(annotationId) as {
    figures: string;
  };
  return JSON.parse(row.figures) as StoredFigure[];
}

/** The figures of every annotation of a document, by annotation id, in one query. */
export function figuresOfDocument(db: Database, documentId: string): Map<string, StoredFigure[]> {
  const rows = stmt(
    db,
    `SELECT f.annotation_id AS owner, json_group_array(${FIGURE_JSON} ORDER BY f.position) AS figures
     FROM annotations a JOIN figures f ON f.annotation_id = a.id WHERE a.document_id = ? GROUP BY f.annotation_id`,
  ).all(documentId) as { owner: string; figures: string }[];
  return new Map(rows.map((row) => [row.owner, JSON.parse(row.figures) as StoredFigure[]]));
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
