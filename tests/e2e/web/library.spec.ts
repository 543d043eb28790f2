// The library and the reader in web mode, driven as a person would: paste, read, search, select,
// trash and restore, import files, and the sample; plus the server's refusal without a token.
import { call, openGloss, selectedText } from '../support/api';
import { expect, test } from '../support/server';

const REPORT = `# Harbour workers wait for their wages

Dock workers in the port say remittances sent home have fallen since the spring.

## What the union says

The union estimates that 1,200 members were paid late this year.
Payments resumed in October, according to the port authority.`;

test('a pasted document appears in the library, opens in the reader, is found by search and survives a reload', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(page.getByRole('heading', { name: 'Start your library' })).toBeVisible();

  await library.getByRole('button', { name: 'Paste text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add document' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Harbour report');
  await dialog.getByRole('textbox', { name: 'Text' }).fill(REPORT);
  await dialog.getByRole('radio', { name: /Markdown/ }).check();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(library.getByRole('link', { name: /Harbour report/ })).toBeVisible();
  const reader = page.getByRole('region', { name: 'Document', exact: true });
  await expect(reader.getByRole('heading', { level: 1, name: 'Harbour workers wait for their wages' })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2, name: 'What the union says' })).toBeVisible();
  await expect(reader.locator('p', { hasText: 'Dock workers in the port' })).toBeVisible();
  // A single line break inside a paragraph stays a line break, not a new paragraph.
  await expect(reader.locator('p', { hasText: '1,200 members' }).locator('br')).toHaveCount(1);

  await library.getByRole('searchbox', { name: 'Search library' }).fill('remittances');
  const results = library.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: /Harbour report/ })).toBeVisible();
  await expect(results.locator('mark')).toHaveText(['remittances']);

  await page.reload();
  await expect(library.getByRole('link', { name: /Harbour report/ })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2, name: 'What the union says' })).toBeVisible();
});

test('the paste dialog keeps what was typed when adding fails, and says why', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  await call(page, gloss, 'documents.create', { text: 'The council met on Tuesday.' });
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: 'Paste text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add document' });

  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('There is no text to add yet');

  await dialog.getByRole('textbox', { name: 'Text' }).fill('The council met on Tuesday.');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('already in the library');
  await expect(dialog.getByRole('textbox', { name: 'Text' })).toHaveValue('The council met on Tuesday.');

  // Closing and reopening keeps the draft too.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await library.getByRole('button', { name: 'Paste text' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Text' })).toHaveValue('The council met on Tuesday.');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.getByRole('button', { name: 'Add a second copy' }).click();
  await expect(dialog).toBeHidden();
  await expect(library.getByRole('link', { name: /The council met on Tuesday/ })).toHaveCount(2);
});

test('the reader lets the keyboard move and select but does not let typing change the text', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const doc = await call(page, gloss, 'documents.create', { text: REPORT, format: 'markdown', title: 'Harbour report' });
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Harbour report/ })
    .click();
  const reader = page.getByRole('region', { name: 'Document', exact: true });
  const text = reader.getByRole('textbox');
  await expect(text).toHaveAttribute('aria-readonly', 'true');
  const before = await text.innerText();

  await reader.locator('p', { hasText: 'Dock workers' }).click({ position: { x: 5, y: 8 } });
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await selectedText(page)).toHaveLength(5);

  await page.keyboard.press('ArrowDown');
  for (const key of ['x', 'Enter', 'Backspace', 'Delete', 'Space', 'Control+b']) await page.keyboard.press(key);
  await page.keyboard.type('typed words');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+x');
  await page.keyboard.insertText('inserted');
  expect(await text.innerText()).toBe(before);
  await expect(reader.locator('strong, b')).toHaveCount(0);

  // Select all and copy still work.
  await page.keyboard.press('Control+a');
  expect(await selectedText(page)).toContain('Dock workers in the port');

  const stored = await call(page, gloss, 'documents.get', { id: doc.id });
  expect(stored.text).toBe(doc.text);
});

