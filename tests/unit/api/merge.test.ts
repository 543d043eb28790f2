import { describe, expect, it } from 'vitest';
import { testLibrary } from '../support/library';

describe('merging sources and tags', () => {
  it('merges “ILO” into “International Labour Organization”, keeping every claim and every name', async () => {
    const lib = await testLibrary();
    const a = await lib.call('documents.create', { title: 'A', text: 'The ILO estimates US$32 billion per year.' });
    const b = await lib.call('documents.create', { title: 'B', text: 'According to the International Labour Organization, 40 percent were in forced labour.' });
    const ilo = await lib.call('sources.create', { kind: 'organisation', name: 'ILO' });
    const full = await lib.call('sources.create', {
      kind: 'organisation',
      name: 'International Labour Organization',
      aliases: ['International Labor Organization'],
    });
    const report = await lib.call('sources.create', { kind: 'report', name: 'Global Estimates 2014', publisherId: ilo.id });
    const c1 = await lib.call('annotations.create', {
      documentId: a.id,
      kindId: 'k-claim',
      start: 4,
      end: 7,
      sources: [{ sourceId: ilo.id, locator: 'p. 3' }],
    });
    const c2 = await lib.call('annotations.create', { documentId: b.id, kindId: 'k-claim', start: 17, end: 50, sources: [{ sourceId: full.id }] });
    const both = await lib.call('annotations.create', {
      documentId: a.id,
      kindId: 'k-figure',
      start: 18,
      end: 29,
      sources: [{ sourceId: ilo.id }, { sourceId: full.id }],
    });

    const merged = await lib.call('sources.merge', { targetId: full.id, otherIds: [ilo.id] });
    expect(merged.aliases).toEqual(['ILO', 'International Labor Organization']);
    expect(merged.claimCount).toBe(3);
    const claims = await lib.call('sources.claims', { id: full.id });
    expect(claims.items.map((c) => c.annotation.id).sort()).toEqual([c1.id, c2.id, both.id].sort());
    expect(claims.items.find((c) => c.annotation.id === c1.id)!.locator).toBe('p. 3');
    expect((await lib.call('annotations.list', { documentId: a.id })).find((x) => x.id === both.id)!.sources).toHaveLength(1);
    expect((await lib.call('sources.list', { query: 'ilo' })).map((s) => s.id)).toEqual([full.id]);
    expect((await lib.call('sources.list', {})).find((s) => s.id === report.id)!.publisherId).toBe(full.id);
    const hits = await lib.call('search.query', { query: 'ILO' });
    expect(hits.hits.filter((h) => h.kind === 'annotation').length).toBe(3);
  });

  it('merges tags, keeping each annotation tagged once', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: 'Forced labour and debt bondage.' });
    const t1 = await lib.call('tags.create', { name: 'labour/forced' });
    const t2 = await lib.call('tags.create', { name: 'forced-labour' });
    await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', start: 0, end: 13, tagIds: [t1.id, t2.id] });
    await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', start: 18, end: 30, tagIds: [t2.id] });
    const merged = await lib.call('tags.merge', { targetId: t1.id, otherIds: [t2.id] });
    expect(merged.usage).toBe(2);
    expect((await lib.call('tags.list', {})).map((t) => t.name)).toEqual(['labour/forced']);
    expect((await lib.call('search.query', { query: 'labour/forced' })).hits.length).toBeGreaterThan(0);
  });
});

describe('filtering the library by tag', () => {
  it('lists the documents whose annotations carry a tag or a tag below it', async () => {
    const lib = await testLibrary();
    const a = await lib.call('documents.create', { title: 'A', text: 'Forced labour in fishing.' });
    const b = await lib.call('documents.create', { title: 'B', text: 'Child labour in mines.' });
    await lib.call('documents.create', { title: 'C', text: 'Untagged.' });
    const forced = await lib.call('tags.create', { name: 'labour/forced' });
    const child = await lib.call('tags.create', { name: 'labour/child' });
    const labour = await lib.call('tags.create', { name: 'labour' });
    const odd = await lib.call('tags.create', { name: 'labour_x' });
    await lib.call('annotations.create', { documentId: a.id, kindId: 'k-claim', start: 0, end: 13, tagIds: [forced.id] });
    await lib.call('annotations.create', { documentId: b.id, kindId: 'k-claim', start: 0, end: 12, tagIds: [child.id] });
    const titles = async (tagId: string) => (await lib.call('documents.list', { tagId, sort: 'title', direction: 'asc' })).items.map((d) => d.title);
    expect(await titles(forced.id)).toEqual(['A']);
    expect(await titles(labour.id)).toEqual(['A', 'B']);
    expect(await titles(odd.id)).toEqual([]);
  });
});
