// Exporting from a source's page: the dialog opens on that source's claims across documents,
// whichever Export… button opened it; the preview and the Markdown file hold those claims only.
import { readFileSync } from 'node:fs';
import { call, documentWithClaims, openGloss } from '../support/api';
import { expect, test } from '../support/server';

const REPORT = [
  'Profits and poverty',
  '',
  'The ILO estimates that forced labour generates US$150 billion in illegal profits per year.',
  '',
  'Harbour Daily reported that dock workers went on strike on Monday.',
].join('\n');
const SURVEY = [
  'Global estimates of modern slavery',
  '',
  'Some 27.6 million people were in forced labour in 2021.',
  '',
  'One in eight of them were children.',
  '',
  'Wages in the sector rose by a third.',
].join('\n');

const ILO_CLAIMS = [
  'forced labour generates US$150 billion in illegal profits per year',
  'Some 27.6 million people were in forced labour in 2021',
  'One in eight of them were children',
];
const OTHER_CLAIMS = ['dock workers went on strike on Monday', 'Wages in the sector rose by a third'];

test('exports the claims citing one source, across documents, from the source’s page', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const ilo = await call(page, gloss, 'sources.create', { kind: 'organisation', name: 'International Labour Organization', acronym: 'ILO' });
  const harbour = await call(page, gloss, 'sources.create', { kind: 'news-outlet', name: 'Harbour Daily' });
  await documentWithClaims(page, gloss, 'Profits and poverty', REPORT, [
    { quote: ILO_CLAIMS[0]!, sources: [ilo.id] },
    { quote: OTHER_CLAIMS[0]!, sources: [harbour.id] },
  ]);
  await documentWithClaims(page, gloss, 'Global estimates of modern slavery', SURVEY, [
    { quote: ILO_CLAIMS[1]!, sources: [ilo.id] },
    { quote: ILO_CLAIMS[2]!, sources: [ilo.id, harbour.id] },
    { quote: OTHER_CLAIMS[1]!, sources: [] },
  ]);
  // A tag in the library makes sure the source's claims are offered first, not merely somewhere.
  await call(page, gloss, 'tags.create', { name: 'labour/forced' });

  await page.goto(`${gloss.origin}/#/sources/${ilo.id}`);
  const sourcePage = page.getByRole('region', { name: /^International Labour Organization/ });
  await expect(sourcePage.getByRole('heading', { level: 2 })).toHaveText('3 claims across 2 documents');
  await sourcePage.getByRole('button', { name: 'Export…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Export' });
  const what = dialog.getByLabel('What');
  const chosen = 'Claims citing “International Labour Organization”';
  await expect(what.locator('option').first()).toHaveText(chosen);
  await expect(what.locator('option:checked')).toHaveText(chosen);
  await dialog.getByLabel('Format').selectOption({ label: 'Markdown' });

  const preview = dialog.getByRole('region', { name: /Preview/ });
  await expect(preview).toContainText('2 of 2 documents, 3 annotations');
  for (const quote of ILO_CLAIMS) await expect(preview).toContainText(quote);
  for (const quote of OTHER_CLAIMS) await expect(preview).not.toContainText(quote);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export Markdown' }).click();
  const markdown = await download;
  expect(markdown.suggestedFilename()).toMatch(/^annotated-bibliography-claims-of-international-labour-organization-\d{4}-\d\d-\d\d\.md$/);
  const text = readFileSync((await markdown.path())!, 'utf8');
  expect(text).toContain('Annotated bibliography: claims of International Labour Organization');
  expect(text).toContain('Profits and poverty');
  expect(text).toContain('Global estimates of modern slavery');
  for (const quote of ILO_CLAIMS) expect(text).toContain(quote);
  for (const quote of OTHER_CLAIMS) expect(text).not.toContain(quote);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The library's Export… button, pressed on the same page, opens on the same choice.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Export…' }).click();
  await expect(what.locator('option:checked')).toHaveText(chosen);
  await expect(preview).toContainText('2 of 2 documents, 3 annotations');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Elsewhere the source is no longer offered.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Export…' }).click();
  await expect(what.locator('option:checked')).toHaveText('The whole library');
  await expect(what.locator('option', { hasText: 'International Labour Organization' })).toHaveCount(0);
});
