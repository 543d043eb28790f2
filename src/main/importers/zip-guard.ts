// Zip archives checked before any library opens them: a real zip, and one whose entries inflate
// to at most a byte cap, counted while inflating (declared sizes in the archive are not trusted).
import { Inflate } from 'fflate';
import { GlossError } from '../../shared/errors';

export interface ZipCheckOptions {
  /** Bytes all entries together may inflate to. */
  maxInflated: number;
  /** Which entries to hand back inflated (small metadata parts); the rest are only counted. */
  keep?: (name: string) => boolean;
  /** How the archive is named in messages, e.g. `“report.docx” is not a Word document`. */
  what?: string;
}

export interface ZipCheck {
  names: string[];
  inflatedBytes: number;
  kept: Map<string, Uint8Array>;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRIES = 10_000;
/** Compressed bytes fed to the inflater at a time, so the count stops a bomb within one chunk. */
const CHUNK = 64 * 1024;

class OverCap extends Error {}

function notZip(what: string, detail: string): GlossError {
  return new GlossError({ code: 'unsupported', message: `${what} (not a valid zip archive: ${detail}). Save it again from Word as .docx and retry.` });
}

function tooLarge(what: string, cap: number): GlossError {
  const mb = Math.round(cap / (1024 * 1024));
  return new GlossError({
    code: 'too-large',
    message: `${what} expands to more than ${mb} MB when unpacked (the cap is ${mb} MB); it may be a zip bomb. If it is a genuine document, split it into smaller files.`,
  });
}

/** Finds the end-of-central-directory record, which sits within the last 64 KiB + 22 bytes. */
function findEocd(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= lowest; i--) if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  return -1;
}

/**
 * Walks the central directory and inflates every entry with a streaming inflater, counting the
 * bytes it produces; throws `too-large` the moment the running total passes the cap.
 */
export function checkZip(bytes: Uint8Array, options: ZipCheckOptions): ZipCheck {
  const what = options.what ?? 'This file is not a readable archive';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== LOCAL_SIGNATURE) throw notZip(what, 'it does not start like one');
  const eocd = findEocd(view);
  if (eocd < 0) throw notZip(what, 'the directory at its end is missing, so it may be truncated');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw notZip(what, 'ZIP64 archives are not supported');
  if (count > MAX_ENTRIES) throw notZip(what, `it lists ${count} entries`);

  const names: string[] = [];
  const kept = new Map<string, Uint8Array>();
  let total = 0;
  let p = dirOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw notZip(what, 'its directory is damaged');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    names.push(name);
    if (flags & 1) throw notZip(what, `“${name}” is encrypted`);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) throw notZip(what, `the entry “${name}” is damaged`);
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    // A lying compressed size can only make us read less, never past the file.
    const end = Math.min(bytes.length, start + compressedSize);
    const data = bytes.subarray(start, end);
    const keep = options.keep?.(name) ?? false;
    const parts: Uint8Array[] = [];
    if (method === 0) {
      total += data.length;
      if (total > options.maxInflated) throw tooLarge(subject(what), options.maxInflated);
      if (keep) parts.push(data);
    } else if (method === 8) {
      const inflater = new Inflate((chunk) => {
        total += chunk.length;
        if (total > options.maxInflated) throw new OverCap();
        if (keep) parts.push(chunk);
      });
      try {
        for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
        if (data.length === 0) inflater.push(new Uint8Array(0), true);
      } catch (error) {
        if (error instanceof OverCap) throw tooLarge(subject(what), options.maxInflated);
        throw notZip(what, `the entry “${name}” cannot be unpacked`);
      }
    } else {
      throw notZip(what, `the entry “${name}” uses compression method ${method}, which Word does not write`);
    }
    if (keep) kept.set(name, concat(parts));
  }
  return { names, inflatedBytes: total, kept };
}

/** “X is not a Word document” → “X”, so the size message names the file, not a complaint. */
function subject(what: string): string {
  return what.replace(/ is not .*$/, '');
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
