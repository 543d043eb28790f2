// One export, start to finish, the same for the window (through the API), web mode and the CLI:
// select the documents, format their references in one citation processor (so disambiguation
// spans the whole set), build the rich document or the data file, and write the format.
import { basename, join } from 'node:path';
import { GlossError } from '../../shared/errors';
import { BIBLIOGRAPHY_FORMATS, FORMAT_FILES, type CitationStyle, type CopiedCitation, type ExportPreview, type ParsedExportRequest } from '../../shared/export';
import type { Annotation, DocumentRecord } from '../../shared/model';
import type { RichDocument } from '../../shared/rich-text';
import { getAnnotation } from '../store/annotations';
import { getDocument } from '../store/documents';
import type { Database } from '../store/native';
import { buildBibliography, DEFAULT_TITLE, exportOrder } from './bibliography';
import { createCitationProcessor } from './citations/processor';
import { runsText } from './citations/runs';
import { listStyles, loadStyle, type LoadedStyle } from './citations/styles';
import { claimTable } from './csv';
import { locateQuote } from './locator';
import { exportReferences } from './references';
import { renderDocx } from './render/docx';
import { renderHtml, runsHtml } from './render/html';
import { renderMarkdown } from './render/markdown';
import { renderPdf } from './render/pdf';
import { renderText } from './render/text';
import { selectForExport } from './select';
import type { BibliographyOptions, CitationProcessor, ExportSet, SortKey } from './types';
import { writeW3c } from './w3c/collection';

/** User styles are named `user:<file name>` in the API, so a window can only pick files from the library's styles folder. */
const USER_PREFIX = 'user:';

export interface ExportEnvironment {
  db: Database;
  /** The library's styles/ folder, or null when there is none (a bare database in tests). */
  stylesDir: string | null;
  /** The CLI may name any .csl file; calls from a window may not. */
  allowStylePaths?: boolean;
  /** Reports stages as they finish, and is checked between them, so a cancelled export stops and writes nothing. */
  progress?: (done: number, total: number, stage: string) => void;
  signal?: AbortSignal;
}

export interface ExportOutput {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export const stylesFolder = (dataDir: string | null) => (dataDir ? join(dataDir, 'styles') : null);

export function citationStyles(stylesDir: string | null): CitationStyle[] {
  return listStyles(stylesDir ?? undefined).styles.map((style) => ({
    id: style.bundled ? style.id : `${USER_PREFIX}${basename(style.id)}`,
    title: style.title,
    bundled: style.bundled,
  }));
}

function resolveStyle(style: string, env: ExportEnvironment): LoadedStyle {
  if (style.startsWith(USER_PREFIX)) {
    const file = style.slice(USER_PREFIX.length);
    if (!env.stylesDir || file !== basename(file) || !file.toLowerCase().endsWith('.csl')) {
      throw new GlossError({ code: 'validation', message: `“${style}” is not a style of this library. Pick a style from the list.` });
    }
    return loadStyle(join(env.stylesDir, file));
  }
  if (!env.allowStylePaths && /[\\/]/.test(style)) {
    throw new GlossError({ code: 'validation', message: 'A style is chosen by its id; add a .csl file to the library to use it.' });
  }
  return loadStyle(style);
}

function processorFor(set: ExportSet, style: string, env: ExportEnvironment, sort: SortKey = 'author'): CitationProcessor {
  return createCitationProcessor({
    style: resolveStyle(style, env),
    items: exportOrder(set.entries, sort).map(({ document }) => ({ ...document.csl, title: document.csl.title ?? document.title, id: document.id })),
  });
}

function optionsOf(request: ParsedExportRequest): BibliographyOptions {
  return { grouping: request.grouping, sort: request.sort, include: request.include, ...(request.kinds ? { kinds: request.kinds } : {}) };
}

function titleOf(request: ParsedExportRequest, set: ExportSet): string {
  const selection = request.selection;
  switch (selection.type) {
    case 'tag': {
      const tag = set.entries.flatMap((e) => e.annotations.flatMap((a) => a.tags)).find((t) => t.id === selection.tagId);
      return tag ? `${DEFAULT_TITLE}: ${tag.name}` : DEFAULT_TITLE;
    }
    case 'source': {
      const source = set.sources.get(selection.sourceId);
      return source ? `${DEFAULT_TITLE}: claims of ${source.name}` : DEFAULT_TITLE;
    }
    case 'search':
      return `${DEFAULT_TITLE}: “${selection.query}”`;
    default:
      return DEFAULT_TITLE;
  }
}

const count = (set: ExportSet) => set.entries.reduce((sum, entry) => sum + entry.annotations.length, 0);

/** The first `limit` documents as they will come out, with the size of the whole export. */
export function previewExport(env: ExportEnvironment, request: ParsedExportRequest, limit: number): ExportPreview {
  const set = selectForExport(env.db, request.selection);
  const shown: ExportSet = { ...set, entries: [], sources: set.sources };
  const bibliography = BIBLIOGRAPHY_FORMATS.includes(request.format);
  let document: RichDocument;
  if (set.entries.length === 0) document = { title: titleOf(request, set), blocks: [] };
  else if (bibliography) {
    const processor = processorFor(set, request.style, env, request.sort);
    // The preview's entries are the export's first ones: sort the whole set, then cut.
    const full = buildBibliography(set, processor, optionsOf(request), titleOf(request, set));
    document = { title: full.title, blocks: firstEntries(full.blocks, limit) };
    shown.entries = set.entries.slice(0, limit);
  } else {
    shown.entries = set.entries.slice(0, limit);
    const text = dataFile(request, shown, env).toString('utf8');
    document = {
      title: FORMAT_FILES[request.format].label,
      blocks: text.split('\n').map((line) => ({ type: 'paragraph', role: 'plain', runs: [{ text: line }] })),
    };
  }
  return { document, documentCount: set.entries.length, annotationCount: count(set), shown: Math.min(limit, set.entries.length) };
}

/** Blocks up to the (limit+1)th reference, so the preview shows whole entries. */
function firstEntries(blocks: RichDocument['blocks'], limit: number): RichDocument['blocks'] {
  let references = 0;
  const out: RichDocument['blocks'] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph' && block.role === 'reference' && ++references > limit) break;
    out.push(block);
  }
  return out;
}

