// Where a quote stands in its document, as a CSL locator: the page label of the block it starts
// in (PDFs carry them, so "p. xii" matches the printed page), else the number of that block.
// Every block counts as a paragraph, headings included, because the reader shows each block as
// one and a person checking "para. 7" counts what they see.
import type { Block } from '../../shared/canonical';
import type { Locator } from './types';

/** The index of the block holding `offset`; an offset in the blank line between blocks belongs to the next. */
function blockAt(blocks: readonly Block[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (blocks[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The locator of a quote starting at `start`, or null when the offset is past the text. */
export function locateQuote(blocks: readonly Block[], start: number): Locator | null {
  if (start < 0) return null;
  const index = blockAt(blocks, start);
  const block = blocks[index];
  if (!block) return null;
  if (block.page !== undefined && block.page.trim() !== '') return { label: 'page', value: block.page.trim() };
  return { label: 'paragraph', value: String(index + 1) };
}

/** The locator as a reader writes it after a quote: "p. 12", "para. 3". */
export function formatLocator(locator: Locator): string {
  return `${locator.label === 'page' ? 'p.' : 'para.'} ${locator.value}`;
}
