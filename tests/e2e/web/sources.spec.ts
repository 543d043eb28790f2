// Sources, tags and kinds views: counts, merging sources and tags, the source page's links into
// documents, renaming, the library's tag filter, and adding and renaming a kind with a shortcut.
import { call, documentWithClaims, openGloss } from '../support/api';
import { expect, test } from '../support/server';

test('the sources view counts claims, merges two sources, and the source page leads into the document', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const ilo = await call(page, gloss, 'sources.create', { kind: 'organisation', name: 'ILO' });
  const full = await call(page, gloss, 'sources.create', {
    kind: 'organisation',
    name: 'International Labour Organization',
    aliases: ['International Labor Organization'],
  });
  await call(page, gloss, 'sources.create', { kind: 'news-outlet', name: 'Harbour Daily' });
  await documentWithClaims(page, gloss, 'Profits and poverty', 'The ILO estimates that forced labour generates US$150 billion a year.', [
    { quote: 'forced labour generates US$150 billion a year', sources: [ilo.id] },
  ]);
  const second = await documentWithClaims(
    page,
    gloss,
    'Global estimates of modern slavery',
    'Some 27.6 million people were in forced labour in 2021.\n\nOne in eight of them were children.',
    [
      { quote: 'Some 27.6 million people were in forced labour in 2021', sources: [full.id] },
      { quote: 'One in eight of them were children', sources: [full.id] },
    ],
  );

  // The search behind the Sources field finds one source by its acronym and by either spelling.
  for (const query of ['Labor Organization', 'International Labour']) {
    expect((await call(page, gloss, 'sources.list', { query })).map((s) => s.id)).toEqual([full.id]);
  }

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Sources' });
  const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(rowOf('ILO').getByRole('cell').last()).toHaveText('1');
  await expect(rowOf('International Labour Organization').getByRole('cell').last()).toHaveText('2');
  await expect(rowOf('Harbour Daily').getByRole('cell').last()).toHaveText('0');

  const merge = page.getByRole('button', { name: /^Merge selected/ });
  await expect(merge).toBeDisabled();
  await table.getByRole('checkbox', { name: 'ILO', exact: true }).check();
  await table.getByRole('checkbox', { name: 'International Labour Organization' }).check();
  await merge.click();
  const dialog = page.getByRole('dialog', { name: 'Merge 2 sources' });
  await dialog.getByRole('radio', { name: /^International Labour Organization/ }).check();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('link', { name: 'ILO', exact: true })).toHaveCount(0);
  await expect(rowOf('International Labour Organization').getByRole('cell').last()).toHaveText('3');
  // The merged name stays findable: "ILO" now leads to the kept source.
  expect((await call(page, gloss, 'sources.list', { query: 'ILO' })).map((s) => s.id)).toEqual([full.id]);

  await table.getByRole('link', { name: 'International Labour Organization' }).click();
  await expect(page).toHaveURL(new RegExp(`#/sources/${full.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: /International Labour Organization/ })).toBeVisible();
  await expect(page.getByText('ILO; International Labor Organization').or(page.getByText('International Labor Organization; ILO'))).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '3 claims across 2 documents' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Profits and poverty' }).getByRole('link', { name: /US\$150 billion/ })).toBeVisible();
  const group = page.getByRole('region', { name: 'Global estimates of modern slavery' });
  await expect(group.getByRole('listitem')).toHaveCount(2);

  await group.getByRole('link', { name: 'One in eight of them were children' }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${second.id}/a/${second.annotations[1]}$`));
  await expect(page.getByRole('region', { name: 'Document', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Document', exact: true })).toContainText('One in eight of them were children');
});

test('the tags view renames and merges tags, and filters the library by a tag and those below it', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  const forced = await call(page, gloss, 'tags.create', { name: 'labour/forced' });
  const child = await call(page, gloss, 'tags.create', { name: 'labour/child' });
  const stray = await call(page, gloss, 'tags.create', { name: 'forced labour' });
  const debt = await call(page, gloss, 'tags.create', { name: 'debt' });
  await documentWithClaims(page, gloss, 'Fishing fleets', 'Crews were held at sea for years.', [{ quote: 'held at sea', tags: [forced.id] }]);
  await documentWithClaims(page, gloss, 'Brick kilns', 'Families owed advances to kiln owners.', [{ quote: 'owed advances', tags: [debt.id, stray.id] }]);
  await documentWithClaims(page, gloss, 'Cocoa farms', 'Children carried heavy loads.', [{ quote: 'carried heavy loads', tags: [child.id] }]);

  const library = page.getByRole('navigation', { name: 'Library' });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Tags' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible();
  const tree = page.getByRole('list', { name: 'Tags' });
  // "labour" is only a parent here; its two children sit under it.
  await expect(tree.getByRole('listitem')).toHaveText([/^debt/, /^forced labour/, /^labour/, /^child/, /^forced/]);

  await tree.getByRole('button', { name: 'Rename debt' }).click();
  await tree.getByRole('textbox', { name: 'New name for debt' }).fill('debt bondage');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('checkbox', { name: 'debt bondage' })).toBeVisible();

  await tree.getByRole('checkbox', { name: 'forced labour' }).check();
  await tree.getByRole('checkbox', { name: 'labour/forced' }).check();
  await page.getByRole('button', { name: 'Merge selected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge 2 tags' });
  await dialog.getByRole('radio', { name: /^labour\/forced/ }).check();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(tree.getByRole('checkbox', { name: 'forced labour' })).toHaveCount(0);
  await expect(tree.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: 'labour/forced' }) })).toContainText('2 claims');

  // Renaming the parent path moves both children with it.
  await tree.getByRole('button', { name: 'Rename labour', exact: true }).click();
  await tree.getByRole('textbox', { name: 'New name for labour' }).fill('work');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('checkbox', { name: 'work/forced' })).toBeVisible();
  await expect(tree.getByRole('checkbox', { name: 'work/child' })).toBeVisible();

  await tree.getByRole('link', { name: 'Show documents tagged work/forced' }).click();
  const documents = library.getByRole('list', { name: /^Documents/ });
  await expect(documents.getByRole('link')).toHaveText([/Brick kilns|Fishing fleets/, /Brick kilns|Fishing fleets/]);
  await expect(library.getByRole('combobox', { name: 'Filter by tag' })).toHaveValue(forced.id);

  const filter = library.getByRole('combobox', { name: 'Filter by tag' });
  await filter.selectOption({ label: 'debt bondage' });
  await expect(documents.getByRole('link')).toHaveText([/Brick kilns/]);
  // There is no "work" tag, only its children; picking a child then the whole library.
  await filter.selectOption({ label: 'work / child' });
  await expect(documents.getByRole('link')).toHaveText([/Cocoa farms/]);
  await filter.selectOption({ label: 'All documents' });
  await expect(documents.getByRole('link')).toHaveCount(3);
});

