import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAnnotationFile, readAnnotationFile } from '../../../src/main/domain/annotation-import/apply';
import { readHypothesis } from '../../../src/main/domain/annotation-import/hypothesis';
import { nameUuid } from '../../../src/main/export/w3c/ids';
import { selectForExport } from '../../../src/main/export/select';
import { logicalDump } from '../../../src/main/store/dump';
import { listTags } from '../../../src/main/store/tags';
import { deleteKind, listKinds } from '../../../src/main/store/kinds';
import type { Database } from '../../../src/main/store/native';
import { addDocument, emptyLibrary, ILO, SEA } from '../../fixtures/w3c/library';

const fixture = readFileSync(new URL('../../fixtures/w3c/hypothesis-export.json', import.meta.url), 'utf8');

async function library(): Promise<Database> {
  const db = await emptyLibrary();
  addDocument(db, ILO);
  addDocument(db, SEA);
  return db;
}

const annotationsOf = (db: Database) => new Map(selectForExport(db, { type: 'library' }).entries.map((e) => [e.document.id, e.annotations]));

describe('importing a Hypothesis export', () => {
  it('imports highlights and annotations, keeps an unplaceable one as an orphan, and says what it skipped and why', async () => {
    const db = await library();
    const summary = importAnnotationFile(db, fixture, 'hypothesis.json');
    expect(summary.imported).toBe(4);
    expect(summary.orphaned).toBe(1);
    expect(summary.unmatchedDocuments).toEqual(['https://example.org/blog/not-in-the-library']);
    expect(summary.skipped).toEqual([
      { id: 'Hq3pageNoteEeiZ0aBcDeFg', reason: 'it is a page note, with no highlighted text to attach it to' },
      { id: 'Hq4replyEeiZ0aBcDeFgHiJ', reason: 'it is a reply in a discussion, not an annotation of the text' },
      { id: 'Hq6elsewhereEeiZ0aBcDeF', reason: 'no document in the library matches https://example.org/blog/not-in-the-library' },
    ]);

    const [highlight, noted, orphan] = annotationsOf(db).get(ILO.id)!;
    // Matched by URL despite http, no www, a tracking parameter and a fragment; placed by its quote.
    expect(highlight).toMatchObject({
      id: nameUuid('hypothesis:Hq1x7Yv2EeiZ0aBcDeFgHi'),
      kindId: 'k-quote',
      exact: 'approximately US$150 billion per year',
      anchor: 'anchored',
      note: '',
      createdAt: '2024-03-05T10:15:30.123Z',
    });
    expect(ILO.text.slice(highlight!.start, highlight!.end)).toBe(highlight!.exact);
    // The page spaced its text its own way; the quote is found once white space is set aside.
    expect(noted).toMatchObject({
      kindId: 'k-note',
      exact: 'Some 21 million people are in forced labour',
      anchor: 'anchored',
      note: 'Check against the **2017** global estimates.',
      createdAt: '2024-03-05T10:17:02.500Z',
      updatedAt: '2024-03-06T08:00:00.000Z',
    });
    expect(noted!.tags.map((t) => t.name)).toEqual(['Estimates', 'labour/forced']);
    expect(orphan).toMatchObject({ anchor: 'orphaned', exact: 'Profits are lowest in Europe', note: 'Which countries?' });
    // A page the library holds under another address is found by its quotes.
    expect(
      annotationsOf(db)
        .get(SEA.id)!
        .map((a) => [a.exact, a.tags.map((t) => t.name)]),
    ).toEqual([['Thai fishing fleets rely on trafficked crews', ['fishing']]]);
  });

  it('reads the API answer ({ rows }) as the export, and a second import changes nothing', async () => {
    const db = await library();
    const rows = JSON.stringify({ total: 7, rows: JSON.parse(fixture) as unknown[] });
    expect(readAnnotationFile(rows, 'search.json')).toEqual(readHypothesis(fixture, 'hypothesis.json'));
    importAnnotationFile(db, rows, 'search.json');
    const before = logicalDump(db);
    const again = importAnnotationFile(db, fixture, 'hypothesis.json');
    expect(again.imported).toBe(0);
    expect(again.skipped.filter((s) => /already in the library/.test(s.reason))).toHaveLength(4);
    expect(logicalDump(db)).toBe(before);
    expect(listTags(db).map((t) => t.name)).toEqual(['Estimates', 'fishing', 'labour/forced']);
  });

  it('makes a kind when the library has none left, and files the rest under it', async () => {
    const db = await library();
    for (const kind of listKinds(db)) deleteKind(db, kind.id, kind.version);
    expect(importAnnotationFile(db, fixture, 'hypothesis.json').imported).toBe(4);
    expect(listKinds(db).map((k) => [k.id, k.name])).toEqual([['k-quote', 'Quote']]);
    expect(new Set([...annotationsOf(db).values()].flat().map((a) => a.kindId))).toEqual(new Set(['k-quote']));
  });

  it('refuses a malformed file with a clear message and leaves the library unchanged', async () => {
    const db = await library();
    const before = logicalDump(db);
    const valid = JSON.parse(fixture) as Record<string, unknown>[];
    const cases: [string, RegExp][] = [
      ['[{"id": "x", "uri": ', /not valid JSON/],
      ['{"annotations": []}', /expected a list of annotations, or an object with its annotations under "rows"/],
      [JSON.stringify([{ ...valid[0], uri: undefined }]), /0\.uri: /],
      [JSON.stringify([valid[0], { ...valid[1], tags: 'labour' }]), /1\.tags: /],
      [JSON.stringify([{ ...valid[0], created: '5 March 2024' }]), /0\.created: must be a date and time/],
      [
        JSON.stringify([{ ...valid[0], target: [{ selector: [{ type: 'TextPositionSelector', start: 'ten', end: 20 }] }] }]),
        /0\.target\.0\.selector\.0\.start/,
      ],
    ];
    for (const [text, message] of cases) {
      expect(() => importAnnotationFile(db, text, 'hypothesis.json'), text.slice(0, 60)).toThrow(message);
      expect(logicalDump(db)).toBe(before);
    }
  });
});
