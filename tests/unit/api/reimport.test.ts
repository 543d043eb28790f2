// Re-importing from the source: a page fetched again whose text changed re-anchors every
// annotation (moved, corrected, orphaned, never deleted); a failed fetch changes nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { logicalDump } from '../../../src/main/store/dump';
import { failure, testLibrary, type TestLibrary } from '../support/library';

function dump(lib: TestLibrary): string {
  lib.host.library.db.pragma('wal_checkpoint(TRUNCATE)');
  return logicalDump(lib.host.library.db);
}

const page = (...paragraphs: string[]) =>
  `<!doctype html><html><head><title>Harbour strike</title></head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

const STRIKE = 'Dock workers in three harbours stopped work on Tuesday over unpaid wages.';
const TALKS = 'Negotiations between the union and the port authority have stalled since March, according to both sides of the dispute.';
const FIRST = page(
  STRIKE,
  'The union says 4,000 members joined the strike in the first hour.',
  'A spokesperson for the port authority declined to comment on the dispute.',
  TALKS,
);
// The strike paragraph moves to the end, the union's figure is corrected, the spokesperson goes.
const SECOND = page('The union says 4,500 members joined the strike in the first hour.', TALKS, 'Update: talks resumed on Thursday morning.', STRIKE);

describe('re-importing a document from its source', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  /** A page that serves each body in turn, then the last one; `status` overrides the answer. */
  async function serve(bodies: string[], status = { code: 200 }): Promise<string> {
    let served = 0;
    server = createServer((_req, res) => {
      if (status.code !== 200) {
        res.writeHead(status.code);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(bodies[Math.min(served++, bodies.length - 1)]);
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/strike`;
  }

  it('fetches the page again and re-anchors every annotation: moved, edited, orphaned, none deleted', async () => {
    const url = await serve([FIRST, SECOND]);
    const lib = await testLibrary();
    const { document: doc } = await lib.call('documents.importUrl', { url, allowPrivate: true });
    const at = (quote: string) => {
      const start = doc.text.indexOf(quote);
      expect(start).toBeGreaterThanOrEqual(0);
      return { start, end: start + quote.length };
    };
    const moved = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', ...at('stopped work on Tuesday over unpaid wages') });
    const edited = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-figure', ...at('The union says 4,000 members joined the strike') });
    const gone = await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-quote', ...at('declined to comment on the dispute') });

    const result = await lib.call('documents.reimport', { id: doc.id, version: doc.version, allowPrivate: true });
    expect(result.changed).toBe(true);
    expect(result.document.text).toContain('talks resumed on Thursday');
    expect(result.document.text).not.toContain('declined to comment');
    expect(result.anchors).toEqual({ anchored: 0, moved: 1, fuzzy: 1, orphaned: 1 });
    expect(result.document.version).toBeGreaterThan(doc.version);

    const after = new Map((await lib.call('annotations.list', { documentId: doc.id })).map((a) => [a.id, a]));
    expect(after.size).toBe(3);
    const text = result.document.text;
    expect(after.get(moved.id)).toMatchObject({ anchor: 'moved', exact: 'stopped work on Tuesday over unpaid wages' });
    expect(text.slice(after.get(moved.id)!.start, after.get(moved.id)!.end)).toBe('stopped work on Tuesday over unpaid wages');
    expect(after.get(edited.id)).toMatchObject({ anchor: 'fuzzy', exact: 'The union says 4,500 members joined the strike' });
    expect(after.get(gone.id)).toMatchObject({ anchor: 'orphaned', exact: 'declined to comment on the dispute' });
    expect(result.document.origin.url).toBe(url);
    expect(result.document.origin.fetchedAt! >= doc.origin.fetchedAt!).toBe(true);
    expect((await lib.call('search.query', { query: 'talks resumed' })).hits.some((h) => h.documentId === doc.id)).toBe(true);
  });

  it('changes nothing when the page reads the same, when the fetch fails, or when the version is stale', async () => {
    const status = { code: 200 };
    const url = await serve([FIRST], status);
    const lib = await testLibrary();
    const { document: doc } = await lib.call('documents.importUrl', { url, allowPrivate: true });
    await lib.call('annotations.create', { documentId: doc.id, kindId: 'k-claim', start: 0, end: 11 });
    const before = dump(lib);

    const same = await lib.call('documents.reimport', { id: doc.id, version: doc.version, allowPrivate: true });
    expect(same).toMatchObject({ changed: false, anchors: { anchored: 1, moved: 0, fuzzy: 0, orphaned: 0 } });
    expect(dump(lib)).toBe(before);

    status.code = 500;
    const failed = await failure(lib.call('documents.reimport', { id: doc.id, version: doc.version, allowPrivate: true }));
    expect(failed.message).toMatch(/500|server/i);
    status.code = 404;
    expect((await failure(lib.call('documents.reimport', { id: doc.id, version: doc.version, allowPrivate: true }))).code).toBe('not-found');
    const refused = await failure(lib.call('documents.reimport', { id: doc.id, version: doc.version }));
    expect(refused.message).toMatch(/private|loopback/i);
    status.code = 200;
    expect((await failure(lib.call('documents.reimport', { id: doc.id, version: doc.version + 1, allowPrivate: true }))).code).toBe('conflict');
    expect(dump(lib)).toBe(before);
  });

  it('re-reads the kept bytes of an imported file; pasted text and entries have no source', async () => {
    const lib = await testLibrary();
    const { document: file } = await lib.call('documents.import', { name: 'notes.md', data: Buffer.from('# Notes\n\nKept bytes.').toString('base64') });
    expect(file.origin.hasOriginal).toBe(true);
    expect(await lib.call('documents.reimport', { id: file.id, version: file.version })).toMatchObject({ changed: false });

    const pasted = await lib.call('documents.create', { text: 'Typed straight in.' });
    expect(pasted.origin.hasOriginal).toBe(false);
    const { entries } = await lib.call('documents.importEntries', { name: 'one.bib', content: '@misc{a, title = {An entry}}' });
    const before = dump(lib);
    const noSource = await failure(lib.call('documents.reimport', { id: pasted.id, version: pasted.version }));
    expect(noSource.code).toBe('unsupported');
    expect(noSource.message).toMatch(/pasted in.*no source/);
    const entry = entries[0]!;
    expect((await failure(lib.call('documents.reimport', { id: entry.id, version: entry.version }))).message).toMatch(/no text yet/);
    expect(dump(lib)).toBe(before);
  });
});
