// Turning imported bytes into a string: which character encoding, and how sure we are of it.
// Shared by the text and HTML importers so both read a byte-order mark and bad UTF-8 the same way.

export type CharsetSource = 'bom' | 'header' | 'meta' | 'utf-8' | 'utf-16-sniffed' | 'fallback';

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1252". */
  encoding: string;
  source: CharsetSource;
  warnings: string[];
}

export interface Utf8Scan {
  /** Well-formed sequences of two or more bytes: evidence that the text really is UTF-8. */
  multibyte: number;
  /** Ill-formed subsequences, each of which becomes one U+FFFD when decoded. */
  invalid: number;
  firstInvalidOffset: number;
}

/** Reads a byte-order mark; the BOM outranks every declaration, as in browsers. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** Walks the bytes by the Unicode well-formedness table, counting errors the way TextDecoder replaces them. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalidOffset = -1;
  let i = 0;
  const n = bytes.length;
  const bad = (at: number) => {
    invalid++;
    if (firstInvalidOffset < 0) firstInvalidOffset = at;
  };
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      bad(i);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      const min = k === 0 ? lo : 0x80;
      const max = k === 0 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) {
        ok = false;
        break;
      }
    }
    if (ok) multibyte++;
    else bad(i);
    i = j;
  }
  return { multibyte, invalid, firstInvalidOffset };
}

/** Maps any label (from a header or a meta tag) to the encoding TextDecoder will use, or null if unknown. */
export function resolveLabel(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a media type such as `text/html; charset="ISO-8859-1"`. */
export function charsetFromMediaType(mediaType: string | undefined): string | null {
  const match = mediaType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(mediaType) : null;
  return match?.[1] ?? null;
}

/**
 * A bounded version of the HTML prescan: the first 1024 bytes, read as Latin-1 so every byte is
 * one character, looking for `<meta charset>` or an http-equiv Content-Type with a charset.
 */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  const match = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(withoutComments);
  return match?.[1] ?? null;
}

/** Text with two bytes per ASCII character and no BOM: mostly zero bytes on one side. */
function sniffUtf16(bytes: Uint8Array): string | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = sample / 2;
  if (oddZero / pairs > 0.7 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.7 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Windows-1252's 0x80–0x9F; the rest is Latin-1. Undefined bytes map to C1 controls, as in WHATWG. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node 20's TextDecoder decodes "windows-1252" as Latin-1 (losing “smart quotes” and €), so we do it ourselves. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)));
    out += chunk.join('');
  }
  return out;
}

const decode = (encoding: string, bytes: Uint8Array): string =>
  encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);

/**
 * Decodes bytes: BOM, then a declared charset (the HTTP header, then for HTML the meta tag), then
 * UTF-8 if the bytes are UTF-8, then a guess. Bytes that are mostly well-formed UTF-8 with a few bad
 * sequences are a damaged UTF-8 file, so they are decoded with U+FFFD and reported; bytes with no
 * UTF-8 sequences at all are a legacy file, read as Windows-1252 (what browsers assume for Western
 * text, and a superset of ISO-8859-1), with a warning so the person can check the accents.
 */
export function decodeBytes(bytes: Uint8Array, options: { declared?: string | null; html?: boolean } = {}): Decoded {
  const warnings: string[] = [];
  const bom = sniffBom(bytes);
  if (bom) return { text: decode(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, source: 'bom', warnings };

  const candidates: { label: string; source: CharsetSource }[] = [];
  if (options.declared) candidates.push({ label: options.declared, source: 'header' });
  const meta = options.html ? charsetFromMeta(bytes) : null;
  if (meta) candidates.push({ label: meta, source: 'meta' });
  for (const { label, source } of candidates) {
    let encoding = resolveLabel(label);
    if (!encoding) {
      warnings.push(`The declared character set “${label}” is not one Gloss knows, so it was ignored.`);
      continue;
    }
    // A meta tag is read from ASCII-compatible bytes, so one that says UTF-16 is wrong (HTML spec).
    if (source === 'meta' && encoding.startsWith('utf-16')) encoding = 'utf-8';
    if (encoding === 'utf-8') return decodeUtf8(bytes, source, warnings);
    return { text: decode(encoding, bytes), encoding, source, warnings };
  }

  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    warnings.push(`The text has no byte-order mark but reads as ${utf16.toUpperCase()}; it was decoded that way.`);
    return { text: decode(utf16, bytes), encoding: utf16, source: 'utf-16-sniffed', warnings };
  }

  const scan = scanUtf8(bytes);
  if (scan.invalid === 0 || scan.multibyte >= scan.invalid) return decodeUtf8(bytes, 'utf-8', warnings, scan);
  warnings.push(
    'The text is not UTF-8 and does not say which character set it uses; it was decoded as Windows-1252 (Western European). ' +
      'If accented letters or quotes look wrong, save it as UTF-8 and import it again.',
  );
  return { text: decode('windows-1252', bytes), encoding: 'windows-1252', source: 'fallback', warnings };
}

function decodeUtf8(bytes: Uint8Array, source: CharsetSource, warnings: string[], scan = scanUtf8(bytes)): Decoded {
  if (scan.invalid > 0) {
    const count = scan.invalid === 1 ? 'one invalid byte sequence' : `${scan.invalid} invalid byte sequences`;
    warnings.push(`The UTF-8 text has ${count} (first on line ${lineAt(bytes, scan.firstInvalidOffset)}); each was replaced with “\uFFFD”.`);
  }
  return { text: decode('utf-8', bytes), encoding: 'utf-8', source, warnings };
}
