// The Annotations panel filtered by tag: a parent takes in its children, the count says how many of
// how many, the filter is in the address and survives a reload, the reader keeps every highlight
// (fading the others), and the Tags view opens a document with the panel filtered. Screenshots of
// the filtered panel in both themes go to tests/e2e/.artifacts/ for a person to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { call, openGloss } from '../support/api';
import { card, highlightedText } from '../support/annotate';
import { expect, test } from '../support/server';

const OUT = join(__dirname, '..', '.artifacts');
const ARTICLE = readFileSync(join(__dirname, '../../fixtures/text/annotate-article.md'), 'utf8');

const FORCED = 'The International Labour Organization estimates that forced labour generates approximately US$150 billion per year in illegal profits.';
const SEXUAL = 'Two thirds of that sum comes from commercial sexual exploitation';
const FEES = 'Recruitment fees remain the main driver of debt.';
const MIGRANTS = 'the share of migrant workers who paid a fee rose by 12 percent';
const OCEAN = 'a figure the group called a drop in the ocean';

/** A document with five annotations: two under labour/…, two under revenue/global (one shared), one under method, one untagged. */
async function library(page: Page, gloss: Parameters<typeof call>[1]) {
  const doc = await call(page, gloss, 'documents.create', { text: ARTICLE, format: 'markdown', title: 'Trafficking profits' });
  const tag = async (name: string) => (await call(page, gloss, 'tags.create', { name })).id;
  const forced = await tag('labour/forced');
  const recruitment = await tag('labour/recruitment');
  const revenue = await tag('revenue/global');
  const method = await tag('method');
  const ids: Record<string, string> = {};
  for (const [quote, tagIds] of [
    [FORCED, [forced, revenue]],
    [SEXUAL, [revenue]],
    [FEES, [method]],
    [MIGRANTS, [recruitment]],
    [OCEAN, []],
  ] as const) {
    const start = doc.text.indexOf(quote);
    const made = await call(page, gloss, 'annotations.create', {
      documentId: doc.id,
      kindId: 'k-claim',
      start,
      end: start + quote.length,
      tagIds: [...tagIds],
    });
    ids[quote] = made.id;
  }
  return { doc, ids };
}

/** The quotes of the cards the panel lists, in order. */
async function quotes(panel: Locator): Promise<string[]> {
  return (await panel.getByRole('article').locator('blockquote').allTextContents()).map((text) => text.trim());
}

/** How strongly a highlight is washed (the reader's --hl-wash), to tell faded ones from the rest. */
function wash(page: Page, id: string): Promise<string> {
  return page.evaluate<string>(
    `getComputedStyle(document.querySelector('.reader-text mark[data-ids~=${JSON.stringify(id)}]')).getPropertyValue('--hl-wash').trim()`,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Dismiss message' }).all()) await button.click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `panel-filter-${name}.png`) });
}

test('filters the panel by a parent tag, keeps the filter across a reload, and resets it', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const { ids } = await library(page, gloss);
  const panel = page.getByRole('region', { name: 'Annotations' });
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Trafficking profits/ })
    .click();
  await expect(panel.getByRole('article')).toHaveCount(5);

  const toggle = panel.getByRole('button', { name: 'Filter by tag' });
  await toggle.click();
  const list = panel.getByRole('group', { name: 'Show annotations tagged' });
  const labour = list.getByRole('checkbox', { name: 'labour', exact: true });
  await expect(labour).toBeFocused();
  await expect(labour).toHaveAccessibleDescription('2 annotations');
  await expect(list.getByRole('checkbox', { name: 'revenue/global' })).toHaveAccessibleDescription('2 annotations');
  await page.keyboard.press('Space');

  await expect(labour).toBeChecked();
  // The children are taken in by their parent.
  await expect(list.getByRole('checkbox', { name: 'labour/forced' })).toBeChecked();
  await expect(list.getByRole('checkbox', { name: 'labour/forced' })).toBeDisabled();
  await expect(panel.getByRole('status')).toHaveText('Showing 2 of 5 annotations');
  expect(await quotes(panel)).toEqual([FORCED, MIGRANTS]);
  expect(page.url()).toContain('?tag=labour');

  // Every highlight stays in the reader; those the filter leaves out are faded.
  expect(Object.keys(await highlightedText(page)).sort()).toEqual(Object.values(ids).sort());
  expect(await wash(page, ids[MIGRANTS]!)).toBe('36%');
  expect(await wash(page, ids[OCEAN]!)).toBe('9%');

  await page.setViewportSize({ width: 1366, height: 800 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shot(page, `${scheme}-open`);
  }

  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(toggle).toBeFocused();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shot(page, `${scheme}-on`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await page.reload();
  await expect(panel.getByRole('status')).toHaveText('Showing 2 of 5 annotations');
  expect(await quotes(panel)).toEqual([FORCED, MIGRANTS]);

  // A second tag: any of them, then all of them.
  await panel.getByRole('button', { name: /Filter by tag/ }).click();
  await list.getByRole('checkbox', { name: 'revenue', exact: true }).check();
  await expect(panel.getByRole('status')).toHaveText('Showing 3 of 5 annotations');
  await list.getByRole('radio', { name: 'all of these tags' }).check();
  await expect(panel.getByRole('status')).toHaveText('Showing 1 of 5 annotations');
  expect(await quotes(panel)).toEqual([FORCED]);
  expect(page.url()).toContain('match=all');
  await shot(page, 'light-two-tags');
  await list.getByRole('button', { name: 'Done' }).click();
  await panel.getByRole('button', { name: 'Stop filtering by labour' }).click();
  expect(await quotes(panel)).toEqual([FORCED, SEXUAL]);

  // A faded highlight clicked in the reader still opens its card, saying why it is listed.
  await page.locator(`.reader-text mark[data-ids~="${ids[OCEAN]!}"]`).first().click();
  await expect(card(panel, OCEAN)).toBeVisible();
  await expect(panel.getByText('Selected, though the tag filter leaves it out')).toBeVisible();

  expect(await wash(page, ids[FEES]!)).toBe('9%');
  await panel.getByRole('button', { name: 'Clear filter' }).click();
  await expect(panel.getByRole('article')).toHaveCount(5);
  await expect(panel.getByRole('status')).toHaveText('');
  expect(page.url()).not.toContain('tag=');
  expect(await wash(page, ids[FEES]!)).toBe('36%');
});

test('the Tags view opens a document with its panel filtered by a tag', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  await library(page, gloss);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Tags' }).click();
  const tags = page.getByRole('list', { name: 'Tags' });
  await tags.getByRole('button', { name: 'Annotations tagged labour/forced' }).click();
  await expect(tags.getByRole('link', { name: 'Trafficking profits' })).toBeVisible();
  await shot(page, 'light-tags-view');
  await tags.getByRole('list', { name: 'Documents with annotations tagged labour/forced' }).getByRole('link', { name: 'Trafficking profits' }).click();
  const panel = page.getByRole('region', { name: 'Annotations' });
  await expect(panel.getByRole('status')).toHaveText('Showing 1 of 5 annotations');
  expect(await quotes(panel)).toEqual([FORCED]);
});
