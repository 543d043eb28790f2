// Highlighting and describing claims, driven as a person would in web mode: select with the mouse
// and the keyboard, pick kinds, fill the card's fields, reload, delete and undo, correct the text,
// re-attach an orphan, keep two tabs in step, and lose nothing when the window closes at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation } from '../../../src/shared/model';
import { call, openGloss, selectedText } from '../support/api';
import { card, highlightedText, selectWithKeyboard, selectWithMouse, squeeze } from '../support/annotate';
import { expect, test } from '../support/server';
import type { GlossServer } from '../support/server';

const ARTICLE = readFileSync(join(__dirname, '../../fixtures/text/annotate-article.md'), 'utf8');
const KINDS = ['Claim', 'Figure', 'Quote', 'Question', 'Note'];

const A = 'The International Labour Organization estimates that forced labour generates approximately US$150 billion per year in illegal profits.';
const A_FIGURE = 'US$150 billion per year';
const B = 'the share of migrant workers who paid a fee rose by 12 percent';
const C = 'Walk Free counted more than 2,000 convictions worldwide last year';
const D = 'A separate ILO estimate put the number of people in forced labour at 27.6 million';
const E_FROM = 'a drop in the ocean.';
const E_TO = 'A separate ILO estimate';

async function openArticle(page: Page, gloss: GlossServer) {
  await openGloss(page, gloss);
  const doc = await call(page, gloss, 'documents.create', { text: ARTICLE, format: 'markdown', title: 'Trafficking profits' });
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Trafficking profits/ })
    .click();
  const reader = page.getByRole('region', { name: 'Document', exact: true });
  const panel = page.getByRole('region', { name: 'Annotations' });
  await expect(reader.locator('p', { hasText: 'Walk Free' })).toBeVisible();
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  return { doc, reader, panel, toolbar: page.getByRole('toolbar', { name: 'Highlight as' }) };
}

const list = (page: Page, gloss: GlossServer, documentId: string) => call(page, gloss, 'annotations.list', { documentId });
const byQuote = (rows: Annotation[], quote: string) => rows.find((row) => row.exact.includes(quote));

/** Picks an existing source in a card's Sources field by typing part of its name. */
async function addSource(page: Page, cardName: string, typed: string, name: string) {
  const panel = page.getByRole('region', { name: 'Annotations' });
  const sources = card(panel, cardName).getByRole('group', { name: 'Sources' });
  await sources.getByRole('combobox').fill(typed);
  await sources.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await expect(sources.getByRole('list', { name: 'Linked sources' })).toContainText(name);
}

async function addTag(page: Page, cardName: string, tag: string) {
  const panel = page.getByRole('region', { name: 'Annotations' });
  const tags = card(panel, cardName).getByRole('group', { name: 'Tags' });
  await tags.getByRole('combobox').fill(tag);
  await tags.getByRole('combobox').press('Enter');
  await expect(tags.getByRole('button', { name: `Remove tag ${tag}` })).toBeVisible();
}

