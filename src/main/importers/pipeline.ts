// One way in for every file: recognise the format from the bytes (then the name and media type),
// hand it to its importer, and return what the store needs. Formats are recognised by content
// first, because names lie: a "report.docx" that is really a PDF is read as the PDF it is.
import { GlossError } from '../../shared/errors';
import type { SourceFormat } from '../../shared/model';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importPdf } from './pdf';
import { importText, isMarkdownSource } from './text';
import { IMPORT_LIMITS, throwIfCancelled, type Imported, type ImportSource, type ReadControl } from './types';

export type FileKind = Exclude<SourceFormat, 'url' | 'bibliographic'> | 'bibliographic';

const startsWith = (bytes: Uint8Array, ascii: string) => ascii.split('').every((c, i) => bytes[i] === c.charCodeAt(0));

function sniffHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && /<(head|body|article|p|div)[\s>]/.test(head));
}

/** Which importer reads these bytes. */
export function recognise(source: Pick<ImportSource, 'name' | 'bytes' | 'mediaType'>): FileKind {
  const name = source.name.toLowerCase();
  const media = (source.mediaType ?? '').toLowerCase();
  if (startsWith(source.bytes, '%PDF-')) return 'pdf';
  if (startsWith(source.bytes, 'PK\u0003\u0004')) {
    if (name.endsWith('.docx') || media.includes('wordprocessingml')) return 'docx';
    throw new GlossError({
      code: 'unsupported',
      message: `“${source.name}” is a zip archive, not a Word (.docx) document; Gloss imports .txt, .md, .html, .pdf and .docx files.`,
    });
  }
  if (/\.(bib|ris)$/.test(name) || media.includes('x-bibtex') || media.includes('x-research-info-systems')) return 'bibliographic';
  if (/\.(html?|xhtml)$/.test(name) || media.includes('html') || sniffHtml(source.bytes)) return 'html';
  if (name.endsWith('.docx')) throw new GlossError({ code: 'unsupported', message: `“${source.name}” is not a Word document (not a valid zip archive).` });
  if (name.endsWith('.pdf'))
    throw new GlossError({ code: 'unsupported', message: `“${source.name}” is not a PDF (it does not start with a PDF header); it may be damaged.` });
  if (/\.(txt|text|md|markdown|mdown)$/.test(name) || media.startsWith('text/') || !/\.[a-z0-9]{1,8}$/.test(name))
    return isMarkdownSource(source) ? 'markdown' : 'text';
  const extension = name.slice(name.lastIndexOf('.'));
  throw new GlossError({
    code: 'unsupported',
    message: `Gloss cannot import ${extension} files (“${source.name}”); it imports .txt, .md, .html, .pdf and .docx files.`,
  });
}

/** Reads a file with the importer for its format; only PDFs report progress and stop between pages. */
export async function readSource(source: ImportSource, control: ReadControl = {}): Promise<Imported> {
  if (source.bytes.byteLength > IMPORT_LIMITS.fileBytes) {
    throw new GlossError({
      code: 'too-large',
      message: `“${source.name}” is ${(source.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; Gloss imports files up to ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB.`,
    });
  }
  if (source.bytes.byteLength === 0) throw new GlossError({ code: 'validation', message: `“${source.name}” is empty: there is nothing to import.` });
  const kind = recognise(source);
  throwIfCancelled(control, source.name);
  switch (kind) {
    case 'pdf':
      return importPdf(source, control);
    case 'docx':
      return importDocx(source);
    case 'html':
      return importHtml(source, { timings: control.timings });
    case 'text':
    case 'markdown':
      return importText(source, kind);
    case 'bibliographic':
      throw new GlossError({ code: 'unsupported', message: `“${source.name}” is a bibliography; import it as bibliographic entries instead.` });
  }
}
