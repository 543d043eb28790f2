// Plain text and Markdown files from their bytes: find the character set, refuse what is not text,
// and split into Gloss blocks (Markdown keeps headings, lists, quotes and code blocks).
import { normalizeText, plainTextBlocks } from '../../shared/canonical';
import { GlossError } from '../../shared/errors';
import { charsetFromMediaType, decodeBytes } from './html/charset';
import { markdownBlocks } from './markdown';
import { IMPORT_LIMITS, type ImportSource, type Imported } from './types';

const MARKDOWN_EXTENSION = /\.(md|markdown|mdown|mkd|mkdn|mdwn)$/i;

/** Formats people actually hand us by mistake; naming them beats "this is not text". */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a DOCX, EPUB or similar)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office file' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

/** Share of control characters (besides tab, line feed, carriage return, form feed) above which it is not prose. */
const CONTROL_SHARE = 0.05;
const SAMPLE_CHARS = 64 * 1024;

export function isMarkdownSource(source: Pick<ImportSource, 'name' | 'mediaType'>): boolean {
  return MARKDOWN_EXTENSION.test(source.name) || /^text\/(x-)?markdown\b/i.test(source.mediaType ?? '');
}

function notText(name: string, why: string): GlossError {
  return new GlossError({ code: 'unsupported', message: `“${name}” is not a text file (${why}); Gloss can import it only as text or Markdown.` });
}

/** Refuses binary input early, before it becomes a document full of control characters. */
export function assertLooksLikeText(name: string, bytes: Uint8Array, decoded: string): void {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((b, i) => bytes[i] === b)) {
      throw new GlossError({ code: 'unsupported', message: `“${name}” is ${signature.what}, not text; import it with the matching file type instead.` });
    }
  }
  const sample = decoded.slice(0, SAMPLE_CHARS);
  if (sample.includes('\u0000')) throw notText(name, 'it contains NUL bytes');
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  if (sample.length > 0 && controls / sample.length > CONTROL_SHARE) throw notText(name, 'it is mostly control characters');
}

/**
 * Imports a plain-text or Markdown file. The format follows the file name or media type unless
 * the caller says otherwise.
 */
export function importText(source: ImportSource, format: 'text' | 'markdown' = isMarkdownSource(source) ? 'markdown' : 'text'): Imported {
  if (source.bytes.length > IMPORT_LIMITS.fileBytes) {
    throw new GlossError({
      code: 'too-large',
      message: `“${source.name}” is too large: over ${IMPORT_LIMITS.fileBytes / (1024 * 1024)} MB. Split it into smaller files and import those.`,
    });
  }
  const decoded = decodeBytes(source.bytes, { declared: charsetFromMediaType(source.mediaType) });
  assertLooksLikeText(source.name, source.bytes, decoded.text);
  const text = normalizeText(decoded.text);
  if (text.trim() === '') {
    throw new GlossError({
      code: 'validation',
      message: `“${source.name}” is empty or holds only white space: there is nothing to import.`,
      fields: [{ path: 'bytes', message: 'must contain some text' }],
    });
  }
  const blocks = format === 'markdown' ? markdownBlocks(text) : plainTextBlocks(text);
  return { format, title: null, blocks, csl: {}, warnings: decoded.warnings };
}
