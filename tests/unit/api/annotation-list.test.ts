// A window refreshes the annotations another write changed by asking for them by id: the rows
// come as the whole list would have them, and an id not returned is an annotation that is gone.
import { describe, expect, it } from 'vitest';
import { failure, testLibrary } from '../support/library';

describe('annotations.list by id', () => {
  it('returns the named annotations of the document, in reading order, with their tags, sources and figures', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: 'The ILO estimates US$32 billion per year. IOM assisted more than 7,000 victims.' });
    const other = await lib.call('documents.create', { text: 'Another text with a claim in it.' });
    const at = (s: string) => ({ start: doc.text.indexOf(s), end: doc.text.indexOf(s) + s.length });
    const tag = await lib.call('tags.create', { name: 'labour/forced' });
    const first = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', ...at('US$32 billion per year'), tagIds: [tag.id] });
    const second = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', ...at('more than 7,000 victims') });
    const third = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-note', ...at('ILO') });
    const elsewhere = await lib.call('annotations.create', { documentId: other.id, kindId: 'k-claim', start: 0, end: 7 });
    await lib.call('annotations.delete', { id: second.id, version: second.version });

    const whole = await lib.call('annotations.list', { documentId: doc.id });
    const some = await lib.call('annotations.list', { documentId: doc.id, ids: [first.id, second.id, third.id, elsewhere.id] });
    // The deleted one and the other document's are not there; the rest as the whole list has them.
    expect(some.map((a) => a.id)).toEqual([third.id, first.id]);
    expect(some).toEqual(whole.filter((a) => a.id === first.id || a.id === third.id));
    expect(some[1]!.tags.map((t) => t.name)).toEqual(['labour/forced']);
    expect(some[1]!.figures[0]).toMatchObject({ value: 32, unit: 'USD', scale: 'billion' });
    expect(await lib.call('annotations.list', { documentId: doc.id, ids: [] })).toEqual([]);
    expect((await failure(lib.call('annotations.list', { documentId: 'no-such-document', ids: [first.id] }))).code).toBe('not-found');
  });
});

describe('annotations.placements', () => {
  it('gives where each placed highlight lies and its kind, as the full list has them, in reading order and without orphans', async () => {
    const lib = await testLibrary();
    const original = 'IOM assisted more than 7,000 victims.\n\nA sentence that will be deleted entirely.\n\nThe ILO estimates US$32 billion per year.';
    const doc = await lib.call('documents.create', { text: original });
    const at = (s: string) => ({ start: original.indexOf(s), end: original.indexOf(s) + s.length });
    // Created out of reading order, and two of them starting at the same place.
    await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-figure', ...at('US$32 billion per year') });
    await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', ...at('IOM assisted more than 7,000 victims') });
    await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-note', ...at('IOM') });
    await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-note', ...at('will be deleted entirely') });
    const other = await lib.call('documents.create', { text: 'Another text with a claim in it.' });
    await lib.call('annotations.create', { documentId: other.id, kindId: 'k-claim', start: 0, end: 7 });
    const corrected = 'IOM assisted more than 7,000 victims.\n\nThe ILO estimates US$32 billion per year.';
    await lib.call('documents.updateText', { id: doc.id, version: doc.version, blocks: corrected.split('\n\n').map((text) => ({ type: 'paragraph', text })) });

    const rows = await lib.call('annotations.list', { documentId: doc.id });
    const placements = await lib.call('annotations.placements', { documentId: doc.id });
    expect(rows.filter((row) => row.anchor === 'orphaned').map((row) => row.exact)).toEqual(['will be deleted entirely']);
    expect(placements).toEqual(rows.filter((row) => row.anchor !== 'orphaned').map(({ id, kindId, start, end }) => ({ id, kindId, start, end })));
    expect(placements.map((p) => corrected.slice(p.start, p.end))).toEqual(['IOM', 'IOM assisted more than 7,000 victims', 'US$32 billion per year']);
    expect((await failure(lib.call('annotations.placements', { documentId: 'no-such-document' }))).code).toBe('not-found');
  });
});
