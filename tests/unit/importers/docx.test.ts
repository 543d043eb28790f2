// DOCX import: headings, nested lists, quotes, tables and core metadata, read from a fixture
// built by tests/fixtures/make/docx.ts; and the ways a .docx can be bad.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../../src/main/importers/docx';
import { GlossError } from '../../../src/shared/errors';
import { bombDocx } from '../../fixtures/make/docx';

const fixture = (name: string): Uint8Array => readFileSync(join(__dirname, '../../fixtures/docx', name));

async function failure(name: string, bytes: Uint8Array): Promise<GlossError> {
  const error = await importDocx({ name, bytes }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GlossError);
  return error as GlossError;
}

describe('importDocx', () => {
  it('keeps headings, nested bulleted and numbered lists, quotes and table rows', async () => {
    const imported = await importDocx({ name: 'sample.docx', bytes: fixture('sample.docx') });
    expect(imported.format).toBe('docx');
    expect(imported.warnings).toEqual([]);
    expect(imported.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Recruitment Fees in Labour Migration' },
      { type: 'heading', level: 1, text: 'Summary' },
      { type: 'paragraph', text: 'Workers paid an average of US$1,200 in recruitment fees, according to the survey.' },
      { type: 'heading', level: 2, text: 'Findings' },
      { type: 'list-item', level: 1, ordered: false, text: 'Fees were highest in construction' },
      { type: 'list-item', level: 2, ordered: false, text: 'Often charged twice' },
      { type: 'list-item', level: 1, ordered: false, text: 'Debts took a year to repay' },
      { type: 'list-item', level: 1, ordered: true, text: 'Ban recruitment fees' },
      { type: 'list-item', level: 2, ordered: true, text: 'Enforce the ban' },
      { type: 'list-item', level: 1, ordered: true, text: 'Publish audits' },
      { type: 'quote', text: '“We paid before we saw a contract,” one worker said.' },
      { type: 'paragraph', text: 'Sector\tAverage fee (US$)' },
      { type: 'paragraph', text: 'Construction\t1,500' },
      { type: 'paragraph', text: 'Domestic work\t900' },
      { type: 'heading', level: 3, text: 'Method' },
      { type: 'paragraph', text: 'Interviews with 412 workers in 2023.\nFieldwork ended in December.' },
    ]);
  });

  it('reads title, authors and creation date from docProps/core.xml', async () => {
    const imported = await importDocx({ name: 'sample.docx', bytes: fixture('sample.docx') });
    expect(imported.title).toBe('Recruitment Fees & Labour Migration');
    expect(imported.csl).toEqual({
      type: 'report',
      title: 'Recruitment Fees & Labour Migration',
      author: [{ family: 'Okafor', given: 'Amara' }, { literal: 'Migration Research Unit' }],
      issued: { 'date-parts': [[2024, 3, 5]] },
    });
  });

  it('refuses a file that is not a zip archive', async () => {
    const error = await failure('notes.docx', fixture('not-a-zip.docx'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      '“notes.docx” is not a Word document (not a valid zip archive: it does not start like one). Save it again from Word as .docx and retry.',
    );
  });

  it('refuses a zip archive without word/document.xml', async () => {
    const error = await failure('archive.docx', fixture('no-document.docx'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('has no word/document.xml');
  });

  it('refuses a zip bomb past the 200 MB cap before mammoth sees it, whatever the headers declare', async () => {
    const error = await failure('bomb.docx', bombDocx(201 * 1024 * 1024));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      '“bomb.docx” expands to more than 200 MB when unpacked (the cap is 200 MB); it may be a zip bomb. If it is a genuine document, split it into smaller files.',
    );
  });
});
