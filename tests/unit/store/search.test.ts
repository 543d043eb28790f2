import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../src/main/store/fold';
import { testLibrary, type TestLibrary } from '../support/library';

const words = (hits: { snippet: { text: string; hit: boolean }[] }[]) => hits.flatMap((h) => h.snippet.filter((p) => p.hit).map((p) => p.text));

async function seeded(): Promise<{ lib: TestLibrary; news: string; thai: string; chinese: string }> {
  const lib = await testLibrary();
  const news = (
    await lib.call('documents.create', {
      title: 'Trafficking in Southeast Asia',
      text: 'The International Labor Organization [ILO] estimates trafficking generates approximately US$32 billion per year.\n\nSome 40 percent of victims were trafficked for forced labor.',
    })
  ).id;
  const thai = (await lib.call('documents.create', { title: 'รายงานภาษาไทย', text: 'การค้ามนุษย์เป็นอาชญากรรมข้ามชาติที่ร้ายแรง' })).id;
  const chinese = (await lib.call('documents.create', { title: '中文报告', text: '国际劳工组织估计人口贩卖每年产生三百二十亿美元的收入。' })).id;
  return { lib, news, thai, chinese };
}

describe('full-text search', () => {
  it('finds words in Latin text, with the match marked in the snippet', async () => {
    const { lib, news } = await seeded();
    const result = await lib.call('search.query', { query: 'forced labor' });
    expect(result.hits.map((h) => h.documentId)).toEqual([news]);
    expect(words(result.hits)).toEqual(expect.arrayContaining(['forced', 'labor']));
  });

  it('finds Thai words, which are written without spaces', async () => {
    const { lib, thai } = await seeded();
    for (const word of ['มนุษย์', 'อาชญากรรม', 'ข้ามชาติ']) {
      const result = await lib.call('search.query', { query: word });
      expect(
        result.hits.map((h) => h.documentId),
        word,
      ).toEqual([thai]);
      expect(result.hits[0]!.snippet.map((p) => p.text).join('')).not.toContain('\u200B');
    }
  });

  it('finds Chinese words, which are written without spaces', async () => {
    const { lib, chinese } = await seeded();
    for (const word of ['劳工', '人口贩卖', '美元']) {
      const result = await lib.call('search.query', { query: word });
      expect(
        result.hits.map((h) => h.documentId),
        word,
      ).toEqual([chinese]);
      expect(words(result.hits).join('')).toContain(word);
    }
    expect((await lib.call('search.query', { query: '报告' })).hits.map((h) => h.field)).toEqual(['title']);
  });

  it('answers every query a person might type without a syntax error', async () => {
    const { lib, news } = await seeded();
    for (const query of [
      'US$32',
      '"ILO',
      'ILO"',
      '-',
      '*',
      'NEAR',
      'NEAR(ILO labor)',
      'AND OR NOT',
      '(',
      ')',
      '^',
      ':',
      'title:ILO',
      '{a b}',
      "'",
      '""',
      '"""',
      '\\',
      'US$32 billion*',
      '40%',
    ]) {
      const result = await lib.host.call('search.query', { query });
      expect(result.ok, query).toBe(true);
    }
    expect((await lib.call('search.query', { query: 'US$32' })).hits.map((h) => h.documentId)).toEqual([news]);
    expect((await lib.call('search.query', { query: '"ILO' })).hits.map((h) => h.documentId)).toEqual([news]);
    expect((await lib.call('search.query', { query: 'NEAR' })).hits).toEqual([]);
  });

  it('never fails on arbitrary input (property)', async () => {
    const { lib } = await seeded();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40, unit: fc.constantFrom(...'"*-^():NEARORAND ILO$%\'\\{}[]+,.?!/#@&|~`<>;=_ labourการ劳工\u200B\u0000\n\t'.split('')) }),
        async (query) => {
          const result = await lib.host.call('search.query', { query });
          return result.ok;
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string(), (s) => toFtsQuery(s) === null || typeof toFtsQuery(s) === 'string'));
  });

  it('finds words from titles, text, notes, tags and source names, and follows every write', async () => {
    const { lib, news } = await seeded();
    const tag = await lib.call('tags.create', { name: 'labour/forced' });
    const source = await lib.call('sources.create', {
      kind: 'organisation',
      name: 'International Labour Organization',
      acronym: 'ILO',
      aliases: ['Organisation internationale du Travail'],
    });
    const annotation = await lib.call('annotations.create', {
      documentId: news,
      kindId: 'k-claim',
      start: 0,
      end: 40,
      note: 'Check against the quinquennial estimate',
      tagIds: [tag.id],
      sources: [{ sourceId: source.id }],
    });
    const found = async (query: string) => (await lib.call('search.query', { query })).hits.map((h) => `${h.kind}:${h.field}`);
    expect(await found('Southeast')).toEqual(['document:title']);
    expect(await found('percent')).toEqual(['document:text']);
    expect(await found('quinquennial')).toEqual(['annotation:note']);
    expect(await found('forced')).toEqual(expect.arrayContaining(['annotation:labels', 'document:text']));
    expect(await found('internationale')).toEqual(['annotation:labels']);

    await lib.call('tags.update', { id: tag.id, version: tag.version, name: 'coercion/debt' });
    expect(await found('coercion')).toEqual(['annotation:labels']);
    const doc = await lib.call('documents.get', { id: news });
    await lib.call('documents.update', { id: news, version: doc.version, title: 'Renamed dossier' });
    expect(await found('Renamed')).toEqual(['document:title']);
    expect(await found('Southeast')).toEqual([]);
    await lib.call('annotations.delete', { id: annotation.id, version: annotation.version + 0 });
    expect(await found('quinquennial')).toEqual([]);
    await lib.call('documents.trash', { id: news });
    expect(await found('percent')).toEqual([]);
    await lib.call('documents.restore', { id: news });
    expect(await found('percent')).toEqual(['document:text']);
    await lib.call('documents.trash', { id: news });
    await lib.call('documents.purge', { id: news });
    expect(lib.host.library.db.prepare('SELECT count(*) AS n FROM search_keys WHERE document_id = ?').get(news)).toEqual({ n: 0 });
  });

  it('bounds every search and pages through the rest', async () => {
    const lib = await testLibrary();
    for (let i = 0; i < 30; i++) await lib.call('documents.create', { title: `Report ${i}`, text: `Migrant workers paragraph number ${i}.` });
    const first = await lib.call('search.query', { query: 'migrant', limit: 20 });
    expect(first.hits).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const second = await lib.call('search.query', { query: 'migrant', limit: 20, offset: 20 });
    expect(second.hits).toHaveLength(10);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.documentId)).size).toBe(30);
  });
});
