// PDF to Gloss blocks with pdf.js: text in reading order, paragraphs and headings rebuilt, page
// boundaries kept (so a claim can carry a page locator), metadata from the document info.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { CslItem } from '../../shared/model';
import { GlossError } from '../../shared/errors';
import { cslNames, isoDateParts } from './docx';
import { pageLines, type TextItemLike } from './pdf/layout';
import { rebuild, type PageText } from './pdf/paragraphs';
import { IMPORT_LIMITS, throwIfCancelled, type ImportSource, type Imported, type ReadControl } from './types';

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js ships as ESM only; the main bundle is CommonJS, so it is loaded on first use. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>;
  return pdfjs;
}

export async function importPdf(source: ImportSource, control: ReadControl = {}): Promise<Imported> {
  throwIfCancelled(control, source.name);
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js may take ownership of the buffer it is given; the caller's bytes stay untouched.
    data: new Uint8Array(source.bytes),
    isEvalSupported: false,
    maxImageSize: IMPORT_LIMITS.pdfImagePixels,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(source.name, error);
  }
  try {
    return await read(doc, source, control);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

async function read(doc: PDFDocumentProxy, source: ImportSource, control: ReadControl): Promise<Imported> {
  const { onProgress } = control;
  const total = doc.numPages;
  if (total > IMPORT_LIMITS.pdfPages) {
    throw new GlossError({
      code: 'too-large',
      message: `“${source.name}” has ${total.toLocaleString('en')} pages; Gloss imports at most ${IMPORT_LIMITS.pdfPages.toLocaleString('en')}. Split it into parts (for example one per chapter) and import those.`,
    });
  }
  const labels = await doc.getPageLabels().catch(() => null);
  const warnings: string[] = [];
  const pages: PageText[] = [];
  const unreadable: number[] = [];
  const empty: number[] = [];
  onProgress?.(0, total);
  for (let number = 1; number <= total; number++) {
    // pdf.js settles its promises as microtasks, so without this a long PDF would hold the thread:
    // a cancel (or any other call to the worker) would only be heard after the last page.
    await new Promise((resolve) => setImmediate(resolve));
    throwIfCancelled(control, source.name);
    const label = labels?.[number - 1]?.trim() || String(number);
    try {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const lines = pageLines(content.items.filter((item): item is TextItemLike & (typeof content.items)[number] => 'str' in item));
      pages.push({ label, lines, height: page.view[3]! - page.view[1]! });
      if (lines.length === 0) empty.push(number);
      page.cleanup();
    } catch {
      unreadable.push(number);
    }
    onProgress?.(number, total);
  }
  if (pages.every((page) => page.lines.length === 0)) {
    throw new GlossError({
      code: 'unsupported',
      message: `“${source.name}” has no text layer: OCR is not supported. It looks like scanned images; run it through an OCR tool (for example OCRmyPDF) and import the result.`,
    });
  }
  if (unreadable.length > 0) warnings.push(`${pageList(unreadable)} could not be read and ${unreadable.length === 1 ? 'is' : 'are'} missing.`);
  if (empty.length > 0 && empty.length >= total / 10) {
    warnings.push(
      `${pageList(empty)} ${empty.length === 1 ? 'has' : 'have'} no text (probably scanned images, which Gloss cannot read) and ${empty.length === 1 ? 'is' : 'are'} missing.`,
    );
  }

  const rebuilt = rebuild(pages);
  const csl = await metadata(doc);
  const title = csl.title ?? rebuilt.largestLine;
  if (title && !csl.title) csl.title = title;
  return { format: 'pdf', title: title ?? null, blocks: rebuilt.blocks, csl, pages: rebuilt.pages, warnings };
}

function pageList(numbers: number[]): string {
  const shown = numbers.slice(0, 10).join(', ');
  return numbers.length === 1 ? `Page ${shown}` : `Pages ${shown}${numbers.length > 10 ? ` and ${numbers.length - 10} more` : ''}`;
}

function openError(name: string, error: unknown): GlossError {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'PasswordException') {
    return new GlossError({
      code: 'unsupported',
      message: `“${name}” needs a password to open, and password-protected PDFs are not supported. Open it with its password in a PDF reader, save a copy without the password, and import that.`,
    });
  }
  const detail = e?.message ? ` (${e.message.replace(/\.$/, '')})` : '';
  return new GlossError({
    code: 'unsupported',
    message: `“${name}” is damaged or is not a PDF${detail}. Download it again, or save a fresh copy from the program that made it, and retry.`,
  });
}

/** Titles that name the program or the template that made the file, not the document. */
const JUNK_TITLE = /^(untitled|microsoft word - .*|document\d*|\s*)$/i;

async function metadata(doc: PDFDocumentProxy): Promise<CslItem> {
  const csl: CslItem = { type: 'report' };
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  const xmp = meta?.metadata ?? null;
  const text = (value: unknown): string | null => {
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
  };
  const xmpField = (name: string): unknown => {
    try {
      return xmp?.get(name);
    } catch {
      return null;
    }
  };

  const title = text(info.Title) ?? text(xmpField('dc:title'));
  if (title && !JUNK_TITLE.test(title)) csl.title = title;
  const author = text(info.Author) ?? (Array.isArray(xmpField('dc:creator')) ? (xmpField('dc:creator') as string[]).join('; ') : text(xmpField('dc:creator')));
  if (author) csl.author = cslNames(author);
  const date = pdfDateParts(text(info.CreationDate)) ?? isoDateParts(text(xmpField('xmp:createdate')) ?? '');
  if (date) csl.issued = { 'date-parts': [date] };
  const publisher = text(xmpField('dc:publisher'));
  if (publisher) csl.publisher = publisher;
  return csl;
}

/** “D:20230415093000+02'00'” → [2023, 4, 15]. */
export function pdfDateParts(value: string | null): number[] | null {
  const match = value ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!match) return null;
  const parts = [match[1], match[2], match[3]].filter((part): part is string => part !== undefined).map(Number);
  return parts[0]! > 0 && (parts[1] === undefined || (parts[1] >= 1 && parts[1] <= 12)) ? parts : null;
}
