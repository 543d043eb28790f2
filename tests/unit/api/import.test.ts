import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logicalDump } from '../../../src/main/store/dump';
import { testLibrary, type TestLibrary } from '../support/library';

const FIXTURES = resolve(__dirname, '../../fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path));
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** A logical dump taken after a checkpoint, so "unchanged" means every table and the index. */
function dump(lib: TestLibrary): string {
  lib.host.library.db.pragma('wal_checkpoint(TRUNCATE)');
  return logicalDump(lib.host.library.db);
}

describe('importing files through the API', () => {
  it('imports every supported format with its structure and metadata, keeping the original bytes', async () => {
    const lib = await testLibrary();
    const pdf = await lib.call('documents.import', { name: 'report.pdf', data: b64(fixture('pdf/report.pdf')) });
    expect(pdf.document.format).toBe('pdf');
    expect(pdf.document.blocks.some((b) => b.type === 'heading')).toBe(true);
    expect(pdf.document.blocks.every((b) => typeof b.page === 'string')).toBe(true);
    expect(pdf.document.text).toContain('trafficking');
    expect(pdf.document.origin).toMatchObject({ kind: 'file', fileName: 'report.pdf' });
    const stored = lib.host.library.db.prepare('SELECT bytes FROM document_origins WHERE document_id = ?').get(pdf.document.id) as { bytes: Buffer };
    expect(Buffer.compare(stored.bytes, fixture('pdf/report.pdf'))).toBe(0);

    const docx = await lib.call('documents.import', { name: 'sample.docx', data: b64(fixture('docx/sample.docx')) });
    expect(docx.document.format).toBe('docx');
    expect(docx.document.blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['heading', 'list-item']));

    const html = await lib.call('documents.import', { name: 'news-article.html', data: b64(fixture('html/news-article.html')) });
    expect(html.document.format).toBe('html');
    expect(html.document.csl.type).toBeDefined();
    expect(html.document.text).not.toMatch(/See more at:/);

    const md = await lib.call('documents.import', { name: 'notes.md', data: b64('# Heading\n\nBody text.') });
    expect(md.document).toMatchObject({ format: 'markdown', title: 'Heading' });
    expect((await lib.call('search.query', { query: 'trafficking' })).hits.some((h) => h.documentId === pdf.document.id)).toBe(true);
  });

  it.each([
    ['empty.txt', '', 'validation', /empty/],
    ['image.png', b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), 'unsupported', /image\.png/],
    ['archive.zip', b64(fixture('docx/sample.docx')), 'unsupported', /zip archive, not a Word/],
    ['spreadsheet.xlsx', b64('x,y'), 'unsupported', /cannot import \.xlsx/],
    ['not-a-zip.docx', b64(fixture('docx/not-a-zip.docx')), 'unsupported', /not a Word document/],
    ['corrupt.pdf', b64(fixture('pdf/corrupt.pdf')), 'unsupported', /corrupt.pdf|damaged|could not be read/i],
  ])('refuses %s with a clear message and leaves the library unchanged', async (name, data, code, message) => {
    const lib = await testLibrary();
    await lib.call('documents.create', { text: 'Already in the library.' });
    const before = dump(lib);
    const result = await lib.host.call('documents.import', { name, data: data === '' ? '' : data });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
    expect(dump(lib)).toBe(before);
  });

  it('reports a file imported twice as a duplicate, naming the document already there', async () => {
    const lib = await testLibrary();
    await lib.call('documents.import', { name: 'a.md', data: b64('# Same\n\ntext') });
    const again = await lib.host.call('documents.import', { name: 'b.md', data: b64('# Same\n\ntext') });
    expect(!again.ok && again.error.code).toBe('conflict');
    expect(!again.ok && again.error.message).toMatch(/already in the library as “Same”/);
  });
});

describe('importing a URL', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function serve(): Promise<string> {
    server = createServer((req, res) => {
      if (req.url === '/article') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(fixture('html/news-article.html'));
      } else if (req.url === '/moved') {
        res.writeHead(302, { Location: '/article' });
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('fetches, follows a redirect, and keeps the final URL, the fetch time and the accessed date', async () => {
    const base = await serve();
    const lib = await testLibrary();
    const { document } = await lib.call('documents.importUrl', { url: `${base}/moved`, allowPrivate: true });
    expect(document.origin).toMatchObject({ kind: 'url', url: `${base}/moved`, finalUrl: `${base}/article` });
    expect(document.origin.fetchedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(document.csl.accessed?.['date-parts']?.[0]).toHaveLength(3);
    expect(document.format).toBe('html');
  });

  it('refuses loopback addresses unless allowed, and a missing page, changing nothing', async () => {
    const base = await serve();
    const lib = await testLibrary();
    const before = dump(lib);
    const refused = await lib.host.call('documents.importUrl', { url: `${base}/article` });
    expect(!refused.ok && refused.error.message).toMatch(/private|loopback/i);
    const missing = await lib.host.call('documents.importUrl', { url: `${base}/nope`, allowPrivate: true });
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const scheme = await lib.host.call('documents.importUrl', { url: 'file:///etc/passwd' });
    expect(!scheme.ok && scheme.error.code).toBe('validation');
    expect(dump(lib)).toBe(before);
  });
});

describe('batch import', () => {
  it('imports 200 files with progress, and one broken file in the middle does not stop the others', async () => {
    const lib = await testLibrary();
    const items = Array.from({ length: 200 }, (_, i) =>
      i === 100
        ? { name: 'broken.pdf', data: b64('%PDF-1.7 this is not really a PDF') }
        : {
            name: `note-${i}.${i % 3 === 0 ? 'html' : 'md'}`,
            data: b64(
              i % 3 === 0
                ? `<html><body><article><h1>Page ${i}</h1><p>Body of page ${i}, long enough to be the article.</p></article></body></html>`
                : `# Note ${i}\n\nText of note ${i}.`,
            ),
          },
    );
    const progress: number[] = [];
    lib.host.subscribe((e) => e.type === 'job' && progress.push(e.job.done));
    const job = await lib.call('jobs.import', { items });
    await lib.host.dispatcher.jobs.idle();
    const done = await lib.call('jobs.get', { id: job.id });
    expect(done.state).toBe('done');
    expect(done.outcomes.filter((o) => o.status === 'imported')).toHaveLength(199);
    expect(done.outcomes[100]).toMatchObject({ name: 'broken.pdf', status: 'failed' });
    expect(done.outcomes[100]!.error).toMatch(/broken\.pdf/);
    expect(progress.at(-1)).toBe(200);
    expect(new Set(progress).size).toBeGreaterThan(100);
    expect((await lib.call('documents.list', {})).total).toBe(199);
  }, 60_000);
});
