import { describe, expect, it } from 'vitest';
import type { BlockInput } from '../../../src/shared/canonical';
import { logicalDump } from '../../../src/main/store/dump';
import { failure, testLibrary } from '../support/library';

const paragraphs = (text: string): BlockInput[] => text.split('\n\n').map((t) => ({ type: 'paragraph', text: t }));

describe('correcting a document’s text', () => {
  it('re-anchors every annotation: shifted, corrected inside, or orphaned, never lost', async () => {
    const lib = await testLibrary();
    const original =
      'The Intrnational Labour Organization estimates US$32 billion per year.\n\nIOM assisted more than 7,000 victims in 2014.\n\nA sentence that will be deleted entirely.';
    const doc = await lib.call('documents.create', { text: original });
    const at = (quote: string) => ({ start: original.indexOf(quote), end: original.indexOf(quote) + quote.length });
    const figure = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-figure', ...at('US$32 billion per year') });
    const victims = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', ...at('IOM assisted more than 7,000 victims') });
    const doomed = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-note', ...at('will be deleted entirely') });
    const typo = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-quote', ...at('Intrnational Labour Organization') });

    const corrected =
      'Preface added.\n\nThe International Labour Organization estimates US$32 billion per year.\n\nIOM assisted more than 7,000 victims in 2014.';
    const update = await lib.call('documents.updateText', { id: doc.id, version: doc.version, blocks: paragraphs(corrected) });
    expect(update.document.text).toBe(corrected);
    expect(update.anchors.orphaned).toBe(1);

    const after = new Map((await lib.call('annotations.list', { documentId: doc.id })).map((a) => [a.id, a]));
    expect(after.size).toBe(4);
    for (const id of [figure.id, victims.id]) {
      const a = after.get(id)!;
      expect(a.anchor).toBe('anchored');
      expect(corrected.slice(a.start, a.end)).toBe(a.exact);
    }
    expect(after.get(typo.id)!.anchor).toBe('fuzzy');
    expect(after.get(typo.id)!.exact).toBe('International Labour Organization');
    expect(after.get(doomed.id)!.anchor).toBe('orphaned');
    expect(after.get(doomed.id)!.exact).toBe('will be deleted entirely');

    // An orphan is re-attached by selecting new text.
    const orphan = after.get(doomed.id)!;
    const place = corrected.indexOf('Preface added');
    const reattached = await lib.call('annotations.reattach', { id: orphan.id, version: orphan.version, start: place, end: place + 13 });
    expect(reattached).toMatchObject({ anchor: 'anchored', exact: 'Preface added' });
    expect((await lib.call('search.query', { query: 'International' })).hits.some((h) => h.annotationId === typo.id)).toBe(true);
  });

  it('refuses a stale or empty save and changes nothing', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: 'Original text.' });
    await lib.call('documents.update', { id: doc.id, version: doc.version, title: 'Renamed' });
    const before = logicalDump(lib.host.library.db);
    expect((await failure(lib.call('documents.updateText', { id: doc.id, version: doc.version, blocks: paragraphs('Other.') }))).code).toBe('conflict');
    expect((await failure(lib.call('documents.updateText', { id: doc.id, version: doc.version + 1, blocks: paragraphs('   ') }))).code).toBe('validation');
    expect(logicalDump(lib.host.library.db)).toBe(before);
  });
});

describe('undoing a delete', () => {
  it('restores an annotation with its id, tags and sources', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: 'The ILO estimates US$32 billion per year.' });
    const tag = await lib.call('tags.create', { name: 'revenue' });
    const source = await lib.call('sources.create', { kind: 'organisation', name: 'ILO' });
    const created = await lib.call('annotations.create', {
      documentId: doc.id,
      kindId: 'k-claim',
      start: 4,
      end: 40,
      note: 'check',
      tagIds: [tag.id],
      sources: [{ sourceId: source.id, locator: 'p. 2' }],
    });
    await lib.call('annotations.delete', { id: created.id, version: created.version });
    const restored = await lib.call('annotations.restore', {
      ...created,
      sources: created.sources.map(({ sourceId, role, locator }) => ({ sourceId, role, locator })),
    });
    expect(restored).toMatchObject({ id: created.id, note: 'check', exact: created.exact, tags: created.tags, sources: created.sources });
    expect((await failure(lib.call('annotations.restore', { ...created, sources: [] }))).code).toBe('conflict');
  });
});

describe('figures on claims', () => {
  it('prefills figures from the quote, stores corrections, and restores them on undo', async () => {
    const lib = await testLibrary();
    const text = 'Trafficking is estimated by the International Labor Organization [ILO] to generate approximately US$32 billion per year in global revenues.';
    const doc = await lib.call('documents.create', { text });
    const start = text.indexOf('estimated');
    const claim = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', start, end: text.indexOf(' in global') });
    expect(claim.figures).toHaveLength(1);
    expect(claim.figures[0]).toMatchObject({
      value: 32,
      unit: 'USD',
      scale: 'billion',
      normalized: 32_000_000_000,
      period: 'per year',
      qualifier: 'approximately',
    });
    expect(claim.exact.slice(claim.figures[0]!.start, claim.figures[0]!.end)).toBe(claim.figures[0]!.surface);

    const corrected = await lib.call('annotations.update', {
      id: claim.id,
      version: claim.version,
      figures: [{ ...claim.figures[0]!, subject: 'global revenues' }],
    });
    expect(corrected.figures[0]).toMatchObject({ id: claim.figures[0]!.id, subject: 'global revenues' });

    await lib.call('annotations.delete', { id: corrected.id, version: corrected.version });
    const restored = await lib.call('annotations.restore', { ...corrected, sources: [] });
    expect(restored.figures).toEqual(corrected.figures);

    const none = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-quote', start: 0, end: 11, figures: [] });
    expect(none.figures).toEqual([]);
    const bad = await lib.host.call('annotations.update', {
      id: restored.id,
      version: restored.version,
      figures: [{ ...restored.figures[0]!, value: 1, low: 1, high: 2 }],
    });
    expect(!bad.ok && bad.error.code).toBe('validation');
  });
});
