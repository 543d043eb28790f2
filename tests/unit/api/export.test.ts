// The export methods end to end through the API: preview, a job that writes the file, taking it
// once, copy as citation, user styles, and reading an exported annotation file back.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/model';
import { logicalDump } from '../../../src/main/store/dump';
import { failure, testLibrary, type TestLibrary } from '../support/library';

const REPORT = [
  'Profits and poverty: the economics of forced labour',
  '',
  'The ILO estimates that forced labour generates approximately US$150 billion in illegal profits per year.',
  '',
  'Some 40 percent of victims were trafficked for forced labour.',
].join('\n');

async function sampleLibrary(): Promise<{ lib: TestLibrary; documentId: string; annotationId: string; tagId: string }> {
  const lib = await testLibrary();
  const doc = await lib.call('documents.create', { text: REPORT, title: 'Profits and poverty' });
  const updated = await lib.call('documents.update', {
    id: doc.id,
    version: doc.version,
    csl: {
      type: 'report',
      title: 'Profits and poverty: The economics of forced labour',
      author: [{ literal: 'International Labour Organization' }],
      issued: { 'date-parts': [[2014]] },
      publisher: 'ILO',
    },
  });
  const source = await lib.call('sources.create', { kind: 'organisation', name: 'International Labour Organization', acronym: 'ILO' });
  const tag = await lib.call('tags.create', { name: 'labour/forced' });
  const quote = 'forced labour generates approximately US$150 billion in illegal profits per year';
  const start = REPORT.indexOf(quote);
  const annotation = await lib.call('annotations.create', {
    documentId: updated.id,
    kindId: 'k-claim',
    start,
    end: start + quote.length,
    tagIds: [tag.id],
    sources: [{ sourceId: source.id }],
    note: 'Compare with the **2005** estimate.',
  });
  return { lib, documentId: doc.id, annotationId: annotation.id, tagId: tag.id };
}

