import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/api';
import { LIMITS } from '../../../src/shared/limits';
import { logicalDump } from '../../../src/main/store/dump';
import { testLibrary } from '../support/library';

/** Calls that must each fail with the given code and leave the library exactly as it was. */
const BAD_CALLS: [string, unknown, string][] = [
  ['documents.create', { text: 42 }, 'validation'],
  ['documents.create', {}, 'validation'],
  ['documents.create', { text: 'x'.repeat(LIMITS.documentText + 1) }, 'too-large'],
  ['documents.create', { text: 'ok', title: 'y'.repeat(LIMITS.title + 1) }, 'too-large'],
  ['documents.create', { text: '   \n\n  ' }, 'validation'],
  ['documents.create', { text: 'ok', format: 'pdf' }, 'validation'],
  ['documents.create', 'not an object', 'validation'],
  ['documents.get', { id: 'no-such-document' }, 'not-found'],
  ['documents.update', { id: 'no-such-document', version: 1, title: 'x' }, 'not-found'],
  ['documents.update', { id: 'x', version: -1 }, 'validation'],
  ['documents.list', { limit: LIMITS.listPage + 1 }, 'validation'],
  ['documents.list', { sort: 'DROP TABLE documents' }, 'validation'],
  ['documents.trash', { id: 'no-such-document' }, 'not-found'],
  ['annotations.create', { documentId: 'no-such-document', kindId: 'k-claim', start: 0, end: 3 }, 'not-found'],
  ['annotations.create', { documentId: 'DOC', kindId: 'k-claim', start: 5, end: 2 }, 'validation'],
  ['annotations.create', { documentId: 'DOC', kindId: 'k-claim', start: 0, end: 10_000 }, 'validation'],
  ['annotations.create', { documentId: 'DOC', kindId: 'no-such-kind', start: 0, end: 3 }, 'not-found'],
  ['annotations.create', { documentId: 'DOC', kindId: 'k-claim', start: 0, end: 3, tagIds: ['no-such-tag'] }, 'not-found'],
  ['annotations.create', { documentId: 'DOC', kindId: 'k-claim', start: 0, end: 3, note: 'n'.repeat(LIMITS.note + 1) }, 'too-large'],
  ['annotations.update', { id: 'no-such-annotation', version: 1, note: 'x' }, 'not-found'],
  ['kinds.create', { name: 'Claim', color: '#ffffff' }, 'conflict'],
  ['kinds.create', { name: 'New', color: 'red' }, 'validation'],
  ['kinds.create', { name: 'New', color: '#ffffff', shortcut: 'Mod+Shift+1' }, 'conflict'],
  ['tags.create', { name: '' }, 'validation'],
  ['tags.create', { name: ' / / ' }, 'validation'],
  ['sources.create', { kind: 'planet', name: 'ILO' }, 'validation'],
  ['sources.create', { kind: 'report', name: 'Global Report', publisherId: 'no-such-source' }, 'not-found'],
  ['search.query', { query: 'q'.repeat(LIMITS.searchQuery + 1) }, 'too-large'],
  ['search.query', { query: 'x', limit: 0 }, 'validation'],
  ['jobs.import', { items: [] }, 'validation'],
  ['jobs.get', { id: 'no-such-job' }, 'not-found'],
  ['no.such.method', {}, 'validation'],
  ['__proto__', {}, 'validation'],
  ['constructor', {}, 'validation'],
];

describe('API validation', () => {
  it.each(BAD_CALLS)('%s with %j fails with %s and changes nothing', async (method, args, code) => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: 'A short document about forced labour.' });
    const concrete = JSON.parse(JSON.stringify(args ?? null).replace('"DOC"', JSON.stringify(doc.id)));
    const before = logicalDump(lib.host.library.db);
    const result = await lib.host.call(method, concrete);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.message).not.toMatch(/undefined|\[object Object\]/);
    expect(logicalDump(lib.host.library.db)).toBe(before);
  });

  it('names the field and the cap in a too-large message', async () => {
    const lib = await testLibrary();
    const result = await lib.host.call('documents.create', { text: 'x'.repeat(LIMITS.documentText + 1) });
    expect(!result.ok && result.error.message).toMatch(/text: at most 10,000,000 characters/);
  });

  it('validates every method in the contract (no method accepts garbage)', async () => {
    const lib = await testLibrary();
    for (const method of METHOD_NAMES) {
      // Methods without required arguments: the garbage keys are unknown to them and stripped.
      if (method === 'kinds.list' || method === 'tags.list' || method === 'sources.list' || method === 'documents.list' || method === 'export.styles') continue;
      const result = await lib.host.call(method, { id: 12, documentId: [], query: {}, items: 'x' });
      expect(result.ok, method).toBe(false);
    }
  });
});
