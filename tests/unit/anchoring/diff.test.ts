// diffTexts: edits that reproduce the new text exactly, compact, surrogate-safe, and fast on book-length texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, diffTexts } from '../../../src/shared/anchoring/diff';
import type { Edit } from '../../../src/shared/anchoring/types';
import { makeDocument } from './bench';
import { rng } from './model';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splits = (text: string, i: number) => i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1));

/** Text from a small alphabet, so that repeats and near-repeats are everywhere. */
const texts = fc.array(fc.constantFrom('a', 'b', 'ab', 'the', ' ', ' ', '.', '\n\n', 'é', '𝐀', '🎉', 'word'), { maxLength: 60 }).map((parts) => parts.join(''));

function checkWellFormed(oldText: string, newText: string, edits: Edit[]): void {
  expect(applyEdits(oldText, edits)).toBe(newText);
  let newAt = 0;
  let oldAt = 0;
  edits.forEach((e, i) => {
    expect(e.start).toBeLessThanOrEqual(e.end);
    expect(e.start > e.end || (e.start === e.end && e.text === '')).toBe(false);
    if (i > 0) expect(e.start).toBeGreaterThan(edits[i - 1]!.end); // sorted, never touching
    newAt += e.start - oldAt;
    expect(splits(oldText, e.start) || splits(oldText, e.end)).toBe(false);
    expect(splits(newText, newAt) || splits(newText, newAt + e.text.length)).toBe(false);
    newAt += e.text.length;
    oldAt = e.end;
  });
}

describe('diffTexts', () => {
  it('returns edits that turn the old text into the new, sorted, apart, and never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(texts, texts, (a, b) => checkWellFormed(a, b, diffTexts(a, b))),
      { numRuns: 500 },
    );
  });

  it('stays correct when the new text is the old one with a few changes', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.tuple(fc.nat(), fc.nat(4), texts), { maxLength: 5 }), (a, changes) => {
        let b = a;
        for (const [at, cut, insert] of changes) {
          // Whole characters only: the texts stay well-formed.
          const chars = Array.from(b);
          const p = at % (chars.length + 1);
          b = chars.slice(0, p).join('') + Array.from(insert).slice(0, 6).join('') + chars.slice(p + cut).join('');
        }
        checkWellFormed(a, b, diffTexts(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('reports a fixed typo as the one character that changed', () => {
    expect(diffTexts('The committee recieved the report.', 'The committee received the report.')).toEqual([{ start: 17, end: 19, text: 'ei' }]);
    expect(diffTexts('same', 'same')).toEqual([]);
    expect(diffTexts('', 'new')).toEqual([{ start: 0, end: 0, text: 'new' }]);
  });

  it('keeps a replaced sentence as one edit rather than scraps around shared spaces and words', () => {
    const a = 'Intro. The council met on Monday and the mayor spoke. Outro.';
    const b = 'Intro. A storm hit the coast and the roads were closed. Outro.';
    const edits = diffTexts(a, b);
    checkWellFormed(a, b, edits);
    expect(edits.length).toBeLessThanOrEqual(3);
  });

  it('diffs a 100,000-word text with 2% scattered edits quickly and compactly', () => {
    const random = rng(7);
    const a = makeDocument(random, 100_000);
    const planted: Edit[] = [];
    for (let at = 0; at < a.length; at += Math.floor(a.length / 2000)) {
      const p = at + Math.floor(random() * 50);
      if (p + 1 < a.length) planted.push({ start: p, end: p + 1, text: 'Q' });
    }
    const b = applyEdits(a, planted);
    diffTexts(a.slice(0, 20_000), b.slice(0, 20_000)); // warm up
    const t = performance.now();
    const edits = diffTexts(a, b);
    const ms = performance.now() - t;
    expect(applyEdits(a, edits)).toBe(b);
    expect(edits.length).toBeLessThanOrEqual(planted.length);
    // The target is well under 100 ms; the bound leaves room for a loaded CI machine.
    expect(ms).toBeLessThan(500);
  });

  it('stays bounded on texts with nothing in common', () => {
    const a = makeDocument(rng(1), 30_000);
    const b = makeDocument(rng(2), 30_000);
    const t = performance.now();
    const edits = diffTexts(a, b);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(applyEdits(a, edits)).toBe(b);
  });
});
