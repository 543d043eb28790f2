// PDF import against fixtures made by tests/fixtures/make/pdf.ts: reading order, paragraphs,
// hyphenation, running lines, columns, page labels and metadata; and the ways a PDF can be bad.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPdf } from '../../../src/main/importers/pdf';
import { IMPORT_LIMITS } from '../../../src/main/importers/types';
import { GlossError } from '../../../src/shared/errors';
import { longReportPdf } from '../../fixtures/make/pdf';

const fixture = (name: string): Uint8Array => readFileSync(join(__dirname, '../../fixtures/pdf', name));

async function failure(name: string, bytes: Uint8Array): Promise<GlossError> {
  const error = await importPdf({ name, bytes }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GlossError);
  return error as GlossError;
}

describe('importPdf', () => {
  it('rebuilds headings and paragraphs in reading order, joins split words and drops running lines', async () => {
    const imported = await importPdf({ name: 'report.pdf', bytes: fixture('report.pdf') });
    expect(imported.format).toBe('pdf');
    expect(imported.warnings).toEqual([]);
    expect(imported.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Forced Labour in Supply Chains' },
      { type: 'heading', level: 3, text: 'A briefing on recruitment and debt' },
      { type: 'heading', level: 2, text: '1. Introduction' },
      {
        type: 'paragraph',
        text: 'The ILO estimates that forced labour generates approximately US$236 billion in illegal profits per year. Much of this trafficking happens across borders, and cross-border recruitment is common in construction and agriculture.',
      },
      {
        type: 'paragraph',
        text: 'Recruiters in the Asia-Pacific region charge fees that workers repay over many months; the cross-border nature of the trade makes enforcement hard.',
      },
      { type: 'paragraph', text: 'An indented first line starts this paragraph without any gap above it, as many reports set their paragraphs.' },
      { type: 'heading', level: 3, text: '1.1 Scope' },
      { type: 'paragraph', text: 'This briefing covers 2019 to 2022.' },
      { type: 'heading', level: 2, text: '2. Regional findings' },
      { type: 'paragraph', text: 'In the Gulf states, most workers surveyed had paid a recruitment fee, often to a sub-agent in their home village.' },
      { type: 'paragraph', text: 'Debts averaged four months of wages.' },
      { type: 'paragraph', text: 'In Southeast Asia, fishing crews reported passport confiscation and unpaid wages at sea.' },
      { type: 'paragraph', text: 'Inspections found 57 vessels in breach of the law.' },
      { type: 'heading', level: 2, text: '3. Conclusion' },
      { type: 'paragraph', text: 'Ending recruitment fees would remove the main source of debt bondage, the survey concludes.' },
      { type: 'heading', level: 3, text: 'References' },
      { type: 'paragraph', text: 'ILO (2022). Global Estimates of Modern Slavery. Geneva: ILO.' },
    ]);
  });

  it('keeps page boundaries with the printed page labels', async () => {
    const imported = await importPdf({ name: 'report.pdf', bytes: fixture('report.pdf') });
    expect(imported.pages).toEqual([
      { label: 'i', block: 0 },
      { label: '1', block: 2 },
      { label: '2', block: 8 },
      { label: '3', block: 13 },
      { label: '4', block: 15 },
    ]);
  });

  it('reads title, author and date from the document info', async () => {
    const imported = await importPdf({ name: 'report.pdf', bytes: fixture('report.pdf') });
    expect(imported.title).toBe('Forced Labour in Supply Chains');
    expect(imported.csl).toEqual({
      type: 'report',
      title: 'Forced Labour in Supply Chains',
      author: [{ literal: 'Global Labour Institute' }],
      issued: { 'date-parts': [[2023, 4, 15]] },
    });
  });

  it('reports progress once per page, ending at the page count', async () => {
    const calls: [number, number][] = [];
    await importPdf({ name: 'report.pdf', bytes: fixture('report.pdf') }, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([0, 1, 2, 3, 4, 5].map((done) => [done, 5]));
  });

  it('leaves the caller’s bytes intact', async () => {
    const bytes = fixture('report.pdf');
    const copy = bytes.slice();
    await importPdf({ name: 'report.pdf', bytes });
    expect(bytes).toEqual(copy);
  });

  it('imports an owner-password PDF (empty user password) normally', async () => {
    const imported = await importPdf({ name: 'un-report.pdf', bytes: fixture('owner-password.pdf') });
    expect(imported.title).toBe('Annual Report');
    expect(imported.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Annual Report' },
      { type: 'paragraph', text: 'Protected text that anyone may open and read.' },
    ]);
  });

  it('refuses a PDF that needs a user password', async () => {
    const error = await failure('secret.pdf', fixture('user-password.pdf'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      '“secret.pdf” needs a password to open, and password-protected PDFs are not supported. Open it with its password in a PDF reader, save a copy without the password, and import that.',
    );
  });

  it('refuses a PDF without a text layer', async () => {
    const error = await failure('scan.pdf', fixture('scanned.pdf'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      '“scan.pdf” has no text layer: OCR is not supported. It looks like scanned images; run it through an OCR tool (for example OCRmyPDF) and import the result.',
    );
  });

  it('refuses a corrupt PDF with a clear message', async () => {
    const error = await failure('broken.pdf', fixture('corrupt.pdf'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      '“broken.pdf” is damaged or is not a PDF (Invalid PDF structure). Download it again, or save a fresh copy from the program that made it, and retry.',
    );
  });

  it(`refuses more than ${IMPORT_LIMITS.pdfPages} pages before reading any`, async () => {
    const progress: number[] = [];
    const error = await importPdf({ name: 'huge.pdf', bytes: longReportPdf(IMPORT_LIMITS.pdfPages + 1) }, { onProgress: (done) => progress.push(done) }).then(
      () => null,
      (caught: unknown) => caught as GlossError,
    );
    expect(error?.code).toBe('too-large');
    expect(error?.message).toBe('“huge.pdf” has 2,001 pages; Gloss imports at most 2,000. Split it into parts (for example one per chapter) and import those.');
    expect(progress).toEqual([]);
  });

  it('imports a long report with one page start per page and running lines removed', async () => {
    const imported = await importPdf({ name: 'long.pdf', bytes: longReportPdf(30) });
    expect(imported.pages).toHaveLength(30);
    expect(imported.pages?.[29]).toMatchObject({ label: '30' });
    expect(imported.blocks.filter((block) => block.type === 'heading').map((block) => block.text)).toEqual(['Chapter 1', 'Chapter 2', 'Chapter 3']);
    expect(imported.blocks.some((block) => /Global Labour Institute|^Page \d+$/.test(block.text))).toBe(false);
  });
});
