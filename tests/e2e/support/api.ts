// Test set-up through the same HTTP API the web renderer uses, signed in by the page's cookie.
import type { Page } from '@playwright/test';
import type { Input, MethodName, Output } from '../../../src/shared/api';
import type { Result } from '../../../src/shared/errors';
import type { GlossServer } from './server';

/** Calls the API as the signed-in page would; the page must have opened `gloss.url` first. */
export async function call<M extends MethodName>(page: Page, gloss: GlossServer, method: M, args: Input<M>): Promise<Output<M>> {
  const response = await page.request.post(`${gloss.origin}/api/call/${method}`, { data: args, headers: { 'Content-Type': 'application/json' } });
  const result = (await response.json()) as Result<Output<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Opens Gloss signed in and waits until the library has answered. */
export async function openGloss(page: Page, gloss: GlossServer): Promise<void> {
  await page.goto(gloss.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^Documents/ })
    .waitFor();
  await page.locator('.library-body[aria-busy="false"]').waitFor();
}

/** The page's current text selection (written as a string: these tests compile without DOM types). */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate<string>('window.getSelection()?.toString() ?? ""');
}

/** A claim to set up: its quote in the text, the sources it is attributed to and its tags (ids). */
export interface ClaimSetup {
  quote: string;
  sources?: string[];
  tags?: string[];
}

/** Adds a document and one annotation of the first kind per claim; returns their ids. */
export async function documentWithClaims(
  page: Page,
  gloss: GlossServer,
  title: string,
  text: string,
  claims: ClaimSetup[],
): Promise<{ id: string; annotations: string[] }> {
  const doc = await call(page, gloss, 'documents.create', { title, text });
  const [kind] = await call(page, gloss, 'kinds.list', {});
  const annotations: string[] = [];
  for (const claim of claims) {
    const start = doc.text.indexOf(claim.quote);
    if (start < 0) throw new Error(`“${claim.quote}” is not in “${title}”`);
    const annotation = await call(page, gloss, 'annotations.create', {
      documentId: doc.id,
      kindId: kind!.id,
      start,
      end: start + claim.quote.length,
      sources: (claim.sources ?? []).map((sourceId) => ({ sourceId })),
      tagIds: claim.tags ?? [],
    });
    annotations.push(annotation.id);
  }
  return { id: doc.id, annotations };
}
