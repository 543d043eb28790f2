import { describe, expect, it } from 'vitest';
import { setAnchor } from '../../../src/main/store/annotations';
import { setTrashed } from '../../../src/main/store/documents';
import { findSourceByName } from '../../../src/main/store/sources';
import { findTagByName } from '../../../src/main/store/tags';
import { selectForExport } from '../../../src/main/export/select';
import type { Database } from '../../../src/main/store/native';
import { addDocument, annotate, emptyLibrary, ILO, SEA } from '../../fixtures/w3c/library';

async function seeded(): Promise<{ db: Database; ids: Record<string, string> }> {
  const db = await emptyLibrary();
  addDocument(db, ILO);
  addDocument(db, SEA);
  const trashed = addDocument(db, { title: 'Old draft', text: 'Forced labour in an old draft.' });
  annotate(db, trashed.id, 'Forced labour', { tags: ['labour'] });
  setTrashed(db, trashed.id, true);
  const late = annotate(db, ILO.id, 'Profits are highest in Asia', { tags: ['region/asia'] });
  const early = annotate(db, ILO.id, 'approximately US$150 billion per year', { tags: ['labour/forced'], sources: ['ILO'] });
  const orphan = annotate(db, ILO.id, 'International Labour Organization', { kindId: 'k-note' });
  setAnchor(db, orphan.id, { ...orphan, anchor: 'orphaned' });
  const sea = annotate(db, SEA.id, 'Thai fishing fleets rely on trafficked crews', { tags: ['labour'], sources: ['ILO', 'Union'] });
  return { db, ids: { late: late.id, early: early.id, orphan: orphan.id, sea: sea.id, trashed: trashed.id } };
}

const shape = (set: ReturnType<typeof selectForExport>) => set.entries.map((e) => [e.document.id, e.annotations.map((a) => a.id)]);

describe('selecting what to export', () => {
  it('takes the whole library without the Trash, annotations in reading order and orphans last', async () => {
    const { db, ids } = await seeded();
    const set = selectForExport(db, { type: 'library' });
    expect(shape(set)).toEqual([
      [ILO.id, [ids.early, ids.late, ids.orphan]],
      [SEA.id, [ids.sea]],
    ]);
    expect(set.kinds.map((k) => k.id)).toContain('k-claim');
    expect([...set.sources.values()].map((s) => s.name).sort()).toEqual(['ILO', 'Union']);
  });

  it('takes a tag with its branch, and only the annotations that carry it', async () => {
    const { db, ids } = await seeded();
    const set = selectForExport(db, { type: 'tag', tagId: findTagByName(db, 'labour')!.id });
    expect(shape(set)).toEqual([
      [ILO.id, [ids.early]],
      [SEA.id, [ids.sea]],
    ]);
    expect(shape(selectForExport(db, { type: 'tag', tagId: findTagByName(db, 'region/asia')!.id }))).toEqual([[ILO.id, [ids.late]]]);
    expect(() => selectForExport(db, { type: 'tag', tagId: 'none' })).toThrow(/No tag with id none/);
  });

  it('takes a source: the annotations citing it, and only the sources they cite', async () => {
    const { db, ids } = await seeded();
    const set = selectForExport(db, { type: 'source', sourceId: findSourceByName(db, 'Union')!.id });
    expect(shape(set)).toEqual([[SEA.id, [ids.sea]]]);
    expect([...set.sources.values()].map((s) => s.name).sort()).toEqual(['ILO', 'Union']);
  });

  it('takes the documents a search finds, never trashed ones', async () => {
    const { db, ids } = await seeded();
    expect(shape(selectForExport(db, { type: 'search', query: 'fishing' }))).toEqual([[SEA.id, [ids.sea]]]);
    expect(selectForExport(db, { type: 'search', query: 'draft' }).entries).toEqual([]);
  });

  it('takes a list of documents in the order given, skipping trashed ones and refusing unknown ids', async () => {
    const { db, ids } = await seeded();
    expect(selectForExport(db, { type: 'documents', ids: [SEA.id, ids.trashed!, ILO.id] }).entries.map((e) => e.document.id)).toEqual([SEA.id, ILO.id]);
    expect(() => selectForExport(db, { type: 'documents', ids: ['nope'] })).toThrow(/No document with id nope/);
  });
});
