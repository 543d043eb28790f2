// The hostile-HTML corpus in a real browser. Every vector is imported as an HTML file and as pasted
// text and Markdown (with its markup in the title, the citation details, an annotation's note and
// the annotated quote too), then each document is opened in the reader, in Edit text, in Details
// and with its Annotations panel. Whatever runs, in any frame, calls `__glossCanary`, which the test
// binds in every frame; a dialog, a navigation of the window or a request to any other origin fails
// the test as well. The control writes the same vectors into a blank page with scripts on, no Gloss
// and no sanitiser, and shows the canary does fire there, so silence in Gloss means something.
import type { Page } from '@playwright/test';
import { XSS_VECTORS, type XssVector } from '../../fixtures/html/xss-vectors';
import { call, openGloss } from '../support/api';
import { expect, type GlossServer, test } from '../support/server';

const CANARY = '__glossCanary';

/** What a hostile document could make the browser do; every list must stay empty in Gloss. */
interface Watch {
  /** Which document (or vector) was open when the canary was called, and from which frame. */
  fired: string[];
  dialogs: string[];
  /** Main-frame navigations to anything but the app's own page (hash routes are the app's). */
  navigations: string[];
  /** Requests for another origin, or for the relative addresses the vectors point at. */
  requests: string[];
  current: string;
}

/** Paths the vectors load relative to the page (`src=x`, `src=1`, `href=/relative`). */
const VECTOR_PATHS = new Set(['/x', '/1', '/relative']);