async function finished(lib: TestLibrary, job: Job): Promise<Job> {
  for (;;) {
    const current = await lib.call('jobs.get', { id: job.id });
    if (current.state !== 'running') return current;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('export through the API', () => {
  it('previews, then writes an annotated bibliography as a job whose file is taken once', async () => {
    const { lib, tagId } = await sampleLibrary();
    const preview = await lib.call('export.preview', { selection: { type: 'tag', tagId }, format: 'md', style: 'apa' });
    expect(preview.documentCount).toBe(1);
    expect(preview.annotationCount).toBe(1);
    const text = preview.document.blocks
      .flatMap((block) => (block.type === 'list' ? block.items.flat() : block.runs))
      .map((run) => run.text)
      .join(' ');
    expect(text).toContain('International Labour Organization. (2014)');
    expect(text).toContain('US$150 billion');

    const job = await finished(lib, await lib.call('export.start', { selection: { type: 'tag', tagId }, format: 'md', style: 'apa' }));
    expect(job).toMatchObject({ type: 'export', state: 'done', ready: { mediaType: expect.stringContaining('markdown') } });
    expect(job.ready!.fileName).toMatch(/^annotated-bibliography-labour-forced-\d{4}-\d\d-\d\d\.md$/);
    const file = await lib.call('export.take', { jobId: job.id });
    const markdown = Buffer.from(file.data, 'base64').toString('utf8');
    expect(markdown).toContain('International Labour Organization. (2014). *Profits and poverty: The economics of forced labour*');
    expect(markdown).toContain('labour/forced');
    expect(markdown).toContain('gloss://documents/');
    expect((await failure(lib.call('export.take', { jobId: job.id }))).message).toMatch(/already been saved/);
  });

  it('numbers Vancouver references 1, 2, 3 down the list, whatever order the documents were added in', async () => {
    const { lib } = await sampleLibrary();
    const later = await lib.call('documents.create', {
      text: 'Debt bondage in brick kilns\n\nMost workers owed more than a year of wages.',
      title: 'Debt bondage',
    });
    await lib.call('documents.update', {
      id: later.id,
      version: later.version,
      csl: {
        type: 'article-journal',
        title: 'Debt bondage in brick kilns',
        author: [{ family: 'Anderson', given: 'Maria' }],
        issued: { 'date-parts': [[2019]] },
        'container-title': 'Journal of Labour Studies',
      },
    });
    const job = await finished(lib, await lib.call('export.start', { selection: { type: 'library' }, format: 'txt', style: 'vancouver', sort: 'author' }));
    const text = Buffer.from((await lib.call('export.take', { jobId: job.id })).data, 'base64').toString('utf8');
    const anderson = text.indexOf('Anderson M.');
    const ilo = text.indexOf('International Labour Organization.');
    expect(anderson).toBeGreaterThan(-1);
    expect(ilo).toBeGreaterThan(anderson);
    expect(text.slice(anderson - 3, anderson)).toMatch(/1\.\s?$/);
    expect(text.slice(ilo - 3, ilo)).toMatch(/2\.\s?$/);
  });

  it('writes a DOCX that opens as an Office Open XML package', async () => {
    const { lib } = await sampleLibrary();
    const job = await finished(lib, await lib.call('export.start', { selection: { type: 'library' }, format: 'docx', style: 'chicago-author-date' }));
    const file = await lib.call('export.take', { jobId: job.id });
    const parts = unzipSync(Buffer.from(file.data, 'base64'));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    expect(strFromU8(parts['word/document.xml']!)).toContain('US$150 billion');
  });

  it('copies a claim with its in-text citation and locator in the chosen style', async () => {
    const { lib, annotationId } = await sampleLibrary();
    const apa = await lib.call('export.citation', { annotationId, style: 'apa' });
    expect(apa.text).toBe(
      '“forced labour generates approximately US$150 billion in illegal profits per year” (International Labour Organization, 2014, para. 2)',
    );
    expect(apa.html).toBe(
      '<p>“forced labour generates approximately US$150 billion in illegal profits per year” (International Labour Organization, 2014, para. 2)</p>',
    );
    const other = await failure(lib.call('export.citation', { annotationId, style: '../../etc/passwd' }));
    expect(other.code).toBe('validation');
  });

  it('adds a user style after checking it, and refuses names and files that are not styles', async () => {
    const { lib } = await sampleLibrary();
    const bad = await failure(lib.call('export.addStyle', { name: 'broken.csl', content: '<style><unclosed>' }));
    expect(bad.code).toBe('validation');
    const escape = await failure(lib.call('export.addStyle', { name: '../outside.csl', content: '<style/>' }));
    expect(escape.message).toMatch(/not a style file name/);
    expect((await lib.call('export.styles', {})).filter((style) => !style.bundled)).toEqual([]);
    const missing = await failure(lib.call('export.preview', { selection: { type: 'library' }, format: 'md', style: 'user:none.csl' }));
    expect(missing.code).toBe('not-found');
  });

  it('reads its own W3C export back into an empty library with the same document', async () => {
    const { lib } = await sampleLibrary();
    const job = await finished(lib, await lib.call('export.start', { selection: { type: 'library' }, format: 'w3c' }));
    const exported = Buffer.from((await lib.call('export.take', { jobId: job.id })).data, 'base64').toString('utf8');

    const other = await testLibrary();
    await other.call('documents.create', { text: REPORT, title: 'Profits and poverty' });
    const before = logicalDump(other.host.library.db);
    const bad = await failure(
      other.call('annotations.importFile', { name: 'broken.jsonld', content: '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": 5' }),
    );
    expect(bad.code).toBe('validation');
    expect(logicalDump(other.host.library.db)).toEqual(before);
    const summary = await other.call('annotations.importFile', { name: 'export.jsonld', content: exported });
    expect(summary).toMatchObject({ imported: 1, orphaned: 0, skipped: [] });
    const [documentId] = (await other.call('documents.list', {})).items.map((d) => d.id);
    const [annotation] = await other.call('annotations.list', { documentId: documentId! });
    expect(annotation).toMatchObject({ exact: expect.stringContaining('US$150 billion'), anchor: 'anchored', tags: [{ name: 'labour/forced' }] });
    expect(annotation!.sources.map((s) => s.name)).toEqual(['International Labour Organization']);
  });
});
