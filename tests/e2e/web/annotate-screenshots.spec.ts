// Screenshots of the reader with highlights of every kind (nested and overlapping), the floating
// toolbar, the panel with an open card, edit mode and an orphan, in the light and dark themes at
// 1366×800, written to tests/e2e/.artifacts/ for a person to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { call, openGloss } from '../support/api';
import { card, selectWithMouse } from '../support/annotate';
import { expect, test } from '../support/server';

const OUT = join(__dirname, '..', '.artifacts');
const ARTICLE = readFileSync(join(__dirname, '../../fixtures/text/annotate-article.md'), 'utf8');

async function shot(page: Page, scheme: string, name: string): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Dismiss message' }).all()) await button.click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `annotate-${scheme}-${name}.png`) });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`annotation screenshots in the ${scheme} theme`, async ({ page, gloss }) => {
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await openGloss(page, gloss);
    const doc = await call(page, gloss, 'documents.create', { text: ARTICLE, format: 'markdown', title: 'Trafficking profits' });
    const source = await call(page, gloss, 'sources.create', { kind: 'organisation', name: 'International Labour Organization', acronym: 'ILO' });
    const tag = await call(page, gloss, 'tags.create', { name: 'labour/forced' });
    const at = (s: string) => doc.text.indexOf(s);
    const kinds = await call(page, gloss, 'kinds.list', {});
    const kind = (name: string) => kinds.find((k) => k.name === name)!.id;
    const claimA = 'The International Labour Organization estimates that forced labour generates approximately US$150 billion per year in illegal profits.';
    await call(page, gloss, 'annotations.create', {
      documentId: doc.id,
      kindId: kind('Claim'),
      start: at(claimA),
      end: at(claimA) + claimA.length,
      note: 'Check the **2022** edition; the 2014 figure was US$150 billion too.',
      tagIds: [tag.id],
      sources: [{ sourceId: source.id }],
    });
    const spans: [string, string][] = [
      ['Figure', 'US$150 billion per year'],
      ['Quote', 'Two thirds of that sum comes from commercial sexual exploitation'],
      ['Figure', 'rose by 12 percent'],
      ['Claim', 'the share of migrant workers who paid a fee rose by 12 percent'],
      ['Question', 'a figure the group called a drop in the ocean'],
      ['Note', 'Recruitment fees remain the main driver of debt.'],
    ];
    for (const [name, quote] of spans)
      await call(page, gloss, 'annotations.create', { documentId: doc.id, kindId: kind(name), start: at(quote), end: at(quote) + quote.length });
    const panel = page.getByRole('region', { name: 'Annotations' });
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('link', { name: /Trafficking profits/ })
      .click();
    await expect(panel.getByRole('article')).toHaveCount(7);
    await shot(page, scheme, 'reader');

    await card(panel, 'approximately US$150 billion').locator('blockquote').click();
    await expect(card(panel, 'approximately US$150 billion').getByRole('textbox', { name: 'Note' })).toBeVisible();
    await shot(page, scheme, 'card-open');

    await selectWithMouse(page, 'Walk Free counted more than 2,000 convictions worldwide last year');
    await expect(page.getByRole('toolbar', { name: 'Highlight as' })).toBeVisible();
    await shot(page, scheme, 'toolbar');
    await page.keyboard.press('Escape');

    const reader = page.getByRole('region', { name: 'Document', exact: true });
    await reader.getByRole('button', { name: 'Edit text' }).click();
    await shot(page, scheme, 'edit-mode');
    await selectWithMouse(page, 'Recruitment fees remain the main driver of debt. ');
    await page.keyboard.press('Delete');
    await reader.getByRole('button', { name: 'Save text' }).click();
    await expect(panel.getByRole('list', { name: 'Orphaned' })).toBeVisible();
    await card(panel, 'main driver of debt').locator('blockquote').click();
    await shot(page, scheme, 'orphan');
  });
}
