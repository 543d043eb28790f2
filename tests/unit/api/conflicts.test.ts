import { describe, expect, it } from 'vitest';
import type { Annotation, DocumentRecord } from '../../../src/shared/model';
import { failure, testLibrary } from '../support/library';

describe('stale writes', () => {
  it('refuses a document edit based on an old version, with the current row to rebase on', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: 'Text about migration.', title: 'First' });
    const first = await lib.call('documents.update', { id: doc.id, version: doc.version, title: 'Edited in window A' });
    expect(first.version).toBe(doc.version + 1);

    const error = await failure(lib.call('documents.update', { id: doc.id, version: doc.version, summary: 'typed in window B' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/changed elsewhere/);
    const current = error.current as DocumentRecord;
    expect(current.title).toBe('Edited in window A');

    // The client rebases its edit on the current version: both edits survive.
    const rebased = await lib.call('documents.update', { id: doc.id, version: current.version, summary: 'typed in window B' });
    expect(rebased.title).toBe('Edited in window A');
    expect(rebased.summary).toBe('typed in window B');
  });

  it('refuses stale annotation edits and deletes, so an annotation never vanishes by accident', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: 'The ILO estimates US$32 billion per year.' });
    const annotation = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', start: 4, end: 7 });
    expect(annotation.exact).toBe('ILO');
    await lib.call('annotations.update', { id: annotation.id, version: annotation.version, note: 'from tab A' });

    const stale = await failure(lib.call('annotations.delete', { id: annotation.id, version: annotation.version }));
    expect(stale.code).toBe('conflict');
    expect((stale.current as Annotation).note).toBe('from tab A');
    expect(await lib.call('annotations.list', { documentId: doc.id })).toHaveLength(1);

    const staleEdit = await failure(lib.call('annotations.update', { id: annotation.id, version: annotation.version, status: 'checked' }));
    expect(staleEdit.code).toBe('conflict');
  });
});
