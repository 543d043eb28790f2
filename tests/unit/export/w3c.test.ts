import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { importAnnotationFile } from '../../../src/main/domain/annotation-import/apply';
import { selectForExport } from '../../../src/main/export/select';
import { GLOSS_CONTEXT, W3C_ANNOTATION_CONTEXT } from '../../../src/main/export/w3c/context';
import { toW3cCollection, writeW3c } from '../../../src/main/export/w3c/collection';
import { setAnchor, updateAnnotation } from '../../../src/main/store/annotations';
import { logicalDump } from '../../../src/main/store/dump';
import { createKind, listKinds } from '../../../src/main/store/kinds';
import { listSources } from '../../../src/main/store/sources';
import type { Database } from '../../../src/main/store/native';
import type { ExportSet } from '../../../src/main/export/types';
import { addDocument, annotate, emptyLibrary, ILO, SEA } from '../../fixtures/w3c/library';

const schema = JSON.parse(readFileSync(new URL('../../fixtures/w3c/annotation.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strictTypes: false }).compile(schema);

const EMOJI = {
  id: '0190a000-0000-7000-8000-000000000003',
  title: 'Emoji report',
  text: 'Survivors 🙂 reported 😟 wages of US$2 per day.\n\nBetween 20 and 30 percent of them were children.',
};

function sameDocuments(db: Database): void {
  addDocument(db, ILO);
  addDocument(db, SEA);
  addDocument(db, EMOJI);
}

async function annotatedLibrary(): Promise<Database> {
  const db = await emptyLibrary();
  sameDocuments(db);
  createKind(db, { id: 'k-caveat', name: 'Caveat', color: '#123456', shortcut: null });
  annotate(db, ILO.id, 'approximately US$150 billion per year', {
    tags: ['labour/forced', 'revenue'],
    sources: ['ILO', 'Walk Free'],
    note: 'Headline *figure*.',
  });
  const checked = annotate(db, ILO.id, 'Some 21 million people are in forced labour', { status: 'checked', tags: ['labour/forced'] });
  updateAnnotation(db, checked.id, checked.version, { status: 'disputed', note: 'Later estimates say 24.9 million.' });
  annotate(db, ILO.id, 'Profits are highest in Asia', { kindId: 'k-caveat', figures: false });
  const orphan = annotate(db, SEA.id, 'Thai fishing fleets rely on trafficked crews', { kindId: 'k-quote' });
  // The text was since corrected: the quote as highlighted is no longer there.
  setAnchor(db, orphan.id, { ...orphan, exact: 'Thai fishing fleets relied on trafficked crews', anchor: 'orphaned' });
  annotate(db, SEA.id, 'Wages fell by -3.5 percent in 2015', { kindId: 'k-figure', sources: ['Union'] });
  annotate(db, EMOJI.id, 'wages of US$2 per day', { kindId: 'k-question' });
  annotate(db, EMOJI.id, 'Between 20 and 30 percent of them were children', { kindId: 'k-figure' });
  return db;
}

const exported = (db: Database) => writeW3c(selectForExport(db, { type: 'library' }));

/** What the annotations hold, without the ids each library gives its own tags. */
function content(set: ExportSet) {
  return set.entries.map((e) => ({
    document: e.document.id,
    annotations: e.annotations.map(({ version: _v, tags, sources, start, end, ...a }) => ({
      ...a,
      // An orphan's offsets point into text that is gone; the file keeps only its quote.
      ...(a.anchor === 'orphaned' ? {} : { start, end }),
      tags: tags.map((t) => t.name),
      sources: sources.map(({ sourceId, name, role, locator }) => ({ sourceId, name, role, locator })),
    })),
  }));
}

describe('W3C Web Annotation export', () => {
  it('validates against the Web Annotation Data Model schema', async () => {
    const db = await annotatedLibrary();
    const collection = JSON.parse(exported(db)) as unknown;
    expect(validate(collection), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...(collection as object), '@context': 'https://example.org/other.jsonld' })).toBe(false);
    const first = (collection as ReturnType<typeof toW3cCollection>).first.items[0]!;
    const { target: _t, ...noTarget } = first;
    expect(validate({ '@context': W3C_ANNOTATION_CONTEXT, ...noTarget })).toBe(false);
  });

  it('writes the W3C context and the Gloss context inline, and every Gloss term it uses is defined there', async () => {
    const db = await annotatedLibrary();
    const collection = toW3cCollection(selectForExport(db, { type: 'library' }));
    expect(collection['@context']).toEqual([W3C_ANNOTATION_CONTEXT, GLOSS_CONTEXT]);
    const w3cTerms = new Set([
      '@context',
      'id',
      'type',
      'label',
      'total',
      'first',
      'items',
      'startIndex',
      'created',
      'modified',
      'motivation',
      'body',
      'target',
    ]);
    for (const t of ['source', 'selector', 'exact', 'prefix', 'suffix', 'start', 'end', 'value', 'purpose', 'format']) w3cTerms.add(t);
    const used = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '@context') continue;
          used.add(k);
          walk(x);
        }
      }
    };
    walk(collection);
    const types = collection.first.items.flatMap((a) => a.body.map((b) => b.type));
    for (const term of [...used, ...types].filter((t) => !w3cTerms.has(t) && !['Annotation', 'TextualBody'].includes(t)))
      expect(GLOSS_CONTEXT, term).toHaveProperty(term);
  });

  it('maps each annotation: motivation by kind, quote and code-point position selectors, tags, note, kind, sources and figures as bodies', async () => {
    const db = await annotatedLibrary();
    const items = toW3cCollection(selectForExport(db, { type: 'library' })).first.items;
    expect(items.map((a) => a.motivation)).toEqual(['describing', 'describing', 'highlighting', 'describing', 'highlighting', 'questioning', 'describing']);
    expect(items[6]!.body.find((b) => b.type === 'GlossFigure')).toMatchObject({ amount: null, low: 20, high: 30, unit: 'percent' });
    const headline = items[0]!;
    expect(headline.target.source).toBe(ILO.url);
    expect(headline.target.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(headline.body.filter((b) => b.type === 'TextualBody')).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'labour/forced', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'revenue', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Headline *figure*.', format: 'text/markdown' },
    ]);
    expect(headline.body.find((b) => b.type === 'GlossKind')).toEqual({
      type: 'GlossKind',
      id: 'urn:gloss:kind:k-claim',
      kindName: 'Claim',
      kindColor: '#f2c94c',
    });
    expect(headline.body.filter((b) => b.type === 'GlossSource').map((b) => b.type === 'GlossSource' && b.sourceName)).toEqual(['ILO', 'Walk Free']);
    expect(headline.body.find((b) => b.type === 'GlossFigure')).toMatchObject({
      amount: 150,
      unit: 'USD',
      scale: 'billion',
      normalized: 150e9,
      period: 'per year',
    });
    const orphan = items[4]!;
    expect(orphan.anchorStatus).toBe('orphaned');
    expect(orphan.target.source).toBe(`urn:gloss:document:${SEA.id}`);
    expect(orphan.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    // Two emoji before the quote: four UTF-16 units, two code points.
    const emoji = items[5]!.target.selector.find((s) => s.type === 'TextPositionSelector');
    expect(emoji).toEqual({
      type: 'TextPositionSelector',
      start: [...EMOJI.text.slice(0, EMOJI.text.indexOf('wages'))].length,
      end: [...EMOJI.text.slice(0, EMOJI.text.indexOf(' per day') + 8)].length,
    });
    expect(emoji!.type === 'TextPositionSelector' && emoji!.start).toBe(EMOJI.text.indexOf('wages') - 2);
  });

  it('round-trips: the file imported into a library with the same documents exports to the same file', async () => {
    const source = await annotatedLibrary();
    const file = exported(source);
    const target = await emptyLibrary();
    sameDocuments(target);
    const summary = importAnnotationFile(target, file, 'gloss.jsonld');
    expect(summary).toEqual({ imported: 7, orphaned: 1, skipped: [], unmatchedDocuments: [] });
    expect(exported(target)).toBe(file);
    expect(content(selectForExport(target, { type: 'library' }))).toEqual(content(selectForExport(source, { type: 'library' })));
    const sources = (db: Database) => listSources(db).map(({ version: _v, ...s }) => s);
    expect(sources(target)).toEqual(sources(source));
    expect(listKinds(target)).toEqual(listKinds(source));
  });

  it('imports the same file a second time without changing anything', async () => {
    const file = exported(await annotatedLibrary());
    const target = await emptyLibrary();
    sameDocuments(target);
    importAnnotationFile(target, file, 'gloss.jsonld');
    const before = logicalDump(target);
    const again = importAnnotationFile(target, file, 'gloss.jsonld');
    expect(again.imported).toBe(0);
    expect(again.skipped).toHaveLength(7);
    expect(again.skipped[0]!.reason).toMatch(/already in the library/);
    expect(logicalDump(target)).toBe(before);
  });

  it('finds documents with other ids by URL, content hash or quotes, and reports what matches nothing', async () => {
    const file = exported(await annotatedLibrary());
    const target = await emptyLibrary();
    // A later paragraph changes the content hash, so only the URL can tell it is the same report.
    const ilo = addDocument(target, {
      ...ILO,
      id: undefined,
      text: `${ILO.text}\n\nA later paragraph.`,
      url: `http://ilo.org/global/publications/WCMS_243391/lang--en/index.htm/?utm_source=x#top`,
    });
    const sea = addDocument(target, { ...SEA, id: undefined });
    const summary = importAnnotationFile(target, file, 'gloss.jsonld');
    expect(summary.imported).toBe(5);
    expect(summary.unmatchedDocuments).toEqual([`urn:gloss:document:${EMOJI.id}`]);
    expect(summary.skipped).toHaveLength(2);
    expect(new Set(summary.skipped.map((s) => s.reason))).toEqual(new Set([`no document in the library matches urn:gloss:document:${EMOJI.id}`]));
    const set = selectForExport(target, { type: 'library' });
    expect(set.entries.map((e) => [e.document.id, e.annotations.length])).toEqual([
      [ilo.id, 3],
      [sea.id, 2],
    ]);
  });

  it('refuses malformed files with a clear message and leaves the library unchanged', async () => {
    const file = JSON.parse(exported(await annotatedLibrary())) as ReturnType<typeof toW3cCollection>;
    const target = await emptyLibrary();
    sameDocuments(target);
    const before = logicalDump(target);
    const broken = structuredClone(file);
    (broken.first.items[1]!.target.selector[1] as { start: number }).start = -4;
    const badFigure = structuredClone(file);
    const figure = badFigure.first.items[0]!.body.find((b) => b.type === 'GlossFigure') as { scale: string };
    figure.scale = 'zillion';
    const badTime = structuredClone(file);
    badTime.first.items[2]!.created = 'yesterday';
    const cases: [string, RegExp][] = [
      ['{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",', /not valid JSON/],
      [JSON.stringify({ '@context': W3C_ANNOTATION_CONTEXT, type: 'Bookmark' }), /should hold an Annotation/],
      [JSON.stringify({ ...file, first: 'https://example.org/page/1' }), /only linked/],
      [JSON.stringify(broken), /1\.target\.selector\.1\.start: /],
      [JSON.stringify(badFigure), /0\.body\.\d+\.scale: Invalid option/],
      [JSON.stringify(badTime), /2\.created: must be a date and time/],
    ];
    for (const [text, message] of cases) {
      expect(() => importAnnotationFile(target, text, 'bad.jsonld'), text.slice(0, 60)).toThrow(message);
      expect(logicalDump(target)).toBe(before);
    }
  });

  it('reads annotations other tools write: a lone Annotation with bodyValue and no Gloss terms', async () => {
    const db = await emptyLibrary();
    sameDocuments(db);
    const single = {
      '@context': W3C_ANNOTATION_CONTEXT,
      id: 'https://example.org/anno/7',
      type: 'Annotation',
      motivation: 'questioning',
      bodyValue: 'Is this still true?',
      target: { source: ILO.url, selector: { type: 'TextQuoteSelector', exact: 'Profits are highest in Asia' } },
    };
    expect(importAnnotationFile(db, JSON.stringify(single), 'one.json')).toEqual({ imported: 1, orphaned: 0, skipped: [], unmatchedDocuments: [] });
    const [annotation] = selectForExport(db, { type: 'library' }).entries[0]!.annotations;
    expect(annotation).toMatchObject({ kindId: 'k-question', note: 'Is this still true?', exact: 'Profits are highest in Asia', anchor: 'anchored' });
  });
});
