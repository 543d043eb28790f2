// Turns dropped or picked files into import items: text read here, other formats sent as bytes;
// bibliographies (BibTeX, RIS, CSL-JSON) are read as text and become entries awaiting their text.
import { LIMITS } from '../../../shared/limits';
import type { ImportOutcome } from '../../../shared/model';

/** Text Gloss reads in the window (`content`), or a file's bytes for the main side to read (`data`, base64). */
export interface ImportItem {
  name: string;
  content?: string;
  format?: 'text' | 'markdown';
  data?: string;
  mediaType?: string;
  /** A BibTeX, RIS or CSL-JSON file: its references become entries, not a document. */
  bibliography?: true;
  /** W3C Web Annotation JSON-LD or a Hypothesis export: read onto the library's documents. */
  annotations?: true;
}

const TEXT = /\.(txt|text)$/i;
const MARKDOWN = /\.(md|markdown|mdown)$/i;
const BINARY = /\.(html?|xhtml|pdf|docx)$/i;
const BIBLIOGRAPHY = /\.(bib|bibtex|ris|json|jsonld)$/i;

/**
 * Annotation exports share the .json extension with CSL-JSON, so they are told apart by what
 * they say: a JSON-LD context or Annotation types (W3C), or Hypothesis's uri and target fields.
 */
export function looksLikeAnnotations(name: string, content: string): boolean {
  if (/\.jsonld$/i.test(name)) return true;
  const head = content.slice(0, 20_000);
  return /"type"\s*:\s*"Annotation(?:Collection|Page)?"/.test(head) || /"@context"/.test(head) || (/"uri"\s*:/.test(head) && /"target"\s*:/.test(head));
}

export const isBibliography = (name: string): boolean => BIBLIOGRAPHY.test(name);

/** What the file picker offers; anything else dropped is reported, not silently ignored. */
export const ACCEPT =
  '.txt,.text,.md,.markdown,.mdown,.html,.htm,.xhtml,.pdf,.docx,.bib,.bibtex,.ris,.json,.jsonld,text/plain,text/markdown,text/html,application/pdf';

export function formatOfName(name: string): 'text' | 'markdown' | null {
  if (MARKDOWN.test(name)) return 'markdown';
  if (TEXT.test(name)) return 'text';
  return null;
}

const failed = (name: string, error: string): ImportOutcome => ({ name, status: 'failed', id: null, title: null, error });

export async function base64Of(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

export const MAX_FILE_BYTES = Math.floor((LIMITS.importBase64 / 4) * 3);

export async function readFiles(files: readonly File[]): Promise<{ items: ImportItem[]; refused: ImportOutcome[] }> {
  const items: ImportItem[] = [];
  const refused: ImportOutcome[] = [];
  for (const file of files) {
    const format = formatOfName(file.name);
    const bibliography = isBibliography(file.name);
    if (!format && !bibliography && !BINARY.test(file.name)) {
      refused.push(failed(file.name, 'Gloss reads .txt, .md, .html, .pdf and .docx files, and references in .bib, .ris and .json; this one is none of them.'));
      continue;
    }
    if (file.size > MAX_FILE_BYTES) {
      refused.push(
        failed(file.name, `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; Gloss imports files up to ${Math.floor(MAX_FILE_BYTES / 1024 / 1024)} MB.`),
      );
      continue;
    }
    try {
      if (format || bibliography) {
        const content = await file.text();
        if (content.length > LIMITS.documentText) {
          refused.push(failed(file.name, `The file is too long: a document holds at most ${LIMITS.documentText.toLocaleString('en')} characters.`));
          continue;
        }
        if (bibliography && looksLikeAnnotations(file.name, content)) items.push({ name: file.name, content, annotations: true });
        else items.push(bibliography ? { name: file.name, content, bibliography } : { name: file.name, content, format: format! });
      } else {
        items.push({ name: file.name, data: await base64Of(file), ...(file.type ? { mediaType: file.type } : {}) });
      }
    } catch (error) {
      refused.push(failed(file.name, `The file could not be read (${(error as Error).message}).`));
    }
  }
  return { items, refused };
}

const sizeOf = (item: ImportItem) => item.content?.length ?? item.data?.length ?? 0;

/** Keeps each request well under the server's body cap and the API's batch size. */
const BATCH_CHARS = 8_000_000;

export function batches(items: readonly ImportItem[]): ImportItem[][] {
  const out: ImportItem[][] = [];
  let current: ImportItem[] = [];
  let chars = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= LIMITS.importBatch || chars + sizeOf(item) > BATCH_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += sizeOf(item);
  }
  if (current.length > 0) out.push(current);
  return out;
}
