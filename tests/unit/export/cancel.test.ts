// Cancelling an export: produceExport checks its signal after every stage it reports, so a cancel
// heard at the first report stops it before any reference is formatted or any byte written, and
// the caller gets a 'cancelled' error instead of a file. The same export left alone finishes, so
// the cancelled runs show the signal at work, not an export that could never finish.
import { describe, expect, it } from 'vitest';
import { produceExport, type ExportEnvironment } from '../../../src/main/export/service';
import { exportRequestSchema, type ExportFormat } from '../../../src/shared/export';
import { GlossError } from '../../../src/shared/errors';
import type { Database } from '../../../src/main/store/native';
import { addDocument, annotate, emptyLibrary, ILO, SEA } from '../../fixtures/w3c/library';

async function library(): Promise<Database> {
  const db = await emptyLibrary();
  addDocument(db, ILO);
  addDocument(db, SEA);
  annotate(db, ILO.id, 'approximately US$150 billion per year', { tags: ['labour/forced'], sources: ['ILO'], note: 'Headline figure.' });
  annotate(db, SEA.id, 'Thai fishing fleets rely on trafficked crews', { tags: ['labour'] });
  return db;
}

interface Run {
  stages: string[];
  outcome: Promise<unknown>;
}

/** Starts an export that cancels itself when its `cancelAt`-th progress report (from 1) comes in; never, when absent. */
function start(db: Database, format: ExportFormat, cancelAt?: number): Run {
  const controller = new AbortController();
  const stages: string[] = [];
  const env: ExportEnvironment = {
    db,
    stylesDir: null,
    signal: controller.signal,
    progress: (_done, _total, stage) => {
      stages.push(stage);
      if (stages.length === cancelAt) controller.abort();
    },
  };
  return { stages, outcome: produceExport(env, exportRequestSchema.parse({ selection: { type: 'library' }, format, style: 'apa' })) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the export to be cancelled, but it produced a file');
}

describe('cancelling an export', () => {
  it.each(['md', 'docx', 'pdf', 'csv'] as const)('after its first progress report rejects as cancelled and produces nothing (%s)', async (format) => {
    const db = await library();
    const run = start(db, format, 1);
    const error = await rejection(run.outcome);
    expect(error).toBeInstanceOf(GlossError);
    expect((error as GlossError).code).toBe('cancelled');
    expect((error as GlossError).message).toMatch(/cancelled; no file was written/);
    // Nothing after the first stage ran: no references formatted, nothing written.
    expect(run.stages).toEqual(['Selecting documents']);
  });

  it('is heard at any stage, up to the last, and still produces nothing', async () => {
    const db = await library();
    const run = start(db, 'pdf', 3);
    const error = await rejection(run.outcome);
    expect((error as GlossError).code).toBe('cancelled');
    expect(run.stages).toEqual(['Selecting documents', 'Formatting references', 'Writing PDF']);
  });

  it('finishes with a file when nobody cancels', async () => {
    const db = await library();
    const run = start(db, 'md');
    const output = (await run.outcome) as { fileName: string; bytes: Buffer };
    expect(run.stages).toEqual(['Selecting documents', 'Formatting references', 'Writing Markdown', 'Done']);
    expect(output.fileName).toMatch(/^annotated-bibliography-\d{4}-\d{2}-\d{2}\.md$/);
    expect(output.bytes.toString('utf8')).toContain('“approximately US$150 billion per year”');
  });
});
