import { describe, expect, it } from 'vitest';
import { parseBibliography } from '../../../src/main/importers/bibliographic';
import { citationKeys, exportReferences, type ReferenceFormat } from '../../../src/main/export/references';
import type { CslItem, DocumentRecord } from '../../../src/shared/model';
import { addDocument, emptyLibrary, ILO, SEA } from '../../fixtures/w3c/library';

async function documents(): Promise<DocumentRecord[]> {
  const db = await emptyLibrary();
  return [
    addDocument(db, ILO),
    addDocument(db, SEA),
    addDocument(db, {
      id: '0190a000-0000-7000-8000-000000000009',
      title: 'Profits and poverty, regional annex',
      text: 'Annex text.',
      csl: {
        type: 'report',
        title: 'Profits and Poverty: Regional Annex',
        author: [{ literal: 'International Labour Organization' }],
        issued: { 'date-parts': [[2014]] },
      },
    }),
    addDocument(db, { title: 'An untitled memo', text: 'Memo text.', url: 'https://example.org/memo' }),
  ];
}

/** What a reference manager must get back: the title, each author, the date as far as it was known. */
const essentials = (item: CslItem) => ({
  title: item.title,
  author: (item.author ?? []).map((a) => a.literal ?? `${a.family}, ${a.given}`),
  issued: item.issued?.['date-parts']?.[0]?.map(Number) ?? null,
});

describe('reference export', () => {
  it('gives each document a stable citation key from author, year and title word, de-duplicated, within RIS’s 20 characters', async () => {
    const docs = await documents();
    const keys = citationKeys(docs);
    expect(docs.map((d) => keys.get(d.id))).toEqual(['internatio2014profa', 'muller2015slaves', 'internatio2014profb', 'anonnduntitled']);
    expect(citationKeys([...docs].reverse())).toEqual(keys);
  });

  for (const [format, name] of [
    ['csl-json', 'refs.json'],
    ['bibtex', 'refs.bib'],
    ['ris', 'refs.ris'],
  ] as [ReferenceFormat, string][]) {
    it(`writes ${format} that Gloss's own bibliography reader reads back to the same titles, authors and dates`, async () => {
      const docs = await documents();
      const text = exportReferences(docs, format);
      const { entries, warnings } = parseBibliography(text, name);
      expect(warnings).toEqual([]);
      expect(entries.map(essentials)).toEqual(docs.map((d) => essentials({ ...d.csl, title: d.csl.title ?? d.title })));
      const keys = docs.map((d) => citationKeys(docs).get(d.id));
      if (format === 'ris') expect(text.match(/^ID {2}- .*$/gm)).toEqual(keys.map((k) => `ID  - ${k}`));
      else expect(entries.map((e) => e['citation-key'] ?? e.id)).toEqual(keys);
      expect(text).toContain(format === 'ris' ? 'UR  - https://example.org/memo' : 'https://example.org/memo');
    });
  }
});