test('the empty library offers the sample document, which opens in the reader', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('No documents yet');
  await page.getByRole('button', { name: 'Open the sample document' }).click();
  const reader = page.getByRole('region', { name: 'Document', exact: true });
  await expect(reader.getByRole('heading', { level: 1, name: /^Sample: / })).toBeVisible();
  await expect(reader).toContainText('Coastal Labour Observatory');
  await expect(reader).toContainText('Gloss sample (fictional)');
  const link = page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /^Sample: / });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('aria-current', 'page');
});

test('a document moved to the Trash can be restored from the Trash view', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  await call(page, gloss, 'documents.create', { text: 'Ferry fares rose by 12 percent, the operator said.', title: 'Ferry fares' });
  await call(page, gloss, 'documents.create', { text: 'A second story stays where it is.', title: 'Second story' });
  const library = page.getByRole('navigation', { name: 'Library' });

  await library.getByRole('link', { name: /Ferry fares/ }).click();
  await page.getByRole('region', { name: 'Document', exact: true }).getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Ferry fares” to the Trash.' })).toBeVisible();
  await expect(library.getByRole('link', { name: /Ferry fares/ })).toHaveCount(0);
  await expect(library.getByRole('link', { name: /Second story/ })).toBeVisible();

  await library.getByRole('button', { name: /^Trash/ }).click();
  await expect(library.getByRole('link', { name: /Ferry fares/ })).toBeVisible();
  await library.getByRole('button', { name: 'Restore Ferry fares' }).click();
  await expect(library).toContainText('The Trash is empty');

  await library.getByRole('button', { name: /^Documents/ }).click();
  await expect(library.getByRole('link', { name: /Ferry fares/ })).toBeVisible();

  // Deleting for good asks first, and then the document is gone, also for a bookmarked address.
  const second = page.getByRole('region', { name: 'Document', exact: true });
  await library.getByRole('link', { name: /Second story/ }).click();
  const address = page.url();
  await second.getByRole('button', { name: 'Move to Trash' }).click();
  await library.getByRole('button', { name: /^Trash/ }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await library.getByRole('button', { name: 'Delete Second story forever' }).click();
  await expect(library).toContainText('The Trash is empty');
  await page.goto(address);
  await expect(page.getByRole('heading', { name: 'This document is no longer in the library' })).toBeVisible();
});

test('picking several files imports them as a job with a summary of what happened to each', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const library = page.getByRole('navigation', { name: 'Library' });
  const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

  await page
    .locator('input[type=file][multiple]')
    .setInputFiles([
      file('bridge.txt', 'The bridge reopened after repairs costing 4 million.'),
      file('school.md', '# School numbers\n\nEnrolment fell by 6 percent over five years.'),
    ]);
  const summary = library.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('Imported 2 of 2 files');
  await expect(summary).toContainText('2 imported · 0 skipped · 0 failed');
  const documents = library.getByRole('list', { name: /^Documents/ });
  await expect(documents.getByRole('link', { name: /The bridge reopened/ })).toBeVisible();
  await expect(documents.getByRole('link', { name: /School numbers/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'School numbers' })).toHaveAttribute('href', /#\/documents\//);
  await summary.getByRole('button', { name: 'Close summary' }).click();
  await expect(summary).toBeHidden();

  // A copy already in the library is skipped and a file Gloss cannot read fails, each with its reason.
  await page
    .locator('input[type=file][multiple]')
    .setInputFiles([
      file('bridge-again.txt', 'The bridge reopened after repairs costing 4 million.'),
      file('scan.pdf', '%PDF-1.7'),
      file('port.txt', 'The port handled more ships than last year.'),
    ]);
  await expect(summary).toContainText('Imported 1 of 3 files');
  await expect(summary).toContainText('1 imported · 1 skipped · 1 failed');
  await expect(summary.getByRole('listitem').filter({ hasText: 'bridge-again.txt' })).toContainText('already in the library');
  await expect(summary.getByRole('listitem').filter({ hasText: 'scan.pdf' })).toContainText('is damaged or is not a PDF');
});

