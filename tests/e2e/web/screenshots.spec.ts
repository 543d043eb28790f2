// Screenshots of every main screen in the light and the dark theme at 1366×800, written to
// tests/e2e/.artifacts/ for a person to look at; the steps double as a smoke test of each screen.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { call, openGloss } from '../support/api';
import { expect, test } from '../support/server';

const OUT = join(__dirname, '..', '.artifacts');

const LIBRARY = [
  {
    title: 'Port authority disputes union figures on late wages',
    text: 'The port authority said on Monday that fewer than 300 dock workers had been paid late this year, far below the 1,200 the union reported.\n\nThe union stood by its count.',
    csl: { 'container-title': 'Harbour Daily', issued: { 'date-parts': [[2024, 11, 3]] } },
  },
  {
    title: 'Remittances to the region reach a record, central bank says',
    text: 'Money sent home by workers abroad reached a record last year, the central bank said, rising 9 percent to the highest level since records began.',
    csl: { 'container-title': 'The Valley Courier', issued: { 'date-parts': [[2025, 2, 11]] } },
  },
  {
    title: 'Seasonal work in the coastal districts: methods and findings',
    text: '# Methods\n\nThe survey reached 1,200 households in 40 villages between March and June.\n\n# Findings\n\n- Two in three households had a member working abroad.\n- Most sent money home at least once a month.',
    format: 'markdown' as const,
    csl: { 'container-title': 'Coastal Labour Observatory', issued: { 'date-parts': [[2025, 1]] } },
  },
  {
    title: 'Notes from the council meeting on an advice office',
    text: 'Councillors asked how much a public advice office for migrant workers would cost and who would run it. A decision is expected in the spring.',
  },
];

/** Closes passing messages so they do not cover what the picture is of. */
async function dismissNotices(page: Page): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Dismiss message' }).all()) await button.click();
}

async function shot(page: Page, scheme: string, name: string): Promise<void> {
  // Let fonts, transitions and the push-driven refetches settle before the picture.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(OUT, `${scheme}-${name}.png`) });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots in the ${scheme} theme`, async ({ page, gloss }) => {
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await openGloss(page, gloss);
    const library = page.getByRole('navigation', { name: 'Library' });
    const reader = page.getByRole('region', { name: 'Document', exact: true });

    await expect(page.getByRole('heading', { name: 'Start your library' })).toBeVisible();
    await shot(page, scheme, 'empty');
    await page.getByRole('button', { name: 'Open the sample document' }).click();
    await expect(reader.getByRole('heading', { level: 1, name: /^Sample: / })).toBeVisible();

    await library.getByRole('button', { name: 'Paste text' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add document' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Ferry operator raises fares');
    await dialog
      .getByRole('textbox', { name: 'Text' })
      .fill(
        'Ferry fares to the islands will rise by 12 percent in May, the operator said on Thursday, citing fuel costs.\n\nIsland councils said the rise would hit workers who commute to the mainland.',
      );
    await shot(page, scheme, 'paste-dialog');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog).toBeHidden();

    // The dialog keeps the text and says why when adding fails (here: the text is already in).
    await library.getByRole('button', { name: 'Paste text' }).click();
    await dialog
      .getByRole('textbox', { name: 'Text' })
      .fill(
        'Ferry fares to the islands will rise by 12 percent in May, the operator said on Thursday, citing fuel costs.\n\nIsland councils said the rise would hit workers who commute to the mainland.',
      );
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await shot(page, scheme, 'paste-dialog-error');
    await dialog.getByRole('button', { name: 'Clear' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    for (const doc of LIBRARY) await call(page, gloss, 'documents.create', doc);
    await page.getByRole('button', { name: 'Close document' }).click();
    await expect(library.getByRole('link')).toHaveCount(LIBRARY.length + 2);
    await dismissNotices(page);
    await shot(page, scheme, 'library');

    await library.getByRole('link', { name: /Seasonal work in the coastal districts/ }).click();
    await expect(reader.getByRole('heading', { name: 'Findings', exact: true })).toBeVisible();
    await shot(page, scheme, 'reader-markdown');

    await library.getByRole('link', { name: /^Sample: / }).click();
    await expect(reader.getByRole('heading', { level: 1, name: /^Sample: / })).toBeVisible();
    await reader.locator('p', { hasText: 'Workers who left' }).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 12; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await dismissNotices(page);
    await shot(page, scheme, 'reader');

    await library.getByRole('searchbox', { name: 'Search library' }).fill('workers');
    await expect(library.getByRole('list', { name: 'Search results' }).locator('mark').first()).toBeVisible();
    await shot(page, scheme, 'search');

    await library.getByRole('searchbox', { name: 'Search library' }).fill('zzzqqq');
    await expect(library).toContainText('No matches');
    await shot(page, scheme, 'search-empty');
    await library.getByRole('searchbox', { name: 'Search library' }).fill('');

    await reader.getByRole('button', { name: 'Move to Trash' }).click();
    await library.getByRole('button', { name: /^Trash/ }).click();
    await shot(page, scheme, 'trash');
    await library.getByRole('link', { name: /^Sample: / }).click();
    await expect(reader.getByRole('button', { name: 'Restore' })).toBeVisible();
    await dismissNotices(page);
    await shot(page, scheme, 'reader-trashed');
    await library.getByRole('button', { name: /^Documents/ }).click();

    const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    await page
      .locator('input[type=file][multiple]')
      .setInputFiles([
        file('bridge.txt', 'The bridge reopened after repairs costing 4 million.'),
        file('school.md', '# School numbers\n\nEnrolment fell by 6 percent over five years.'),
        file('notes.pdf', '%PDF-1.7'),
      ]);
    await expect(library.getByRole('region', { name: 'Import summary' })).toBeVisible();
    await dismissNotices(page);
    await shot(page, scheme, 'import-summary');
  });
}