test('claims are highlighted with the mouse and the keyboard, described on their cards, and survive reload, undo and corrections', async ({ page, gloss }) => {
  const { doc, reader, panel, toolbar } = await openArticle(page, gloss);
  for (const name of ['International Labour Organization', 'ILO', 'World Bank', 'Walk Free'])
    await call(page, gloss, 'sources.create', { kind: 'organisation', name });

  // 1. Mouse, then the toolbar's button; the toolbar names every kind.
  await selectWithMouse(page, A);
  expect(await selectedText(page)).toBe(A);
  for (const name of KINDS) await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
  await toolbar.getByRole('button', { name: 'Claim', exact: true }).click();
  await expect(card(panel, 'approximately US$150 billion')).toBeVisible();
  await expect(toolbar).toBeHidden();

  // 2. Mouse, then a digit while the toolbar is open (2 = Figure).
  await selectWithMouse(page, B);
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('2');
  await expect(card(panel, 'rose by 12 percent').getByRole('heading')).toContainText('Figure');

  // 3. Mouse, then the kind's own shortcut (Claim is Mod+Shift+1).
  await selectWithMouse(page, C);
  await page.keyboard.press('Control+Shift+1');
  await expect(card(panel, 'more than 2,000').getByRole('heading')).toContainText('Claim');

  // 4. Keyboard only: Shift+→ over the claim, then the last-used-kind shortcut.
  await selectWithKeyboard(page, D);
  expect(await selectedText(page)).toBe(D);
  await page.keyboard.press('Control+Shift+H');
  await expect(card(panel, '27.6 million').getByRole('heading')).toContainText('Claim');

  // Nested (a figure inside claim A) and overlapping across a paragraph break (a quote into D).
  await selectWithMouse(page, A_FIGURE);
  await page.keyboard.press('2');
  await selectWithMouse(page, E_FROM, E_TO);
  await page.keyboard.press('3');
  await expect(panel.getByRole('article')).toHaveCount(6);

  let rows = await list(page, gloss, doc.id);
  expect(rows).toHaveLength(6);
  const expected = Object.fromEntries(rows.map((row) => [row.id, squeeze(row.exact)]));
  expect(byQuote(rows, 'ocean')!.exact).toBe('a drop in the ocean.\n\nA separate ILO estimate');
  await expect.poll(() => highlightedText(page)).toEqual(expected);
  // Overlaps stay distinguishable: the shared stretch carries both ids and its own look.
  await expect(reader.locator('mark.rd-mark-overlap')).not.toHaveCount(0);
  const overlapIds = await reader.locator('mark.rd-mark-overlap').first().getAttribute('data-ids');
  expect(overlapIds!.split(' ')).toHaveLength(2);

  // The card fields: note (with bold), tags, sources; figures come prefilled from the quote.
  await card(panel, 'approximately US$150 billion').locator('blockquote').click();
  const cardA = card(panel, 'approximately US$150 billion');
  await expect(cardA).toHaveAttribute('aria-current', 'true');
  await cardA.getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('Check the ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('2022');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' edition.');
  await addTag(page, 'approximately US$150 billion', 'labour/forced');
  await addSource(page, 'approximately US$150 billion', 'International Lab', 'International Labour Organization');
  await expect(cardA.getByRole('group', { name: 'Figures' })).toContainText('US$150 billion');

  await card(panel, 'more than 2,000').locator('blockquote').click();
  const cardC = card(panel, 'more than 2,000');
  await cardC.getByRole('combobox', { name: 'Status' }).selectOption('disputed');
  await addSource(page, 'more than 2,000', 'Walk', 'Walk Free');
  await addTag(page, 'more than 2,000', 'enforcement');

  await card(panel, 'rose by 12 percent').locator('blockquote').click();
  await addSource(page, 'rose by 12 percent', 'World', 'World Bank');
  await card(panel, '27.6 million').locator('blockquote').click();
  await addSource(page, '27.6 million', 'ILO', 'ILO');

  await expect
    .poll(async () => {
      const now = await list(page, gloss, doc.id);
      return [byQuote(now, 'approximately')!.note, byQuote(now, 'approximately')!.tags.map((t) => t.name), byQuote(now, '2,000')!.status];
    })
    .toEqual(['Check the **2022** edition.', ['labour/forced'], 'disputed']);

  // Clicking a highlight selects its card; clicking a card flashes its highlight.
  const ids = Object.fromEntries(rows.map((row) => [row.exact, row.id]));
  await reader.locator(`mark[data-ids~="${ids[C]}"]`).first().click();
  await expect(cardC).toHaveAttribute('aria-current', 'true');
  await card(panel, 'rose by 12 percent').locator('blockquote').click();
  await expect(reader.locator(`mark[data-ids~="${ids[B]}"].rd-mark-flash`).first()).toBeVisible();

  // 2. Reload: everything is as it was.
  await page.reload();
  await expect(panel.getByRole('article')).toHaveCount(6);
  await expect.poll(() => highlightedText(page)).toEqual(expected);
  await expect(cardA.locator('.card-note')).toHaveText('Check the 2022 edition.');
  await expect(cardA).toContainText('labour/forced');
  await expect(cardA).toContainText('International Labour Organization');
  await expect(cardC.locator('.status-badge')).toHaveText('Disputed');
  await cardA.locator('blockquote').click();
  await expect(cardA.getByRole('textbox', { name: 'Note' }).locator('strong, b, .rd-bold')).toHaveText('2022');

  // 3. Delete one and undo: it comes back with its id, source and figures.
  const before = byQuote(await list(page, gloss, doc.id), 'rose by 12 percent')!;
  expect(before.sources.map((s) => s.name)).toEqual(['World Bank']);
  await card(panel, 'rose by 12 percent').locator('blockquote').click();
  await card(panel, 'rose by 12 percent').getByRole('button', { name: 'Delete' }).click();
  await expect(card(panel, 'rose by 12 percent')).toHaveCount(0);
  await expect(reader.locator(`mark[data-ids~="${before.id}"]`)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(card(panel, 'rose by 12 percent')).toBeVisible();
  await expect(reader.locator(`mark[data-ids~="${before.id}"]`)).not.toHaveCount(0);
  const back = byQuote(await list(page, gloss, doc.id), 'rose by 12 percent')!;
  expect({ id: back.id, sources: back.sources, figures: back.figures, tags: back.tags }).toEqual({
    id: before.id,
    sources: before.sources,
    figures: before.figures,
    tags: before.tags,
  });

  // 4. Correct a word inside a quote and one outside every quote; every highlight stays right.
  await reader.getByRole('button', { name: 'Edit text' }).click();
  await reader.getByText('illegal', { exact: false }).first().waitFor();
  await selectWithMouse(page, 'illegal');
  await page.keyboard.type('illicit');
  await selectWithMouse(page, 'Advocates');
  await page.keyboard.type('Campaigners');
  await reader.getByRole('button', { name: 'Save text' }).click();
  await expect(page.getByText(/Corrected text saved/)).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Edit text' })).toBeVisible();
  const corrected = await call(page, gloss, 'documents.get', { id: doc.id });
  expect(corrected.text).toContain('in illicit profits');
  expect(corrected.text).toContain('Campaigners warn');
  rows = await list(page, gloss, doc.id);
  expect(rows).toHaveLength(6);
  for (const row of rows) {
    expect(row.anchor).not.toBe('orphaned');
    expect(corrected.text.slice(row.start, row.end)).toBe(row.exact);
  }
  expect(byQuote(rows, 'approximately US$150 billion')!.exact).toContain('illicit profits');
  await expect.poll(() => highlightedText(page)).toEqual(Object.fromEntries(rows.map((row) => [row.id, squeeze(row.exact)])));

  // 5. Merge two sources (the sources view): the source page lists the claims of both.
  await page.getByRole('link', { name: 'Sources', exact: true }).click();
  await page.getByRole('checkbox', { name: 'International Labour Organization' }).check();
  await page.getByRole('checkbox', { name: 'ILO', exact: true }).check();
  await page.getByRole('button', { name: /^Merge selected/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /International Labour Organization/ }).check();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'International Labour Organization', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /International Labour Organization/ })).toBeVisible();
  const toA = page.getByRole('link', { name: /approximately US\$150 billion per year/ });
  await expect(toA).toBeVisible();
  await expect(page.getByRole('link', { name: /27\.6 million/ })).toBeVisible();
  // Each claim links to its place: the document opens with that highlight selected.
  await toA.click();
  await expect(card(page.getByRole('region', { name: 'Annotations' }), 'approximately US$150 billion')).toHaveAttribute('aria-current', 'true');
});