test('a long import shows its progress and can be cancelled, keeping what was already imported', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  // Long enough files, and enough of them, that the job is still running when Cancel is pressed.
  const files = Array.from({ length: 300 }, (_, i) => ({
    name: `report-${i}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Report ${i}. ${'Dock wages were paid late in the spring. '.repeat(500)}`, 'utf8'),
  }));
  await page.locator('input[type=file][multiple]').setInputFiles(files);
  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress).toContainText(/Importing \d+ of 300/, { timeout: 30_000 });
  await expect(progress.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel import' }).click();

  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText(/Import cancelled: \d+ of 300 files imported/, { timeout: 60_000 });
  await expect(summary).toContainText('not reached');
  const imported = Number(/Import cancelled: (\d+)/.exec(await summary.innerText())![1]);
  expect(imported).toBeLessThan(300);
  const list = await call(page, gloss, 'documents.list', { limit: 500 });
  expect(list.total).toBe(imported);
});

test('files dropped onto the window are imported', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Tolls on the coast road rise in June.'], 'tolls.txt', { type: 'text/plain' }));
    transfer.items.add(new File(['# Ferry timetable\\n\\nA winter timetable starts in November.'], 'ferry.md', { type: 'text/markdown' }));
    return transfer;
  })()`);
  const main = page.getByRole('main');
  await main.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop to add to the library')).toBeVisible();
  await main.dispatchEvent('dragover', { dataTransfer });
  await main.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('Drop to add to the library')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Import summary' })).toContainText('Imported 2 of 2 files');
  const library = page.getByRole('navigation', { name: 'Library' });
  const documents = library.getByRole('list', { name: /^Documents/ });
  await expect(documents.getByRole('link', { name: /Tolls on the coast road/ })).toBeVisible();
  await expect(documents.getByRole('link', { name: /Ferry timetable/ })).toBeVisible();
});

test('the library sorts by newest added, title and publication date', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  await call(page, gloss, 'documents.create', { text: 'Bravo text.', title: 'Bravo', csl: { issued: { 'date-parts': [[2020, 5, 1]] } } });
  await call(page, gloss, 'documents.create', { text: 'Charlie text.', title: 'Charlie', csl: { issued: { 'date-parts': [[2024, 1]] } } });
  await call(page, gloss, 'documents.create', { text: 'Alpha text.', title: 'Alpha', csl: { issued: { 'date-parts': [[2022]] } } });
  const library = page.getByRole('navigation', { name: 'Library' });
  const titles = library.getByRole('list', { name: /^Documents/ }).locator('.doc-title');

  await expect(titles).toHaveText(['Alpha', 'Charlie', 'Bravo']);
  await library.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  await expect(titles).toHaveText(['Alpha', 'Bravo', 'Charlie']);
  await library.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Publication date' });
  await expect(titles).toHaveText(['Charlie', 'Alpha', 'Bravo']);
  await expect(library.getByRole('link', { name: /Charlie/ })).toContainText('Jan 2024');

  // The choice is remembered.
  await page.reload();
  await expect(library.getByRole('combobox', { name: 'Sort by' })).toHaveValue('issued');
});

test('two tabs stay in step: a document added in one appears in the other', async ({ page, gloss, context }) => {
  await openGloss(page, gloss);
  const other = await context.newPage();
  await other.goto(gloss.origin + '/');
  await expect(other.getByRole('heading', { name: 'Start your library' })).toBeVisible();

  await call(page, gloss, 'documents.create', { text: 'News from the other tab.', title: 'Other tab news' });
  await expect(other.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /Other tab news/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /Other tab news/ })).toBeVisible();
});

test('the server refuses requests that carry no token', async ({ gloss }) => {
  const page = await fetch(gloss.origin + '/');
  expect(page.status).toBe(401);
  const api = await fetch(gloss.origin + '/api/call/documents.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(api.status).toBe(401);
});