function dataFile(request: ParsedExportRequest, set: ExportSet, env: ExportEnvironment): Buffer {
  switch (request.format) {
    case 'csl-json':
    case 'bibtex':
    case 'ris':
      return Buffer.from(
        exportReferences(
          set.entries.map((e) => e.document),
          request.format,
        ),
        'utf8',
      );
    case 'w3c':
      return Buffer.from(writeW3c(set), 'utf8');
    case 'csv': {
      const processor = processorFor(set, request.style, env, request.sort);
      const csv = claimTable(set, { citation: (id) => runsText(processor.citation(id)), bom: request.bom, ...(request.kinds ? { kinds: request.kinds } : {}) });
      return Buffer.from(csv, 'utf8');
    }
    default:
      throw new GlossError({ code: 'internal', message: `${request.format} is not a data format.` });
  }
}

function checkCancelled(env: ExportEnvironment): void {
  if (env.signal?.aborted) throw new GlossError({ code: 'cancelled', message: 'The export was cancelled; no file was written.' });
}

/** A file name from the title and the date: “annotated-bibliography-labour-2026-11-29.md”. */
export function exportFileName(title: string, format: ParsedExportRequest['format'], now = new Date()): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'gloss-export';
  return `${slug}-${now.toISOString().slice(0, 10)}.${FORMAT_FILES[format].extension}`;
}

export async function produceExport(env: ExportEnvironment, request: ParsedExportRequest): Promise<ExportOutput> {
  const total = 3;
  const step = async (done: number, stage: string) => {
    env.progress?.(done, total, stage);
    // Let a cancel (or any other call) be heard between stages.
    await new Promise((resolve) => setImmediate(resolve));
    checkCancelled(env);
  };
  await step(0, 'Selecting documents');
  const set = selectForExport(env.db, request.selection);
  const title = titleOf(request, set);
  const { mediaType } = FORMAT_FILES[request.format];
  const fileName = exportFileName(title, request.format);
  await step(1, 'Formatting references');
  if (!BIBLIOGRAPHY_FORMATS.includes(request.format)) {
    const bytes = dataFile(request, set, env);
    await step(total, 'Done');
    return { fileName, mediaType, bytes };
  }
  const document = buildBibliography(set, processorFor(set, request.style, env, request.sort), optionsOf(request), title);
  await step(2, `Writing ${FORMAT_FILES[request.format].label}`);
  let bytes: Buffer;
  switch (request.format) {
    case 'md':
      bytes = Buffer.from(renderMarkdown(document), 'utf8');
      break;
    case 'html':
      bytes = Buffer.from(renderHtml(document), 'utf8');
      break;
    case 'txt':
      bytes = Buffer.from(renderText(document), 'utf8');
      break;
    case 'docx':
      bytes = await renderDocx(document);
      break;
    default:
      bytes = await renderPdf(document);
  }
  await step(total, 'Done');
  return { fileName, mediaType, bytes };
}

/** A claim's quote with its in-text citation and locator: “… ” (International Labour Organization, 2014, p. 3). */
export function citeAnnotation(env: ExportEnvironment, annotationId: string, style: string): CopiedCitation {
  const annotation: Annotation = getAnnotation(env.db, annotationId);
  const document: DocumentRecord = getDocument(env.db, annotation.documentId);
  const set: ExportSet = { entries: [{ document, annotations: [annotation] }], kinds: [], sources: new Map() };
  const processor = processorFor(set, style, env);
  const locator = annotation.anchor === 'orphaned' ? null : locateQuote(document.blocks, annotation.start);
  const citation = processor.citation(document.id, locator ?? undefined);
  const quote = annotation.exact.replace(/\s+/g, ' ').trim();
  const text = `“${quote}” ${runsText(citation)}`;
  // Inline styles: the program it is pasted into never sees the export's stylesheet.
  return { text, html: `<p>${runsHtml([{ text: `“${quote}” ` }, ...citation], { inlineStyles: true })}</p>` };
}
