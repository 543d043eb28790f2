// Bibliographic entries and document details in the browser: a .bib file picked in the library
// becomes entries awaiting their text; an entry's details are edited in the Details form (a person
// and an organisation added as authors) and are still there after a reload. The form is
// screenshotted to tests/e2e/.artifacts/ for a person to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openGloss } from '../support/api';
import { expect, test } from '../support/server';

const OUT = join(__dirname, '..', '.artifacts');
const BIB = readFileSync(join(__dirname, '../../fixtures/bib/references.bib'));

test('a .bib file becomes entries awaiting text, and an entry’s details are edited and kept', async ({ page, gloss }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await openGloss(page, gloss);
  const library = page.getByRole('navigation', { name: 'Library' });
  await page.locator('input[type=file][multiple]').setInputFiles([{ name: 'references.bib', mimeType: 'application/x-bibtex', buffer: BIB }]);

  const documents = library.getByRole('list', { name: /^Documents/ });
  await expect(documents.getByRole('link')).toHaveCount(4);
  const guide = documents.getByRole('link', { name: /Guide to fair recruitment/ });
  await expect(guide).toContainText('Awaiting text');
  await expect(page.getByText(/Added 4 entries from references\.bib/)).toBeVisible();

  await guide.click();
  const reader = page.getByRole('region', { name: 'Document' });
  await expect(reader.getByRole('heading', { name: 'This entry is waiting for its text' })).toBeVisible();
  await page.screenshot({ path: join(OUT, 'metadata-awaiting.png') });
  await expect(reader.getByRole('textbox', { name: 'From a web address' })).toHaveValue('https://example.org/guide');
  await expect(reader.getByRole('button', { name: 'Edit text' })).toHaveCount(0);

  await reader.getByRole('button', { name: 'Details' }).click();
  const form = page.getByRole('dialog', { name: 'Document details' });
  await expect(form.getByLabel('Item type')).toHaveValue('webpage');
  await expect(form.getByLabel('Author 1 organisation name')).toHaveValue('Fair Labor Network');
  await expect(form.getByLabel('Accessed')).toHaveValue('2024-02-10');

  await form.getByRole('button', { name: 'Add person' }).click();
  await form.getByLabel('Author 2 family name').fill('Okafor');
  await form.getByLabel('Author 2 given names').fill('Amara');
  await form.getByRole('button', { name: 'Add organisation' }).click();
  await form.getByLabel('Author 3 organisation name').fill('International Labour Organization');
  await form.getByRole('button', { name: 'Move author 2 up' }).click();
  await expect(form.getByLabel('Author 1 family name')).toHaveValue('Okafor');
  await form.getByLabel('Website').fill('Fair Labor Network');
  await form.getByLabel('Language').fill('en');

  // A date that does not exist is caught before anything is sent, next to its field.
  await form.getByLabel('Date issued').fill('2024-02-30');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form.getByLabel('Date issued')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('2024-02-30 is not a date in the calendar.')).toBeVisible();
  await expect(form.getByRole('alert')).toContainText('see the marked fields');
  await page.screenshot({ path: join(OUT, 'metadata-form-error.png') });
  await form.getByLabel('Date issued').fill('2024-02');
  await expect(form.getByLabel('Date issued')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: join(OUT, 'metadata-form.png') });

  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form).toBeHidden();
  await expect(reader.locator('.reader-details')).toContainText('Amara Okafor, Fair Labor Network, International Labour Organization');

  await page.reload();
  await expect(reader.locator('.reader-details')).toContainText('Amara Okafor, Fair Labor Network, International Labour Organization');
  await reader.getByRole('button', { name: 'Details' }).click();
  await expect(form.getByLabel('Author 1 family name')).toHaveValue('Okafor');
  await expect(form.getByLabel('Author 1 given names')).toHaveValue('Amara');
  await expect(form.getByLabel('Author 2 organisation name')).toHaveValue('Fair Labor Network');
  await expect(form.getByLabel('Author 3 organisation name')).toHaveValue('International Labour Organization');
  await expect(form.getByLabel('Date issued')).toHaveValue('2024-02');
  await expect(form.getByLabel('Website')).toHaveValue('Fair Labor Network');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(documents.getByRole('link', { name: /Guide to fair recruitment/ })).toContainText('2024');

  // Pasted text fills the entry: it becomes a document to read and annotate, its details kept.
  await reader.getByRole('textbox', { name: 'Pasted text' }).fill('Fair recruitment means workers pay no fees.\n\nEmployers pay the costs of hiring.');
  await reader.getByRole('button', { name: 'Use this text' }).click();
  await expect(reader.getByText('Employers pay the costs of hiring.')).toBeVisible();
  await expect(documents.getByRole('link', { name: /Guide to fair recruitment/ })).not.toContainText('Awaiting text');
  await expect(reader.locator('.reader-details')).toContainText('Amara Okafor');
  await expect(reader.getByRole('button', { name: 'Re-import' })).toHaveCount(0);
});

test('a document imported from a file can be re-imported from its kept bytes', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const html =
    '<!doctype html><html><head><title>Port wages</title></head><body><article><h1>Port wages</h1><p>Wages at the port rose by 3 percent.</p></article></body></html>';
  await page.locator('input[type=file][multiple]').setInputFiles([{ name: 'port.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
  const reader = page.getByRole('region', { name: 'Document' });
  await expect(reader.getByText('Wages at the port rose by 3 percent.')).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await reader.getByRole('button', { name: 'Re-import' }).click();
  await expect(page.getByText('The source still reads the same; nothing was changed.')).toBeVisible();

  // A reference file with one entry fills the details; the document keeps what the entry lacks.
  await reader.getByRole('button', { name: 'Details' }).click();
  const form = page.getByRole('dialog', { name: 'Document details' });
  const entry = '@report{wages, author = {{Port Workers Union}}, title = {Wages at the port, 2024}, year = {2024}, institution = {Port Workers Union}}';
  await form
    .getByLabel('Reference file with this document’s details')
    .setInputFiles([{ name: 'wages.bib', mimeType: 'text/plain', buffer: Buffer.from(entry) }]);
  await expect(form.getByLabel('Title')).toHaveValue('Wages at the port, 2024');
  await expect(form.getByLabel('Item type')).toHaveValue('report');
  await expect(form.getByLabel('Author 1 organisation name')).toHaveValue('Port Workers Union');
  await expect(form.getByRole('status')).toContainText('Details filled from wages.bib and saved.');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(reader.locator('.reader-bar-title')).toHaveText('Wages at the port, 2024');
});
