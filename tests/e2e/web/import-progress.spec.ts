// One long PDF picked on its own: the import panel follows it page by page, and Cancel stops it
// part-way with nothing added to the library. 1,500 pages, so that the reading is surely still
// under way when the tests look at it: 300 were read in a few seconds, and a PDF whose reading
// ended before a cancel arrived is rightly kept.
import { longReportPdf } from '../../fixtures/make/pdf';
import { call, openGloss } from '../support/api';
import { expect, test } from '../support/server';

const PAGES = 1_500;
const pdf = { name: 'long-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(longReportPdf(PAGES)) };
const pageOf = (text: string) => Number(/Reading page ([\d,]+) of/.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
const reading = (name: string) => new RegExp(`^Reading page [\\d,]+ of ${PAGES.toLocaleString('en')} — ${name.replace('.', '\\.')}$`);

test('a 1,500-page PDF shows the page being read, then opens when it is done', async ({ page, gloss }) => {
  test.setTimeout(180_000);
  await openGloss(page, gloss);
  await page.locator('input[type=file][multiple]').setInputFiles([pdf]);

  const progress = page.getByRole('region', { name: 'Import progress' });
  const line = progress.getByText(reading('long-report.pdf'));
  await expect(line).toBeVisible({ timeout: 60_000 });
  const first = pageOf(await line.innerText());
  await expect.poll(async () => pageOf(await line.innerText().catch(() => '')), { timeout: 60_000 }).toBeGreaterThan(first);
  const bar = progress.getByRole('progressbar', { name: 'Import progress' });
  expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
  await expect(progress.getByRole('button', { name: 'Cancel import' })).toBeEnabled();

  await expect(progress).toBeHidden({ timeout: 120_000 });
  await expect(page.getByText(`Added “Long report (${PAGES} pages)” from long-report.pdf.`)).toBeVisible();
  const list = await call(page, gloss, 'documents.list', {});
  expect(list.items.map((d) => d.title)).toEqual([`Long report (${PAGES} pages)`]);
});

test('cancelling a long PDF part-way stops it between pages and adds nothing', async ({ page, gloss }) => {
  test.setTimeout(180_000);
  await openGloss(page, gloss);
  await page.locator('input[type=file][multiple]').setInputFiles([pdf]);

  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress.getByText(reading('long-report.pdf'))).toBeVisible({ timeout: 60_000 });
  await progress.getByRole('button', { name: 'Cancel import' }).click();

  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('Import cancelled: 0 of 1 file imported', { timeout: 30_000 });
  const list = await call(page, gloss, 'documents.list', {});
  expect(list.total).toBe(0);
});
