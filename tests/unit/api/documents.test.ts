import { describe, expect, it } from 'vitest';
import { checkCanonical } from '../../../src/shared/canonical';
import type { PushEvent } from '../../../src/shared/events';
import type { Job } from '../../../src/shared/model';
import { failure, testLibrary } from '../support/library';

describe('documents', () => {
  it('stores canonical text and blocks from Markdown, with a title from the first heading', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', {
      format: 'markdown',
      text: '# Forced labour in the region\r\n\r\nThe **ILO** estimates *US$32 billion*.\r\n\r\n- first point\r\n- second point\r\n\r\n> A quoted line\r\n',
    });
    expect(doc.title).toBe('Forced labour in the region');
    expect(doc.text).toBe('Forced labour in the region\n\nThe ILO estimates US$32 billion.\n\nfirst point\n\nsecond point\n\nA quoted line');
    expect(doc.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list-item', 'list-item', 'quote']);
    expect(checkCanonical(doc.text, doc.blocks)).toBeNull();
    expect(doc.wordCount).toBe(18);
  });

  it('takes the first line as the title of plain text, shortened at a word', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: `${'A very long opening sentence about trafficking '.repeat(5)}\n\nSecond.` });
    expect(doc.title.length).toBeLessThanOrEqual(101);
    expect(doc.title.endsWith('…')).toBe(true);
    const titled = await lib.call('documents.create', { text: 'Body only.', title: '  Given title ' });
    expect(titled.title).toBe('Given title');
  });

  it('refuses the same text twice unless asked, naming the document already there', async () => {
    const lib = await testLibrary();
    await lib.call('documents.create', { text: 'Same text.', title: 'Original' });
    const error = await failure(lib.call('documents.create', { text: 'Same text.' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already in the library as “Original”/);
    await lib.call('documents.create', { text: 'Same text.', allowDuplicate: true });
    expect((await lib.call('documents.list', {})).total).toBe(2);
  });

  it('lists with paging and sorting, and moves deleted documents to a Trash they can return from', async () => {
    const lib = await testLibrary();
    const ids: string[] = [];
    for (const title of ['Charlie', 'alpha', 'Bravo']) ids.push((await lib.call('documents.create', { title, text: `Text of ${title}.` })).id);
    const byTitle = await lib.call('documents.list', { sort: 'title', direction: 'asc' });
    expect(byTitle.items.map((d) => d.title)).toEqual(['alpha', 'Bravo', 'Charlie']);
    const newest = await lib.call('documents.list', { limit: 2 });
    expect(newest.items.map((d) => d.title)).toEqual(['Bravo', 'alpha']);
    expect(newest.total).toBe(3);

    await lib.call('documents.trash', { id: ids[0]! });
    expect((await lib.call('documents.list', {})).items.map((d) => d.title)).toEqual(['Bravo', 'alpha']);
    const trash = await lib.call('documents.list', { trashed: true });
    expect(trash.items.map((d) => d.title)).toEqual(['Charlie']);
    expect(trash.items[0]!.deletedAt).not.toBeNull();
    await lib.call('documents.restore', { id: ids[0]! });
    expect((await lib.call('documents.list', {})).total).toBe(3);

    const notTrashed = await failure(lib.call('documents.purge', { id: ids[1]! }));
    expect(notTrashed.code).toBe('not-found');
    await lib.call('documents.trash', { id: ids[1]! });
    await lib.call('documents.purge', { id: ids[1]! });
    expect((await failure(lib.call('documents.get', { id: ids[1]! }))).code).toBe('not-found');
  });

  it('sorts by publication date with undated documents last', async () => {
    const lib = await testLibrary();
    await lib.call('documents.create', { title: 'Undated', text: 'u' });
    await lib.call('documents.create', { title: 'Old', text: 'o', csl: { issued: { 'date-parts': [[2014, 6]] } } });
    await lib.call('documents.create', { title: 'New', text: 'n', csl: { issued: { 'date-parts': [[2015, 8, 17]] } } });
    const list = await lib.call('documents.list', { sort: 'issued', direction: 'desc' });
    expect(list.items.map((d) => [d.title, d.issued])).toEqual([
      ['New', '2015-08-17'],
      ['Old', '2014-06'],
      ['Undated', null],
    ]);
  });

  it('announces changes to every listener only after they are committed', async () => {
    const lib = await testLibrary();
    const events: PushEvent[] = [];
    lib.host.subscribe((e) => events.push(e));
    const doc = await lib.call('documents.create', { text: 'Announced.' });
    await lib.host.call('documents.create', { text: '' });
    expect(events).toEqual([{ type: 'changed', entity: 'document', ids: [doc.id] }]);
  });
});

describe('import jobs', () => {
  it('imports a batch a file at a time with progress, skipping duplicates and reporting failures', async () => {
    const lib = await testLibrary();
    await lib.call('documents.create', { text: 'Already here.' });
    const events: Job[] = [];
    lib.host.subscribe((e) => e.type === 'job' && events.push(e.job));
    const items = [
      { name: 'one.txt', content: 'First file.' },
      { name: 'dup.txt', content: 'Already here.' },
      { name: 'empty.md', content: '   ' },
      { name: 'two.md', content: '# Second\n\nfile' },
    ];
    const job = await lib.call('jobs.import', { items });
    expect(job.state).toBe('running');
    await lib.host.dispatcher.jobs.idle();
    const done = await lib.call('jobs.get', { id: job.id });
    expect(done.state).toBe('done');
    expect(done.outcomes.map((o) => [o.name, o.status])).toEqual([
      ['one.txt', 'imported'],
      ['dup.txt', 'skipped'],
      ['empty.md', 'failed'],
      ['two.md', 'imported'],
    ]);
    expect(done.outcomes[2]!.error).toMatch(/empty/);
    expect(events.map((e) => e.done)).toEqual([0, 1, 2, 3, 4, 4]);
    expect((await lib.call('documents.list', {})).total).toBe(3);
  });

  it('stops at cancel, keeping what was already imported whole', async () => {
    const lib = await testLibrary();
    const items = Array.from({ length: 50 }, (_, i) => ({ name: `f${i}.txt`, content: `File number ${i}.` }));
    const job = await lib.call('jobs.import', { items });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    await lib.call('jobs.cancel', { id: job.id });
    await lib.host.dispatcher.jobs.idle();
    const final = await lib.call('jobs.get', { id: job.id });
    expect(final.state).toBe('cancelled');
    expect(final.done).toBeLessThan(50);
    expect((await lib.call('documents.list', {})).total).toBe(final.done);
  });
});
