// Bibliographic entries through the API: each format becomes entries awaiting their text, an entry
// attaches to a document, an entry gets its text later; bad files change nothing at all.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/main/cli/main';
import { logicalDump } from '../../../src/main/store/dump';
import { failure, tempDir, testLibrary, type TestLibrary } from '../support/library';

const bib = (name: string) => readFileSync(join(__dirname, '../../fixtures/bib', name), 'utf8');
const b64 = (text: string) => Buffer.from(text).toString('base64');

function dump(lib: TestLibrary): string {
  lib.host.library.db.pragma('wal_checkpoint(TRUNCATE)');
  return logicalDump(lib.host.library.db);
}

const TITLES = [
  'Dock workers strike in three harbours',
  'Global Estimates of Modern Slavery: Forced Labour and Forced Marriage',
  'Recruitment fees and debt bondage in labour migration',
  'Guide to fair recruitment',
];

const SINGLE = `@article{okafor2021,
  author = {Okafor, Amara and Lindqvist, Erik},
  title = {Recruitment fees and debt bondage in labour migration},
  journal = {Journal of Migration Studies},
  year = {2021},
  doi = {10.1234/jms.2021.045}
}`;

describe('importing bibliographic entries', () => {
  it.each([
    ['references.bib', 'data'],
    ['references.ris', 'data'],
    ['references.json', 'content'],
  ] as const)('reads %s into entries awaiting their text, listed in the library', async (name, how) => {
    const lib = await testLibrary();
    const text = bib(name);
    const result = await lib.call('documents.importEntries', how === 'data' ? { name, data: b64(text) } : { name, content: text });
    expect(result.entries.map((e) => e.title).sort()).toEqual([...TITLES].sort());
    expect(result.duplicates).toEqual([]);
    for (const entry of result.entries) expect(entry).toMatchObject({ status: 'awaiting-text', format: 'bibliographic', wordCount: 0 });

    const okafor = result.entries.find((e) => e.title.startsWith('Recruitment'))!;
    expect(okafor).toMatchObject({ outlet: 'Journal of Migration Studies', issued: '2021-09', authors: 'Amara Okafor, Erik Lindqvist' });
    const record = await lib.call('documents.get', { id: okafor.id });
    expect(record.text).toBe('');
    expect(record.csl).toMatchObject({ type: 'article-journal', DOI: '10.1234/jms.2021.045', volume: '12', page: '45-67' });
    expect(record.origin).toMatchObject({ kind: 'entry', fileName: name });

    const listed = await lib.call('documents.list', { sort: 'title', direction: 'asc' });
    expect(listed.items.map((d) => d.title)).toEqual([...TITLES].sort((a, b) => a.localeCompare(b)));
    expect((await lib.call('search.query', { query: 'debt bondage' })).hits.some((h) => h.documentId === okafor.id)).toBe(true);
  });

  it('reports entries already in the library by DOI, URL and title, or title and date, and skips them', async () => {
    const lib = await testLibrary();
    await lib.call('documents.importEntries', { name: 'references.bib', content: bib('references.bib') });
    const before = dump(lib);
    const again = await lib.call('documents.importEntries', { name: 'references.ris', content: bib('references.ris') });
    expect(again.entries).toEqual([]);
    expect(dump(lib)).toBe(before);
    expect(again.duplicates.map((d) => [d.title, d.reason]).sort()).toEqual(
      [
        [TITLES[0], 'URL and title'],
        [TITLES[1], 'title and date'],
        [TITLES[2], 'DOI'],
        [TITLES[3], 'URL and title'],
      ].sort(),
    );
    expect(again.duplicates.every((d) => d.existingId.length > 0 && d.existingTitle === d.title)).toBe(true);
    const other = await lib.call('documents.importEntries', {
      name: 'other.bib',
      content: '@report{r, title = {Global Estimates of Modern Slavery: Forced Labour and Forced Marriage}, year = {2017}}',
    });
    expect(other.entries).toHaveLength(1);
  });

  it('keeps the good entries of a file with a broken one and says which was skipped', async () => {
    const lib = await testLibrary();
    const result = await lib.call('documents.importEntries', { name: 'bad-entry.bib', content: bib('bad-entry.bib') });
    expect(result.entries.length).toBeGreaterThan(0);
    expect(result.warnings.join(' ')).toMatch(/could not be read|skipped/);
  });

  it.each([
    ['empty.bib', '', /empty/],
    ['blank.ris', '  \n\n ', /empty/],
    ['malformed.bib', '@article{broken,\n  title = {Unclosed\n', /no BibTeX entries/],
    ['object.json', '{"references": 3}', /no CSL-JSON entries/],
    ['numbers.json', '[1, 2, 3]', /no CSL-JSON entries/],
    ['broken.json', '[{"title": "x"', /not valid JSON/],
    ['notes.txt', 'Just some words, not references.', /not a bibliography/],
  ])('refuses %s with a clear message and leaves the library unchanged', async (name, content, message) => {
    const lib = await testLibrary();
    await lib.call('documents.create', { text: 'Already in the library.' });
    const before = dump(lib);
    const error = await failure(lib.call('documents.importEntries', { name, data: b64(content) }));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(message);
    expect(dump(lib)).toBe(before);
  });

  it('refuses a call with both the text and the bytes of a file', async () => {
    const lib = await testLibrary();
    const before = dump(lib);
    expect((await failure(lib.call('documents.importEntries', { name: 'x.bib', content: SINGLE, data: b64(SINGLE) }))).code).toBe('validation');
    expect(dump(lib)).toBe(before);
  });
});

