import { describe, expect, it } from 'vitest';
import { assemble, checkCanonical, countWords, normalizeText, plainTextBlocks } from '../../../src/shared/canonical';

describe('canonical text', () => {
  it('normalises to NFC and \\n line endings and drops a byte-order mark', () => {
    const decomposed = '\uFEFFCafe\u0301 au lait\r\nsecond line\rthird';
    expect(normalizeText(decomposed)).toBe('Café au lait\nsecond line\nthird');
    expect(normalizeText(decomposed).normalize('NFC')).toBe(normalizeText(decomposed));
  });

  it('separates blocks by exactly one blank line and records their ranges', () => {
    const { text, blocks } = assemble([
      { type: 'heading', level: 1, text: '  Report  ' },
      { type: 'paragraph', text: 'First paragraph\n\n\nstill first' },
      { type: 'paragraph', text: '   ' },
      { type: 'paragraph', text: 'Second.' },
    ]);
    expect(text).toBe('Report\n\nFirst paragraph\nstill first\n\nSecond.');
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['Report', 'First paragraph\nstill first', 'Second.']);
    expect(checkCanonical(text, blocks)).toBeNull();
  });

  it('counts offsets in UTF-16 code units, so characters outside the BMP take two', () => {
    const { text, blocks } = assemble([
      { type: 'paragraph', text: '𝐀 emoji 🎉 here' },
      { type: 'paragraph', text: 'after' },
    ]);
    expect(text.indexOf('after')).toBe(blocks[1]!.start);
    expect(blocks[0]!.end).toBe('𝐀 emoji 🎉 here'.length);
    expect('𝐀 emoji 🎉 here'.length).toBe(16);
    expect(text.slice(blocks[1]!.start, blocks[1]!.end)).toBe('after');
  });

  it('splits plain text at blank lines, or at every line when there is none', () => {
    expect(plainTextBlocks('a\nb\n\nc').map((b) => b.text)).toEqual(['a\nb', 'c']);
    expect(plainTextBlocks('one\ntwo\nthree').map((b) => b.text)).toEqual(['one', 'two', 'three']);
  });

  it('reports text that breaks the invariants', () => {
    expect(checkCanonical('a\r\nb', [{ type: 'paragraph', start: 0, end: 4 }])).toMatch(/carriage/);
    expect(checkCanonical('Cafe\u0301', [{ type: 'paragraph', start: 0, end: 5 }])).toMatch(/NFC/);
    expect(checkCanonical('a\n\nb', [{ type: 'paragraph', start: 0, end: 4 }])).toMatch(/blank line/);
  });

  it('counts words in scripts without spaces', () => {
    expect(countWords('The ILO estimates US$32 billion')).toBe(6);
    expect(countWords('การค้ามนุษย์เป็นอาชญากรรม')).toBeGreaterThan(2);
  });
});