test('kinds: add one with a colour and a shortcut, rename it; a kind in use cannot be deleted', async ({ page, gloss }) => {
  await openGloss(page, gloss);
  await documentWithClaims(page, gloss, 'A claim', 'Wages rose by 3 percent.', [{ quote: 'rose by 3 percent' }]);
  const [used] = await call(page, gloss, 'kinds.list', {});

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Kinds' }).click();
  await expect(page).toHaveURL(/#\/settings\/kinds$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kinds' })).toBeVisible();

  const add = page.getByRole('group', { name: 'New kind' });
  await add.getByRole('textbox', { name: 'Name of the new kind' }).fill('Statistic');
  await add.getByLabel('Colour of the new kind').fill('#2e8b57');
  await add.getByRole('button', { name: 'Shortcut for the new kind' }).click();
  await page.keyboard.press('Control+Shift+Digit6');
  await expect(add.getByRole('button', { name: 'Shortcut for the new kind' })).toHaveText('Ctrl+Shift+6');
  await add.getByRole('button', { name: 'Add kind' }).click();

  const list = page.getByRole('list', { name: 'Kinds' });
  await expect(list.getByRole('textbox', { name: 'Name of Statistic' })).toHaveValue('Statistic');
  await expect(list.getByRole('button', { name: 'Shortcut for Statistic' })).toHaveText('Ctrl+Shift+6');
  let statistic = (await call(page, gloss, 'kinds.list', {})).find((k) => k.name === 'Statistic');
  expect(statistic).toMatchObject({ color: '#2e8b57', shortcut: 'Mod+Shift+6' });

  // A name another kind has is refused, plainly; another is taken.
  await list.getByRole('textbox', { name: 'Name of Statistic' }).fill('Figure');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('There is already a kind named “Figure”');
  await list.getByRole('textbox', { name: 'Name of Statistic' }).fill('Data point');
  await page.keyboard.press('Enter');
  await expect(list.getByRole('textbox', { name: 'Name of Data point' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  statistic = (await call(page, gloss, 'kinds.list', {})).find((k) => k.id === statistic!.id);
  expect(statistic?.name).toBe('Data point');

  // A bare letter would fire while typing, so it is refused with a reason.
  await list.getByRole('button', { name: 'Shortcut for Data point' }).click();
  await page.keyboard.press('KeyH');
  await expect(list.getByText(/Add Ctrl .* or Alt to H/)).toBeVisible();
  await page.keyboard.press('Escape');

  page.once('dialog', (d) => void d.accept());
  await list.getByRole('button', { name: `Delete kind ${used!.name}` }).click();
  await expect(page.getByRole('alert')).toContainText(`The kind “${used!.name}” is used by 1 annotation`);
  await expect(list.getByRole('textbox', { name: `Name of ${used!.name}` })).toBeVisible();
});