describe('attaching an entry to a document', () => {
  it('gives the document the entry’s fields and keeps those the entry lacks', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', {
      text: 'Recruitment fees push migrant workers into debt.',
      csl: { type: 'webpage', URL: 'https://example.org/fees', accessed: { 'date-parts': [[2024, 3, 1]] }, title: 'Fees page' },
    });
    const { document } = await lib.call('documents.attachEntry', { id: doc.id, version: doc.version, name: 'one.bib', content: SINGLE });
    expect(document.title).toBe('Recruitment fees and debt bondage in labour migration');
    expect(document.csl).toMatchObject({
      type: 'article-journal',
      'container-title': 'Journal of Migration Studies',
      DOI: '10.1234/jms.2021.045',
      URL: 'https://example.org/fees',
      accessed: { 'date-parts': [[2024, 3, 1]] },
    });
    expect(document.authors).toBe('Amara Okafor, Erik Lindqvist');
    expect(document.issued).toBe('2021');
    expect(document.text).toBe(doc.text);
    expect(document.version).toBe(doc.version + 1);
  });

  it('refuses a file with several entries, a stale version and a bad file, changing nothing', async () => {
    const lib = await testLibrary();
    const doc = await lib.call('documents.create', { text: 'A document without details.' });
    const before = dump(lib);
    const several = await failure(
      lib.call('documents.attachEntry', { id: doc.id, version: doc.version, name: 'references.bib', content: bib('references.bib') }),
    );
    expect(several.code).toBe('validation');
    expect(several.message).toMatch(/holds 4 entries.*exactly one/);
    expect((await failure(lib.call('documents.attachEntry', { id: doc.id, version: doc.version + 5, name: 'one.bib', content: SINGLE }))).code).toBe(
      'conflict',
    );
    expect((await failure(lib.call('documents.attachEntry', { id: doc.id, version: doc.version, name: 'empty.bib', content: '' }))).code).toBe('validation');
    expect((await failure(lib.call('documents.attachEntry', { id: 'no-such-document', version: 1, name: 'one.bib', content: SINGLE }))).code).toBe('not-found');
    expect(dump(lib)).toBe(before);
  });
});

