// Turns dropped or picked files into import items, refusing what Gloss cannot read as text.
import { LIMITS } from '../../../shared/limits';
import type { ImportOutcome } from '../../../shared/model';

export interface ImportItem {
  name: string;
  content: string;
  format: 'text' | 'markdown';
}

const TEXT = /\.(txt|text)$/i;
const MARKDOWN = /\.(md|markdown|mdown)$/i;

/** What the file picker offers; anything else dropped is reported, not silently ignored. */
export const ACCEPT = '.txt,.text,.md,.markdown,.mdown,text/plain,text/markdown';

export function formatOfName(name: string): 'text' | 'markdown' | null {
  if (MARKDOWN.test(name)) return 'markdown';
  if (TEXT.test(name)) return 'text';
  return null;
}

const failed = (name: string, error: string): ImportOutcome => ({ name, status: 'failed', id: null, title: null, error });

export async function readFiles(files: readonly File[]): Promise<{ items: ImportItem[]; refused: ImportOutcome[] }> {
  const items: ImportItem[] = [];
  const refused: ImportOutcome[] = [];
  for (const file of files) {
    const format = formatOfName(file.name);
    if (!format) {
      refused.push(failed(file.name, 'Gloss reads .txt and .md files; this one is neither.'));
      continue;
    }
    let content: string;
    try {
      content = await file.text();
    } catch (error) {
      refused.push(failed(file.name, `The file could not be read (${(error as Error).message}).`));
      continue;
    }
    if (content.length > LIMITS.documentText) {
      refused.push(failed(file.name, `The file is too long: a document holds at most ${LIMITS.documentText.toLocaleString('en')} characters.`));
      continue;
    }
    items.push({ name: file.name, content, format });
  }
  return { items, refused };
}

/** Keeps each request well under the server's body cap and the API's batch size. */
const BATCH_CHARS = 8_000_000;

export function batches(items: readonly ImportItem[]): ImportItem[][] {
  const out: ImportItem[][] = [];
  let current: ImportItem[] = [];
  let chars = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= LIMITS.importBatch || chars + item.content.length > BATCH_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += item.content.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}