test('a highlight made just before the window closes is there on reopening', async ({ page, gloss, context }) => {
  const { doc } = await openArticle(page, gloss);
  await selectWithMouse(page, C);
  await page.keyboard.press('1');
  await page.close();
  const again = await context.newPage();
  await openGloss(again, gloss);
  await expect.poll(async () => (await list(again, gloss, doc.id)).map((row) => row.exact)).toEqual([C]);
  await again
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Trafficking profits/ })
    .click();
  await expect(again.getByRole('region', { name: 'Annotations' }).getByRole('article')).toHaveCount(1);
});

test('two tabs on one document stay in step, and concurrent edits of one annotation both survive', async ({ page, gloss, context }) => {
  const { doc, panel } = await openArticle(page, gloss);
  const other = await context.newPage();
  await other.goto(page.url());
  const otherPanel = other.getByRole('region', { name: 'Annotations' });
  await expect(otherPanel).toHaveAttribute('aria-busy', 'false');
  // Someone reading in the other tab has a passage selected: a highlight arriving from here leaves it selected.
  await selectWithMouse(other, A);

  await selectWithMouse(page, C);
  await page.keyboard.press('1');
  await expect(card(otherPanel, 'more than 2,000')).toBeVisible();
  await expect.poll(() => highlightedText(other).then((marks) => Object.values(marks))).toEqual([C]);
  expect(await selectedText(other)).toBe(A);

  // Both tabs open the card and change it at the same moment: a note here, a status there.
  await card(panel, 'more than 2,000').locator('blockquote').click();
  await card(otherPanel, 'more than 2,000').locator('blockquote').click();
  await card(panel, 'more than 2,000').getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('Ask Walk Free for the source data.');
  await card(otherPanel, 'more than 2,000').getByRole('combobox', { name: 'Status' }).selectOption('disputed');
  const otherTags = card(otherPanel, 'more than 2,000').getByRole('group', { name: 'Tags' });
  await otherTags.getByRole('combobox').fill('enforcement');
  await otherTags.getByRole('combobox').press('Enter');
  await expect
    .poll(async () => {
      const [row] = await list(page, gloss, doc.id);
      return [row!.note, row!.status, row!.tags.map((t) => t.name)];
    })
    .toEqual(['Ask Walk Free for the source data.', 'disputed', ['enforcement']]);
  await expect(card(panel, 'more than 2,000').getByRole('combobox', { name: 'Status' })).toHaveValue('disputed');
  await expect(card(panel, 'more than 2,000').getByRole('group', { name: 'Tags' }).getByRole('button', { name: 'Remove tag enforcement' })).toBeVisible();
  await expect(otherPanel.getByRole('article')).toHaveCount(1);
});