async function watch(page: Page, appPage: () => string | null): Promise<Watch> {
  const w: Watch = { fired: [], dialogs: [], navigations: [], requests: [], current: '' };
  await page.exposeBinding(CANARY, ({ frame }) => {
    w.fired.push(`${w.current} (frame ${frame.url().slice(0, 80)})`);
  });
  page.on('dialog', (dialog) => {
    w.dialogs.push(`${w.current}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const app = appPage();
    if (app !== null && frame.url().split('#')[0] !== app) w.navigations.push(`${w.current}: ${frame.url()}`);
  });
  page.on('request', (request) => {
    const app = appPage();
    const url = new URL(request.url());
    if (app === null) return;
    if (url.origin !== new URL(app).origin || VECTOR_PATHS.has(url.pathname)) w.requests.push(`${w.current}: ${request.url().slice(0, 120)}`);
  });
  return w;
}

const prose = (i: number, where: string) =>
  `<p>${where} ${i}: dock workers in three harbours went on strike on Monday, according to the port authority, and wages had not risen since 2019.</p>`;

/** The vector in the head and in the article, as a page a person might save and import; one that swallows the rest goes in the article only. */
const hostilePage = (i: number, vector: XssVector) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hostile page ${i}</title>${vector.swallowsRest ? '' : vector.html}</head><body><article><h1>Hostile page ${i}</h1>` +
  `${prose(i, 'Before')}${prose(i, 'Also before')}<div>${vector.html}</div>${prose(i, 'After')}${prose(i, 'Also after')}</article></body></html>`;

/** Markup no document view may contain, whatever the text: elements that load or run, handlers, script URLs. */
const HOSTILE_DOM = `(() => {
  const tags = 'script,iframe,frame,object,embed,img,base,meta,link,template,video,audio,source,marquee,math,xmp,plaintext,noscript,isindex';
  const roots = [...document.querySelectorAll('.document-layout, dialog')];
  const found = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll(tags)) found.push(el.tagName);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
        if (/^on/i.test(attr.name) || attr.name === 'srcdoc') found.push(el.tagName + ' ' + attr.name);
        else if (/^(href|src|action|formaction|data|xlink:href)$/i.test(attr.name) && /^(javascript|data|vbscript):/.test(value)) found.push(el.tagName + ' ' + attr.name + '=' + value.slice(0, 40));
      }
    }
  }
  return found;
})()`;

interface Imported {
  id: string;
  label: string;
}

/** Opens each document by its address and goes through every view of it; the watch must stay silent. */
async function visitAll(page: Page, gloss: GlossServer, w: Watch, docs: Imported[], base: string): Promise<void> {
  const reader = page.getByRole('region', { name: 'Document', exact: true });
  const panel = page.getByRole('region', { name: 'Annotations' });
  for (const doc of docs) {
    w.current = doc.label;
    const record = await call(page, gloss, 'documents.get', { id: doc.id });
    await page.evaluate(`location.hash = ${JSON.stringify(`#/documents/${encodeURIComponent(doc.id)}`)}`);
    await expect(reader.locator('.reader-bar-title')).toHaveText(record.title);
    await expect(panel).toHaveAttribute('aria-busy', 'false');
    await expect(panel.getByRole('article')).toHaveCount(1);

    await reader.getByRole('button', { name: 'Edit text' }).click();
    await expect(reader.getByRole('button', { name: 'Save text' })).toBeVisible();
    expect(await page.evaluate<string[]>(HOSTILE_DOM), `${doc.label}, editing`).toEqual([]);
    await reader.getByRole('button', { name: 'Cancel' }).click();
    await expect(reader.getByRole('button', { name: 'Edit text' })).toBeVisible();

    await reader.getByRole('button', { name: 'Details' }).click();
    const details = page.getByRole('dialog', { name: 'Document details' });
    await expect(details).toBeVisible();
    expect(await page.evaluate<string[]>(HOSTILE_DOM), `${doc.label}, details`).toEqual([]);
    await details.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(details).toBeHidden();

    expect(await page.evaluate<string[]>(HOSTILE_DOM), `${doc.label}, reading`).toEqual([]);
    expect(page.url()).toBe(`${base}#/documents/${encodeURIComponent(doc.id)}`);
    expect({ fired: w.fired, dialogs: w.dialogs, navigations: w.navigations, requests: w.requests }, doc.label).toEqual({
      fired: [],
      dialogs: [],
      navigations: [],
      requests: [],
    });
  }
  // Time for anything a vector queued (a timer, a failed load's error event) to go off.
  w.current = 'after the last document';
  await page.waitForTimeout(500);
  expect({ fired: w.fired, dialogs: w.dialogs, navigations: w.navigations, requests: w.requests }).toEqual({
    fired: [],
    dialogs: [],
    navigations: [],
    requests: [],
  });
}

/** Signs in with the watch in place, then notes the app's own address (the token gone from it). */
async function openWatched(page: Page, gloss: GlossServer): Promise<{ w: Watch; base: () => string }> {
  let base: string | null = null;
  const w = await watch(page, () => base);
  await openGloss(page, gloss);
  base = page.url().split('#')[0]!;
  // The watch must see, inside the app's page and under its CSP, each thing it is there to catch.
  w.current = 'self-test';
  await page.evaluate(`${CANARY}(); setTimeout(() => alert('self-test')); fetch('/x').catch(() => undefined)`);
  await expect.poll(() => [w.fired.length, w.dialogs.length, w.requests.length]).toEqual([1, 1, 1]);
  w.fired.length = w.dialogs.length = w.requests.length = 0;
  return { w, base: () => base! };
}

async function annotateWhole(page: Page, gloss: GlossServer, documentId: string, vector: XssVector): Promise<void> {
  const [kind] = await call(page, gloss, 'kinds.list', {});
  const doc = await call(page, gloss, 'documents.get', { id: documentId });
  await call(page, gloss, 'annotations.create', {
    documentId,
    kindId: kind!.id,
    start: 0,
    end: doc.text.length,
    note: `${vector.html}\n\n[a link](javascript:${CANARY}()) ![an image](x)`,
  });
}

test.describe('hostile HTML in the reader', () => {
  test.setTimeout(600_000);

  test('imported as HTML files, no vector runs, opens a dialog, navigates or reaches out', async ({ page, gloss }) => {
    const { w, base } = await openWatched(page, gloss);
    const docs: Imported[] = [];
    for (const [i, vector] of XSS_VECTORS.entries()) {
      const label = `HTML file: ${vector.name}`;
      w.current = `importing ${label}`;
      const result = await call(page, gloss, 'documents.import', {
        name: `hostile-${i}.html`,
        data: Buffer.from(hostilePage(i, vector)).toString('base64'),
        mediaType: 'text/html',
        allowDuplicate: true,
      });
      const text = result.document.text;
      expect(text, label).toContain(`Before ${i}: dock workers`);
      if (!vector.swallowsRest) expect(text, label).toContain(`Also after ${i}: dock workers`);
      for (const shown of vector.shownAsText ?? []) expect(text, label).toContain(shown);
      await annotateWhole(page, gloss, result.document.id, vector);
      docs.push({ id: result.document.id, label });
    }
    await visitAll(page, gloss, w, docs, base());
  });

  test('pasted as text and as Markdown, with the markup in title, details and notes, no vector runs either', async ({ page, gloss }) => {
    const { w, base } = await openWatched(page, gloss);
    const docs: Imported[] = [];
    for (const [i, vector] of XSS_VECTORS.entries()) {
      for (const format of ['text', 'markdown'] as const) {
        const label = `pasted ${format}: ${vector.name}`;
        w.current = `creating ${label}`;
        const doc = await call(page, gloss, 'documents.create', {
          text: `Pasted ${format} ${i}, ${vector.name}:\n\n${vector.html}\n\nThe port authority said wages had not risen since 2019.`,
          title: vector.html,
          format,
          csl: { author: [{ literal: vector.html }], 'container-title': vector.html, publisher: vector.html },
          allowDuplicate: true,
        });
        if (format === 'text') expect(doc.text, label).toContain(vector.html);
        await annotateWhole(page, gloss, doc.id, vector);
        docs.push({ id: doc.id, label });
      }
    }
    await visitAll(page, gloss, w, docs, base());
  });
});

/** Clicks what a reader could click: links (SVG ones too), buttons, inputs and summaries. */
const CLICK_EVERYTHING = `for (const el of document.querySelectorAll('a, button, input, summary, text')) el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))`;

test('control: without Gloss and its sanitiser, most vectors do run in Chromium', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ javaScriptEnabled: true });
  let current = '';
  const fired = new Set<string>();
  await context.exposeBinding(CANARY, () => {
    fired.add(current);
  });
  const settle = async (page: Page) => {
    // Errors of failed loads and queued events arrive after DOMContentLoaded.
    for (let waited = 0; waited < 400 && !fired.has(current); waited += 50) await page.waitForTimeout(50);
  };
  const onLoad: string[] = [];
  const onClick: string[] = [];
  try {
    for (const vector of XSS_VECTORS) {
      current = vector.name;
      const page = await context.newPage();
      await page
        .setContent(`<!DOCTYPE html><html><head><title>Control</title></head><body><p>Prose before.</p>${vector.html}<p>Prose after.</p></body></html>`, {
          waitUntil: 'domcontentloaded',
          timeout: 3_000,
        })
        .catch(() => undefined);
      await settle(page);
      if (fired.has(vector.name)) onLoad.push(vector.name);
      else {
        await page.evaluate(CLICK_EVERYTHING).catch(() => undefined);
        await settle(page);
        if (fired.has(vector.name)) onClick.push(vector.name);
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
  const ran = [...onLoad, ...onClick];
  const report = `${ran.length} of ${XSS_VECTORS.length} ran; on load: ${onLoad.join('; ')}; when clicked: ${onClick.join('; ')}`;
  test.info().annotations.push({ type: 'vectors that ran unprotected', description: report });
  console.log(`Control, a blank page without Gloss: ${report}`);
  expect(ran.length, report).toBeGreaterThanOrEqual(20);
  for (const name of ['script tag', 'img onerror', 'svg onload', 'iframe srcdoc', 'comment breakout', 'JSON-LD with script close', 'javascript: link'])
    expect(ran, name).toContain(name);
});
