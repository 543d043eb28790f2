import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { claimTable, csvCell, CLAIM_COLUMNS } from '../../../src/main/export/csv';
import { selectForExport } from '../../../src/main/export/select';
import type { Database } from '../../../src/main/store/native';
import { addDocument, annotate, emptyLibrary, ILO, SEA } from '../../fixtures/w3c/library';

const citation = (id: string) => (id === ILO.id ? 'ILO 2014' : 'Müller & Ortega 2015');

async function library(): Promise<Database> {
  const db = await emptyLibrary();
  addDocument(db, ILO);
  addDocument(db, SEA);
  annotate(db, ILO.id, 'Some 21 million people are in forced labour, 4.5 million of them', {
    tags: ['labour/forced', 'sex'],
    sources: ['ILO'],
    status: 'checked',
  });
  annotate(db, SEA.id, 'Wages fell by -3.5 percent in 2015', { sources: ['Union'], note: '-check this\nagainst "the" table' });
  annotate(db, SEA.id, '"=SUM(A1)" was written on the wall, with a comma, and a "quote".', { tags: ['@mention', '+plus'] });
  return db;
}

const rowsOf = (csv: string) => parse(csv, { bom: true, relaxQuotes: false }) as string[][];

describe('the claim table', () => {
  it('writes one row per figure, and one row for a claim without figures', async () => {
    const db = await library();
    const rows = rowsOf(claimTable(selectForExport(db, { type: 'library' }), { citation }));
    expect(rows[0]).toEqual([...CLAIM_COLUMNS]);
    const column = (name: (typeof CLAIM_COLUMNS)[number]) => rows.slice(1).map((r) => r[CLAIM_COLUMNS.indexOf(name)]);
    expect(column('figure')).toEqual(['Some 21 million people', '4.5 million', "'-3.5 percent", '']);
    expect(column('citation')).toEqual(['ILO 2014', 'ILO 2014', 'Müller & Ortega 2015', 'Müller & Ortega 2015']);
    expect(column('locator')).toEqual(['para. 2', 'para. 2', 'para. 2', 'para. 3']);
    expect(column('time')[2]).toBe('2015');
    expect(column('unit')[2]).toBe('percent');
    expect(column('normalised value').slice(0, 2)).toEqual(['21000000', '4500000']);
    expect(column('tags')[0]).toBe('labour/forced; sex');
    expect(column('claim status')[0]).toBe('checked');
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves negative numbers as numbers', async () => {
    const db = await library();
    const csv = claimTable(selectForExport(db, { type: 'library' }), { citation });
    const rows = rowsOf(csv).slice(1);
    const at = (name: (typeof CLAIM_COLUMNS)[number], row: number) => rows[row]![CLAIM_COLUMNS.indexOf(name)];
    expect(at('value', 2)).toBe('-3.5');
    expect(csv).toContain(',-3.5,');
    expect(at('figure', 2)).toBe("'-3.5 percent");
    expect(at('note', 2)).toBe('\'-check this\nagainst "the" table');
    expect(at('quote', 3)).toBe('"=SUM(A1)" was written on the wall, with a comma, and a "quote".');
    expect(at('tags', 3)).toBe("'+plus; @mention");
    for (const bad of ['=1+1', '+1', '-x', '@SUM(A1)', '\tcmd', '\rcmd']) expect(csvCell(bad)).toMatch(/^"?'/);
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
  });

  it('survives quotes, commas and newlines through a CSV parser, with CRLF line ends', async () => {
    const db = await library();
    const csv = claimTable(selectForExport(db, { type: 'library' }), { citation, kinds: ['k-claim'] });
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = rowsOf(csv);
    expect(rows.every((r) => r.length === CLAIM_COLUMNS.length)).toBe(true);
    expect(rows.at(-1)![CLAIM_COLUMNS.indexOf('quote')]).toBe('"=SUM(A1)" was written on the wall, with a comma, and a "quote".');
    expect(claimTable(selectForExport(db, { type: 'library' }), { citation, kinds: ['k-note'] })).toBe(`${CLAIM_COLUMNS.join(',')}\r\n`);
  });

  it('starts with a byte-order mark only when asked', async () => {
    const db = await library();
    const set = selectForExport(db, { type: 'library' });
    expect(claimTable(set, { citation }).startsWith('document,')).toBe(true);
    const withBom = claimTable(set, { citation, bom: true });
    expect(withBom.startsWith('\uFEFFdocument,')).toBe(true);
    expect(rowsOf(withBom)[0]![0]).toBe('document');
  });
});