test('an annotation whose quote is corrected away is kept as orphaned and can be re-attached', async ({ page, gloss }) => {
  const { doc, reader, panel } = await openArticle(page, gloss);
  await selectWithMouse(page, 'a figure the group called a drop in the ocean');
  await page.keyboard.press('4');
  await expect(panel.getByRole('article')).toHaveCount(1);

  await reader.getByRole('button', { name: 'Edit text' }).click();
  await selectWithMouse(page, ', a figure the group called a drop in the ocean');
  await page.keyboard.press('Delete');
  await reader.getByRole('button', { name: 'Save text' }).click();
  await expect(page.getByText(/Corrected text saved.*1 not found/)).toBeVisible();

  const orphans = panel.getByRole('list', { name: 'Orphaned' });
  const orphan = card(orphans, 'a drop in the ocean');
  await expect(orphan).toBeVisible();
  await expect(orphan).toContainText('Not found');
  await expect(reader.locator('mark')).toHaveCount(0);

  await orphan.locator('blockquote').click();
  await orphan.getByRole('button', { name: 'Re-attach to a selection' }).click();
  await selectWithMouse(page, 'worldwide last year');
  await page.getByRole('toolbar', { name: 'Re-attach annotation' }).getByRole('button', { name: 'Attach here' }).click();
  await expect(panel.getByRole('list', { name: 'Orphaned' })).toHaveCount(0);
  const [row] = await list(page, gloss, doc.id);
  expect(row!.exact).toBe('worldwide last year');
  expect(row!.anchor).toBe('anchored');
  await expect.poll(() => highlightedText(page)).toEqual({ [row!.id]: 'worldwide last year' });
});
