// The export dialog as a researcher uses it: pick a tag and APA, read the preview, export Markdown
// and DOCX, and find in the files what the preview promised; then copy a claim as a citation.
// Screenshots of the dialog in both themes go to tests/e2e/.artifacts/ for a person to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { call, openGloss } from '../support/api';
import { expect, test } from '../support/server';

const OUT = join(__dirname, '..', '.artifacts');

const REPORT = [
  'Profits and poverty: the economics of forced labour',
  '',
  'The ILO estimates that forced labour generates approximately US$150 billion in illegal profits per year.',
  '',
  'Some 40 percent of victims were trafficked for forced labour.',
].join('\n');
const NEWS = 'Trafficking in the region\n\nIOM assisted more than 7,000 victims in 2015, according to the agency.';

async function library(page: Page, gloss: Parameters<typeof call>[1]) {
  const report = await call(page, gloss, 'documents.create', { text: REPORT, title: 'Profits and poverty' });
  await call(page, gloss, 'documents.update', {
    id: report.id,
    version: report.version,
    csl: {
      type: 'report',
      title: 'Profits and poverty: The economics of forced labour',
      author: [{ literal: 'International Labour Organization' }],
      issued: { 'date-parts': [[2014]] },
      publisher: 'ILO',
    },
  });
  const news = await call(page, gloss, 'documents.create', { text: NEWS, title: 'Trafficking in the region' });
  const forced = await call(page, gloss, 'tags.create', { name: 'labour/forced' });
  const victims = await call(page, gloss, 'tags.create', { name: 'victims' });
  const ilo = await call(page, gloss, 'sources.create', { kind: 'organisation', name: 'International Labour Organization', acronym: 'ILO' });
  const annotate = async (documentId: string, text: string, quote: string, tagIds: string[], note = '') => {
    const start = text.indexOf(quote);
    return call(page, gloss, 'annotations.create', {
      documentId,
      kindId: 'k-claim',
      start,
      end: start + quote.length,
      tagIds,
      sources: [{ sourceId: ilo.id }],
      note,
    });
  };
  const claim = await annotate(
    report.id,
    REPORT,
    'forced labour generates approximately US$150 billion in illegal profits per year',
    [forced.id],
    'The <b>headline</b> figure.',
  );
  await annotate(news.id, NEWS, 'IOM assisted more than 7,000 victims in 2015', [victims.id]);
  return { report, claim };
}

test('exports the claims of a tag as an annotated bibliography in APA, in Markdown and DOCX', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const { report, claim } = await library(page, gloss);
  await page.reload();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('What').selectOption({ label: 'Claims tagged “labour/forced”' });
  await dialog.getByLabel('Format').selectOption({ label: 'Markdown' });
  await dialog.getByLabel('Citation style').selectOption({ label: 'APA Style 7th edition' });

  const preview = dialog.getByRole('region', { name: /Preview/ });
  await expect(preview).toContainText('International Labour Organization. (2014). Profits and poverty: The economics of forced labour.');
  await expect(preview).toContainText('1 of 1 document, 1 annotation');
  await expect(preview).toContainText('forced labour generates approximately US$150 billion in illegal profits per year');
  await expect(preview).not.toContainText('IOM assisted');
  // The note's markup is shown as text, never run as markup.
  await expect(preview).toContainText('The <b>headline</b> figure.');
  await expect(preview.locator('b')).toHaveCount(0);
  await expect(preview.locator('i', { hasText: 'Profits and poverty' })).toHaveCount(1);

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await dialog.screenshot({ path: join(OUT, `export-dialog-${theme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  const markdownDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export Markdown' }).click();
  const markdown = await markdownDownload;
  expect(markdown.suggestedFilename()).toMatch(/^annotated-bibliography-labour-forced-\d{4}-\d\d-\d\d\.md$/);
  const text = readFileSync((await markdown.path())!, 'utf8');
  expect(text).toContain('International Labour Organization. (2014). *Profits and poverty: The economics of forced labour*.');
  expect(text).toContain('forced labour generates approximately US$150 billion in illegal profits per year');
  expect(text).toContain(`gloss://documents/${report.id}/a/${claim.id}`);
  expect(text).toContain('labour/forced');
  expect(text).not.toContain('IOM assisted');

  await dialog.getByLabel('Format').selectOption({ label: 'Word (DOCX)' });
  const docxDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export Word (DOCX)' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const parts = unzipSync(readFileSync((await docx.path())!));
  const body = strFromU8(parts['word/document.xml']!);
  expect(body).toContain('International Labour Organization');
  expect(body).toContain('US$150 billion in illegal profits per year');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('copies a claim as a quote with its APA citation', async ({ page, gloss, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gloss.origin });
  await openGloss(page, gloss);
  const { report } = await library(page, gloss);
  await page.goto(`${gloss.origin}/#/documents/${report.id}`);
  const panel = page.getByRole('region', { name: 'Annotations' });
  await panel.locator('article.card').first().click();
  await panel.getByRole('button', { name: 'Copy as citation' }).click();
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toBe('“forced labour generates approximately US$150 billion in illegal profits per year” (International Labour Organization, 2014, para. 2)');
});

test('adds a .csl style from the dialog and previews with it; a file that is not a style is refused with a message', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  await library(page, gloss);
  await page.reload();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Markdown' });
  const styleInput = dialog.locator('input[type="file"][accept=".csl"]');

  await styleInput.setInputFiles({ name: 'broken.csl', mimeType: 'application/xml', buffer: Buffer.from('<style><unclosed>') });
  await expect(dialog.getByRole('alert')).toContainText('broken.csl');

  await styleInput.setInputFiles(join(__dirname, '../../fixtures/export/styles/gloss-test-author-year.csl'));
  await expect(dialog.getByLabel('Citation style')).toHaveValue('user:gloss-test-author-year.csl');
  await expect(dialog.getByRole('region', { name: /Preview/ })).toContainText(
    'International Labour Organization — Profits and poverty: The economics of forced labour (2014)',
  );
});
