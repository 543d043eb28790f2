import { describe, expect, it } from 'vitest';
import { GlossError } from '../../../src/shared/errors';
import { decodeBytes, scanUtf8 } from '../../../src/main/importers/html/charset';
import { importText } from '../../../src/main/importers/text';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const utf16 = (text: string, endian: 'le' | 'be', bom = true) => {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
};
const texts = (imported: { blocks: { text: string }[] }) => imported.blocks.map((b) => b.text);

function thrown(fn: () => unknown): GlossError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError);
    return error as GlossError;
  }
  throw new Error('expected a GlossError');
}

describe('importText', () => {
  it('reads UTF-8 without warnings and splits paragraphs at blank lines', () => {
    const result = importText({ name: 'notes.txt', bytes: utf8('Café “quoted” €3 million\r\nsame paragraph\r\n\r\nSecond — 東京') });
    expect(result.format).toBe('text');
    expect(texts(result)).toEqual(['Café “quoted” €3 million\nsame paragraph', 'Second — 東京']);
    expect(result.warnings).toEqual([]);
  });

  it('honours a UTF-8 byte-order mark and drops it', () => {
    const result = importText({ name: 'bom.txt', bytes: bytes([0xef, 0xbb, 0xbf], utf8('Über\n\nzwei')) });
    expect(texts(result)).toEqual(['Über', 'zwei']);
    expect(result.warnings).toEqual([]);
  });

  it('decodes UTF-16 with either byte-order mark', () => {
    expect(texts(importText({ name: 'le.txt', bytes: utf16('Naïve “text”\n\nTwo', 'le') }))).toEqual(['Naïve “text”', 'Two']);
    expect(texts(importText({ name: 'be.txt', bytes: utf16('Naïve “text”\n\nTwo', 'be') }))).toEqual(['Naïve “text”', 'Two']);
  });

  it('recognises UTF-16 without a byte-order mark and says so', () => {
    const result = importText({ name: 'nobom.txt', bytes: utf16('Plain words in UTF-16 little endian', 'le', false) });
    expect(texts(result)).toEqual(['Plain words in UTF-16 little endian']);
    expect(result.warnings.join(' ')).toMatch(/UTF-16LE/);
  });

  it('reports invalid UTF-8 and replaces each bad sequence with U+FFFD', () => {
    const result = importText({ name: 'damaged.txt', bytes: bytes(utf8('Première ligne\n\nDeuxième '), [0xff], utf8(' fin – ok'), [0xc3]) });
    expect(texts(result)).toEqual(['Première ligne', 'Deuxième \uFFFD fin – ok\uFFFD']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/2 invalid byte sequences \(first on line 3\)/);
  });

  it('detects Windows-1252 (smart quotes, euro sign, accents) and warns', () => {
    // “Café” costs €5 – in Windows-1252.
    const legacy = Uint8Array.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x63, 0x6f, 0x73, 0x74, 0x73, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x6f, 0x6b]);
    const result = importText({ name: 'old.txt', bytes: legacy });
    expect(texts(result)).toEqual(['“Café” costs €5 – ok']);
    expect(result.warnings.join(' ')).toMatch(/Windows-1252/);
  });

  it('uses a charset declared in the media type', () => {
    const result = importText({ name: 'x.txt', mediaType: 'text/plain; charset=ISO-8859-1', bytes: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]) });
    expect(texts(result)).toEqual(['café']);
    expect(result.warnings).toEqual([]);
  });

  it('imports Markdown by extension or media type, keeping structure', () => {
    const md = '# Title\n\nSome *text*.\n\n- one\n  - two\n\n> quoted';
    for (const source of [
      { name: 'report.md', bytes: utf8(md) },
      { name: 'report', mediaType: 'text/markdown; charset=utf-8', bytes: utf8(md) },
    ]) {
      const result = importText(source);
      expect(result.format).toBe('markdown');
      expect(result.blocks).toEqual([
        { type: 'heading', level: 1, text: 'Title' },
        { type: 'paragraph', text: 'Some text.' },
        { type: 'list-item', level: 1, ordered: false, text: 'one' },
        { type: 'list-item', level: 2, ordered: false, text: 'two' },
        { type: 'quote', text: 'quoted' },
      ]);
    }
  });

  it('refuses empty and whitespace-only files as a validation error', () => {
    for (const content of [new Uint8Array(), utf8('   \n\t\r\n  '), bytes([0xef, 0xbb, 0xbf], utf8('\n\u00a0\n'))]) {
      const error = thrown(() => importText({ name: 'blank.txt', bytes: content }));
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/“blank\.txt” is empty or holds only white space/);
    }
  });

  it('refuses binary files as unsupported, naming known formats', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(thrown(() => importText({ name: 'blob.bin', bytes: random })).code).toBe('unsupported');
    const nul = bytes(utf8('looks like text'), [0, 0, 0], utf8('but is not'));
    const nulError = thrown(() => importText({ name: 'nul.txt', bytes: nul }));
    expect(nulError.code).toBe('unsupported');
    expect(nulError.message).toMatch(/not a text file \(it contains NUL bytes\)/);
    const controls = utf8('a\u0001b\u0002c\u0003d\u0004e\u0005f\u0006g\u0007h\u0008');
    expect(thrown(() => importText({ name: 'ctl.txt', bytes: controls })).message).toMatch(/control characters/);
    const pdf = thrown(() => importText({ name: 'paper.txt', bytes: utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj') }));
    expect(pdf.code).toBe('unsupported');
    expect(pdf.message).toMatch(/is a PDF/);
  });
});

describe('charset helpers', () => {
  it('counts well-formed and ill-formed UTF-8 sequences like TextDecoder', () => {
    expect(scanUtf8(utf8('aé€😀'))).toEqual({ multibyte: 3, invalid: 0, firstInvalidOffset: -1 });
    // Overlong encoding, a surrogate, and a lone continuation byte.
    const bad = Uint8Array.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80]);
    const decoded = new TextDecoder().decode(bad);
    expect(scanUtf8(bad).invalid).toBe([...decoded].filter((c) => c === '\uFFFD').length);
  });

  it('prefers the BOM over a declared charset', () => {
    const decoded = decodeBytes(bytes([0xef, 0xbb, 0xbf], utf8('é')), { declared: 'windows-1252' });
    expect(decoded).toMatchObject({ text: 'é', encoding: 'utf-8', source: 'bom' });
  });

  it('ignores an unknown declared charset with a warning', () => {
    const decoded = decodeBytes(utf8('plain'), { declared: 'x-klingon' });
    expect(decoded.text).toBe('plain');
    expect(decoded.warnings.join(' ')).toMatch(/x-klingon/);
  });
});
