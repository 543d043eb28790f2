// A book-length text opens with the highlights of its first pages built; the others come as their
// sections near the screen and while the page is idle, so every highlight is there when it is
// looked for: scrolled to, opened from an address, or corrected in edit mode.
import type { Page } from '@playwright/test';
import { call, openGloss } from '../support/api';
import { expect, test, type GlossServer } from '../support/server';

const PARAGRAPHS = 320;
const WORDS = ['labour', 'migrant', 'wage', 'recruitment', 'debt', 'inspection', 'contract', 'harbour', 'kiln', 'season', 'survey', 'estimate'];

/** Paragraph n: a numbered claim among filler, some 300 characters. */
function paragraph(n: number): string {
  const filler = Array.from({ length: 40 }, (_, i) => WORDS[(n * 7 + i) % WORDS.length]).join(' ');
  return `Claim number ${n} states a figure of ${n * 3} percent. ${filler}.`;
}

async function longDocument(page: Page, gloss: GlossServer) {
  const text = ['A long report', ...Array.from({ length: PARAGRAPHS }, (_, n) => paragraph(n))].join('\n\n');
  const doc = await call(page, gloss, 'documents.create', { title: 'A long report', text });
  const ids: string[] = [];
  for (let n = 0; n < PARAGRAPHS; n++) {
    const quote = `Claim number ${n} states`;
    const start = doc.text.indexOf(`${quote} a figure`);
    const created = await call(page, gloss, 'annotations.create', { documentId: doc.id, kindId: 'k-claim', start, end: start + quote.length, tagIds: [] });
    ids.push(created.id);
  }
  return { doc, ids };
}

const marksWith = (page: Page, text: string) => page.locator('.reader-text mark', { hasText: new RegExp(`^${text}$`) });

test('a long text shows every highlight where it is looked for, built as it comes near', async ({ page, gloss }) => {
  test.setTimeout(120_000);
  await openGloss(page, gloss);
  const { doc, ids } = await longDocument(page, gloss);
  expect(doc.text.length).toBeGreaterThan(60_000);

  // Opened from an address at its last highlight: that one is built and shown at once.
  await page.evaluate(`location.hash = ${JSON.stringify(`#/documents/${encodeURIComponent(doc.id)}/a/${encodeURIComponent(ids.at(-1)!)}`)}`);
  const last = marksWith(page, `Claim number ${PARAGRAPHS - 1} states`);
  await expect(last).toBeVisible();
  const reader = page.locator('.reader-text');
  await expect(reader).toHaveAttribute('data-highlights', /waiting|complete/);
  await expect(marksWith(page, 'Claim number 0 states')).toHaveCount(1);

  // The rest come while the page is idle; then every highlight is in the text, each once.
  await expect(reader).toHaveAttribute('data-highlights', 'complete', { timeout: 20_000 });
  await expect(page.locator('.reader-text mark[data-ids]')).toHaveCount(PARAGRAPHS);
  for (const n of [1, 100, 200, 318]) await expect(marksWith(page, `Claim number ${n} states`)).toHaveCount(1);

  // Clicking a highlight far down selects its card.
  const middle = marksWith(page, 'Claim number 200 states');
  await middle.scrollIntoViewIfNeeded();
  await middle.click();
  await expect(page.getByRole('region', { name: 'Annotations' }).locator('[aria-current="true"], .card.selected').first()).toContainText(
    'Claim number 200 states',
  );
});

/** Records, in the page, the first frame that shows a highlight: how many it shows and whether others wait. */
const WATCH_FIRST_SIGHT = `(() => {
  window.__firstSight = null;
  const look = () => {
    const root = document.querySelector('.reader-text');
    const marks = root ? root.querySelectorAll('mark[data-ids]').length : 0;
    if (marks > 0) window.__firstSight = { state: root.getAttribute('data-highlights'), marks };
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

test('scrolling a long text, and correcting it, finds every highlight built', async ({ page, gloss }) => {
  test.setTimeout(120_000);
  await openGloss(page, gloss);
  const { doc } = await longDocument(page, gloss);
  await page.evaluate(WATCH_FIRST_SIGHT);
  await page.evaluate(`location.hash = ${JSON.stringify(`#/documents/${encodeURIComponent(doc.id)}`)}`);
  const reader = page.locator('.reader-text');
  await expect(marksWith(page, 'Claim number 0 states')).toBeVisible();
  // The first frame with highlights shows those of the first pages, the others waiting for their sections.
  const sight = await page.evaluate<{ state: string; marks: number }>('window.__firstSight');
  expect(sight.state).toBe('waiting');
  expect(sight.marks).toBeGreaterThan(0);
  expect(sight.marks).toBeLessThan(PARAGRAPHS / 4);

  // Jumping to the end finds the highlights there (heights estimated for blocks not yet seen
  // settle as they are rendered, so the jump is made again until it lands).
  const scroller = page.locator('.reader-scroll');
  const last = marksWith(page, `Claim number ${PARAGRAPHS - 1} states`);
  await expect
    .poll(async () => {
      await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      return last.count();
    })
    .toBe(1);
  await expect(last).toBeInViewport();

  // Edit mode builds whatever still waits, so the whole text is corrected with its highlights.
  await page.getByRole('button', { name: 'Edit text' }).click();
  await expect(reader).toHaveAttribute('data-highlights', 'complete');
  await expect(page.locator('.reader-text mark[data-ids]')).toHaveCount(PARAGRAPHS);
  // Undo in edit mode has nothing to take back: building the highlights was not a step.
  await reader.focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.reader-text mark[data-ids]')).toHaveCount(PARAGRAPHS);
});
