// Helpers for the annotation tests: select text in the reader the way a person does (a mouse drag
// from the first character to the last, or the keyboard), and read back what the reader highlights.
import type { Locator, Page } from '@playwright/test';

/** Finds `phrase` in the reader and returns points on its first and last characters. */
const LOCATE = `(phrase, until) => {
  const root = document.querySelector('.reader-text');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  const at = text.indexOf(phrase);
  if (at < 0) return null;
  // A selection over several paragraphs: from the start of phrase to the end of until.
  const endAt = until ? text.indexOf(until, at) + until.length : at + phrase.length;
  if (endAt < at) return null;
  const point = (offset) => {
    let found = nodes[0];
    for (const entry of nodes) if (entry.start <= offset && offset < entry.start + entry.node.data.length) found = entry;
    return { node: found.node, offset: offset - found.start };
  };
  const rectOf = (offset) => {
    const p = point(offset);
    const range = document.createRange();
    range.setStart(p.node, p.offset);
    range.setEnd(p.node, p.offset + 1);
    return range.getClientRects()[0];
  };
  const first = rectOf(at);
  const last = rectOf(endAt - 1);
  return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
}`;

async function locate(page: Page, phrase: string, until?: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const box = await page.evaluate<{ x1: number; y1: number; x2: number; y2: number } | null>(
    `(${LOCATE})(${JSON.stringify(phrase)}, ${JSON.stringify(until ?? null)})`,
  );
  if (!box) throw new Error(`“${phrase}” is not in the reader`);
  return box;
}

/** Drags the mouse from the first character of `phrase` to its last (or to the last of `until`). */
export async function selectWithMouse(page: Page, phrase: string, until?: string): Promise<void> {
  const box = await locate(page, phrase, until);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** Clicks just before `phrase`, then extends the selection over it with Shift+→. */
export async function selectWithKeyboard(page: Page, phrase: string): Promise<void> {
  const box = await locate(page, phrase);
  await page.mouse.click(box.x1 - 1, box.y1);
  for (let i = 0; i < phrase.length; i++) await page.keyboard.press('Shift+ArrowRight');
}

/** The text each highlight covers in the reader, by annotation id (pieces joined, spaces squeezed). */
export async function highlightedText(page: Page): Promise<Record<string, string>> {
  return page.evaluate<Record<string, string>>(`(() => {
    const out = {};
    for (const mark of document.querySelectorAll('.reader-text mark')) {
      for (const id of (mark.dataset.ids || '').split(' ').filter(Boolean)) out[id] = (out[id] || '') + ' ' + mark.textContent;
    }
    for (const id of Object.keys(out)) out[id] = out[id].replace(/\\s+/g, ' ').trim();
    return out;
  })()`);
}

/** The card of the annotation whose quote contains `text`. */
export function card(panel: Locator, text: string): Locator {
  return panel.getByRole('article').filter({ has: panel.page().locator('blockquote', { hasText: text }) });
}

export const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
