// Creating documents: canonical form, block structure, title, duplicate detection, one transaction.
import { createHash } from 'node:crypto';
import { assemble, countWords, plainTextBlocks, type BlockInput } from '../../shared/canonical';
import { GlossError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { CslItem, DocumentRecord, DocumentOrigin, SourceFormat } from '../../shared/model';
import { markdownBlocks } from '../importers/markdown';
import { findByContentHash, getDocument, insertDocument, type NewDocument } from '../store/documents';
import type { Database } from '../store/native';

export interface TextImport {
  text: string;
  format: 'text' | 'markdown';
  title?: string;
  fileName?: string;
  csl?: CslItem;
  allowDuplicate: boolean;
  origin?: DocumentOrigin['kind'];
}

const TITLE_MAX = 100;

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The title a person would give it: their own, the first heading, or the first line. */
export function deriveTitle(blocks: BlockInput[], text: string, fileName?: string): string {
  const heading = blocks.find((b) => b.type === 'heading');
  const candidate = (heading?.text ?? text.split('\n').find((line) => line.trim() !== '') ?? fileName ?? 'Untitled').trim().replace(/\s+/g, ' ');
  if (candidate.length <= TITLE_MAX) return candidate;
  const cut = candidate.slice(0, TITLE_MAX);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_MAX / 2));
  return `${atWord.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

export function textToBlocks(text: string, format: 'text' | 'markdown'): BlockInput[] {
  return format === 'markdown' ? markdownBlocks(text) : plainTextBlocks(text);
}

export interface NewDocumentInput {
  blocks: BlockInput[];
  format: SourceFormat;
  title?: string | null | undefined;
  csl?: CslItem | undefined;
  allowDuplicate: boolean;
  origin: Omit<NewDocument['origin'], 'fileName' | 'url' | 'finalUrl' | 'fetchedAt'> & {
    fileName?: string | null;
    url?: string | null;
    finalUrl?: string | null;
    fetchedAt?: string | null;
  };
}

/** Stores a document from blocks in one transaction: canonical text, title, duplicate check. */
export function storeDocument(db: Database, input: NewDocumentInput): DocumentRecord {
  const { text, blocks } = assemble(input.blocks);
  if (text === '') {
    throw new GlossError({
      code: 'validation',
      message: 'The text is empty: there is nothing to add.',
      fields: [{ path: 'text', message: 'must contain some text' }],
    });
  }
  const hash = contentHash(text);
  if (!input.allowDuplicate) {
    const existing = findByContentHash(db, hash);
    if (existing) {
      throw new GlossError({ code: 'conflict', message: `This text is already in the library as “${existing.title}”.`, current: existing });
    }
  }
  const title = input.title?.trim() || deriveTitle(input.blocks, text, input.origin.fileName ?? undefined);
  const csl: CslItem = { type: 'article', ...input.csl, title: input.csl?.title ?? title };
  const id = newId();
  const origin = { fileName: null, url: null, finalUrl: null, fetchedAt: null, ...input.origin };
  db.transaction(() =>
    insertDocument(db, { id, title, status: 'ready', format: input.format, csl, text, blocks, contentHash: hash, wordCount: countWords(text), origin }),
  ).immediate();
  return getDocument(db, id);
}

export function createFromText(db: Database, input: TextImport): DocumentRecord {
  return storeDocument(db, {
    blocks: textToBlocks(input.text, input.format),
    format: input.format,
    title: input.title,
    csl: input.csl,
    allowDuplicate: input.allowDuplicate,
    origin: {
      kind: input.origin ?? (input.fileName ? 'file' : 'pasted'),
      fileName: input.fileName ?? null,
      mediaType: input.format === 'markdown' ? 'text/markdown' : 'text/plain',
      bytes: null,
    },
  });
}

/** Guesses the format from a file name: Markdown for .md/.markdown, plain text otherwise. */
export function formatOf(name: string): 'text' | 'markdown' {
  return /\.(md|markdown|mdown)$/i.test(name) ? 'markdown' : 'text';
}
