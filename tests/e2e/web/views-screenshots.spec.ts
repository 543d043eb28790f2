// Screenshots of the sources view, a source's page, the tags view, the kinds view and the claim
// fields (in an open annotation card), light and dark at 1366×800, in tests/e2e/.artifacts/.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { call, openGloss } from '../support/api';
import { expect, test, type GlossServer } from '../support/server';

const OUT = join(__dirname, '..', '.artifacts');

async function shot(page: Page, scheme: string, name: string): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Dismiss message' }).all()) await button.click();
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(OUT, `${scheme}-${name}.png`) });
}

/** A small library with sources, tags and figures: enough for every view to have something to show. */
async function seed(page: Page, gloss: GlossServer) {
  const ilo = await call(page, gloss, 'sources.create', {
    kind: 'organisation',
    name: 'International Labour Organization',
    acronym: 'ILO',
    aliases: ['International Labor Organization'],
    url: 'https://www.ilo.org',
  });
  const report = await call(page, gloss, 'sources.create', {
    kind: 'report',
    name: 'Profits and Poverty: The Economics of Forced Labour',
    publisherId: ilo.id,
  });
  const walk = await call(page, gloss, 'sources.create', { kind: 'organisation', name: 'Walk Free Foundation', acronym: 'Walk Free' });
  await call(page, gloss, 'sources.create', { kind: 'news-outlet', name: 'Harbour Daily' });
  await call(page, gloss, 'sources.create', {
    kind: 'organisation',
    name: 'United Nations Office on Drugs and Crime',
    acronym: 'UNODC',
    aliases: ['UN Office on Drugs and Crime'],
  });
  const forced = await call(page, gloss, 'tags.create', { name: 'labour/forced', color: '#d9534f' });
  const child = await call(page, gloss, 'tags.create', { name: 'labour/child', color: '#ef8a17' });
  const money = await call(page, gloss, 'tags.create', { name: 'money/profits', color: '#3a8fd9' });
  await call(page, gloss, 'tags.create', { name: 'labour' });
  await call(page, gloss, 'tags.create', { name: 'debt bondage' });
  const [kind] = await call(page, gloss, 'kinds.list', {});
  const docs = [
    {
      title: 'Profits and poverty: the economics of forced labour',
      text: 'The ILO estimates that forced labour in the private economy generates approximately US$150 billion in illegal profits per year.\n\nTwo thirds of that, some US$99 billion, comes from commercial sexual exploitation.',
      claims: [
        {
          quote: 'forced labour in the private economy generates approximately US$150 billion in illegal profits per year',
          sources: [ilo.id, report.id],
          tags: [forced.id, money.id],
        },
        { quote: 'some US$99 billion, comes from commercial sexual exploitation', sources: [ilo.id], tags: [money.id] },
      ],
    },
    {
      title: 'Global estimates of modern slavery, 2021',
      text: 'Some 27.6 million people were in forced labour in 2021, the ILO and Walk Free said.\n\nBetween 3.3 and 3.5 million of them were children.',
      claims: [
        { quote: 'Some 27.6 million people were in forced labour in 2021', sources: [ilo.id, walk.id], tags: [forced.id] },
        { quote: 'Between 3.3 and 3.5 million of them were children', sources: [ilo.id], tags: [child.id] },
      ],
    },
  ];
  const ids: { documentId: string; annotationId: string }[] = [];
  for (const doc of docs) {
    const created = await call(page, gloss, 'documents.create', { title: doc.title, text: doc.text });
    for (const claim of doc.claims) {
      const start = created.text.indexOf(claim.quote);
      const annotation = await call(page, gloss, 'annotations.create', {
        documentId: created.id,
        kindId: kind!.id,
        start,
        end: start + claim.quote.length,
        tagIds: claim.tags,
        sources: claim.sources.map((sourceId, i) => ({ sourceId, role: i === 0 ? 'attributed-to' : 'cites', locator: i === 0 ? 'p. 13' : null })),
      });
      ids.push({ documentId: created.id, annotationId: annotation.id });
    }
  }
  return { ids };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`views in the ${scheme} theme`, async ({ page, gloss }) => {
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await openGloss(page, gloss);
    const { ids } = await seed(page, gloss);
    const views = page.getByRole('navigation', { name: 'Views' });

    await views.getByRole('link', { name: 'Sources' }).click();
    await expect(page.getByRole('table', { name: 'Sources' }).getByRole('row')).toHaveCount(6);
    await page.getByRole('checkbox', { name: 'Walk Free Foundation' }).check();
    await page.getByRole('checkbox', { name: 'Harbour Daily' }).check();
    await shot(page, scheme, 'sources');
    await page.getByRole('button', { name: /^Merge selected/ }).click();
    await expect(page.getByRole('dialog', { name: 'Merge 2 sources' })).toBeVisible();
    await shot(page, scheme, 'sources-merge');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('table', { name: 'Sources' }).getByRole('link', { name: 'International Labour Organization' }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: '4 claims across 2 documents' })).toBeVisible();
    await shot(page, scheme, 'source-page');

    await views.getByRole('link', { name: 'Tags' }).click();
    await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveCount(6);
    await page.getByRole('button', { name: 'Rename debt bondage' }).click();
    await shot(page, scheme, 'tags');
    await page.keyboard.press('Escape');

    await views.getByRole('link', { name: 'Kinds' }).click();
    await page.getByRole('textbox', { name: 'Name of the new kind' }).fill('Statistic');
    await page.getByRole('button', { name: 'Shortcut for the new kind' }).click();
    await shot(page, scheme, 'kinds');
    await page.keyboard.press('Escape');

    // The fields in their card: open the first claim from its address.
    await page.goto(`${gloss.origin}/#/documents/${ids[0]!.documentId}/a/${ids[0]!.annotationId}`);
    const tags = page.getByRole('combobox', { name: 'Tags' });
    await expect(tags).toBeVisible();
    await shot(page, scheme, 'fields');
    await tags.fill('lab');
    await expect(page.getByRole('listbox', { name: 'Tag suggestions' })).toBeVisible();
    await shot(page, scheme, 'fields-tags');
    await page.keyboard.press('Escape');
    await tags.fill('');
    const sources = page.getByRole('combobox', { name: 'Sources' });
    // Found by another of its names.
    await sources.fill('UN Office');
    await expect(
      page.getByRole('listbox', { name: 'Matching sources' }).getByRole('option', { name: /United Nations Office on Drugs and Crime/ }),
    ).toBeVisible();
    await shot(page, scheme, 'fields-sources');
    await sources.fill('OHCHR');
    await page.getByRole('option', { name: /New source/ }).click();
    await expect(page.getByRole('group', { name: 'New source' })).toBeVisible();
    await page.getByRole('group', { name: 'New source' }).scrollIntoViewIfNeeded();
    await shot(page, scheme, 'fields-new-source');
    await page.getByRole('group', { name: 'New source' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Add figure' }).scrollIntoViewIfNeeded();
    await shot(page, scheme, 'fields-figures');
  });
}