describe('giving an entry its text', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function entry(lib: TestLibrary) {
    const { entries } = await lib.call('documents.importEntries', { name: 'references.json', content: bib('references.json') });
    return entries.find((e) => e.title === TITLES[0])!;
  }

  it('reads a file through the import pipeline and keeps the entry’s metadata over the file’s', async () => {
    const lib = await testLibrary();
    const santos = await entry(lib);
    const html = `<!doctype html><html><head><title>Page title that loses</title><meta name="citation_title" content="Another title">
      <meta name="citation_publisher" content="Harbour Media"></head>
      <body><article><h1>Strike</h1><p>Dock workers in three harbours stopped work on Tuesday over unpaid wages.</p></article></body></html>`;
    const { document } = await lib.call('documents.provideText', { id: santos.id, version: santos.version, name: 'strike.html', data: b64(html) });
    expect(document).toMatchObject({ status: 'ready', format: 'html', title: TITLES[0], authors: 'Maria Santos', issued: '2023-05-02' });
    expect(document.text).toContain('Dock workers in three harbours stopped work');
    expect(document.csl).toMatchObject({ title: TITLES[0], type: 'article-newspaper', URL: 'https://example.org/news/dock-strike' });
    expect(document.origin).toMatchObject({ kind: 'file', fileName: 'strike.html' });
    expect((await lib.call('search.query', { query: 'unpaid wages' })).hits.some((h) => h.documentId === santos.id)).toBe(true);
    const annotation = await lib.call('annotations.create', { documentId: santos.id, kindId: 'k-claim', start: 0, end: 6 });
    expect(annotation.exact).toBe(document.text.slice(0, 6));
  });

  it('fetches a web address, filling the URL and accessed date only where the entry has none', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><article><p>A guide to recruiting workers without fees, in four steps.</p></article></body></html>');
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/guide`;
    const lib = await testLibrary();
    const { entries } = await lib.call('documents.importEntries', { name: 'references.json', content: bib('references.json') });
    const report = entries.find((e) => e.title === TITLES[1])!;
    const { document } = await lib.call('documents.provideText', { id: report.id, version: report.version, url, allowPrivate: true });
    expect(document.status).toBe('ready');
    expect(document.csl.URL).toBe(url);
    expect(document.csl.accessed?.['date-parts']?.[0]).toHaveLength(3);
    expect(document.csl.publisher).toBe('International Labour Office');
    expect(document.origin).toMatchObject({ kind: 'url', url });
  });

  it('takes pasted text, and refuses a second text, an empty one, a stale version and a failed fetch, changing nothing', async () => {
    const lib = await testLibrary();
    const santos = await entry(lib);
    const before = dump(lib);
    expect((await failure(lib.call('documents.provideText', { id: santos.id, version: santos.version, content: '  \n ' }))).code).toBe('validation');
    expect((await failure(lib.call('documents.provideText', { id: santos.id, version: santos.version + 1, content: 'Text.' }))).code).toBe('conflict');
    const refused = await failure(lib.call('documents.provideText', { id: santos.id, version: santos.version, url: 'http://127.0.0.1:9/none' }));
    expect(refused.message).toMatch(/private|loopback/i);
    const both = await failure(lib.call('documents.provideText', { id: santos.id, version: santos.version, content: 'a', url: 'https://example.org/' }));
    expect(both.code).toBe('validation');
    expect(dump(lib)).toBe(before);

    const { document } = await lib.call('documents.provideText', {
      id: santos.id,
      version: santos.version,
      content: '# Strike\n\nWorkers stopped.',
      format: 'markdown',
    });
    expect(document).toMatchObject({ status: 'ready', format: 'markdown', title: TITLES[0] });
    expect(document.origin.kind).toBe('pasted');
    const second = await failure(lib.call('documents.provideText', { id: santos.id, version: document.version, content: 'Other text.' }));
    expect(second.code).toBe('validation');
    expect(second.message).toMatch(/already has its text/);
  });

  it('refuses text that is already another document, unless told to keep both', async () => {
    const lib = await testLibrary();
    const santos = await entry(lib);
    const existing = await lib.call('documents.create', { text: 'Dock workers stopped work.' });
    const before = dump(lib);
    const dup = await failure(lib.call('documents.provideText', { id: santos.id, version: santos.version, content: 'Dock workers stopped work.' }));
    expect(dup.code).toBe('conflict');
    expect((dup.current as { id: string }).id).toBe(existing.id);
    expect(dump(lib)).toBe(before);
    const kept = await lib.call('documents.provideText', {
      id: santos.id,
      version: santos.version,
      content: 'Dock workers stopped work.',
      allowDuplicate: true,
    });
    expect(kept.document.status).toBe('ready');
  });
});

describe('gloss import with a bibliography', () => {
  it('creates one entry per reference, prints each, and skips them the second time', async () => {
    const data = tempDir();
    const file = join(__dirname, '../../fixtures/bib/references.ris');
    const gloss = async (...argv: string[]) => {
      const out: string[] = [];
      const code = await run(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
      return { code, out };
    };
    const first = await gloss('import', file, '--data', data);
    expect(first.code).toBe(0);
    expect(first.out.filter((l) => l.startsWith('imported ') && l.endsWith('(awaiting text)'))).toHaveLength(4);
    const second = await gloss('import', file, '--data', data);
    expect(second.out.filter((l) => l.startsWith('skipped '))).toHaveLength(4);
    const listed = await gloss('list', '--data', data, '--json');
    expect((JSON.parse(listed.out.join('\n')) as unknown[]).length).toBe(4);
  });
});
