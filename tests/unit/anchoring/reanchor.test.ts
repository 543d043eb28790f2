// Written cases of re-anchoring: typos, insertions, deletions, duplicates, look-alike figures, moves, non-BMP text, re-import.
import { describe, expect, it } from 'vitest';
import { applyEdits, diffTexts, quoteSelectorAt, reanchor } from '../../../src/shared/anchoring';
import type { AnchorInput, AnchorResult, Edit } from '../../../src/shared/anchoring/types';

/** An annotation on the first occurrence of `exact` (after `after`), with selectors as the store makes them. */
function annotate(text: string, exact: string, after = 0, id = 'a'): AnchorInput {
  const start = text.indexOf(exact, after);
  if (start < 0) throw new Error(`no "${exact}" in the text`);
  const end = start + exact.length;
  return { id, start, end, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

/** Re-anchors once with the edits and once letting the engine diff, and expects the same answer. */
function both(oldText: string, edits: Edit[], annotations: AnchorInput[]): { newText: string; results: AnchorResult[] } {
  const newText = applyEdits(oldText, edits);
  const results = reanchor(oldText, newText, annotations, edits);
  expect(reanchor(oldText, newText, annotations)).toEqual(results);
  return { newText, results };
}

function expectPlacedOn(newText: string, result: AnchorResult | undefined, status: AnchorResult['status'], exact: string): void {
  expect(result?.status).toBe(status);
  expect(result?.exact).toBe(exact);
  expect(newText.slice(result!.start, result!.end)).toBe(exact);
  expect({ prefix: result!.prefix, suffix: result!.suffix }).toEqual({
    prefix: quoteSelectorAt(newText, result!.start, result!.end).prefix,
    suffix: quoteSelectorAt(newText, result!.start, result!.end).suffix,
  });
}

const REPORT = [
  'Labour market report 2021',
  'The repport was published in March. The committee found that wages rose by 3% in most sectors, while the governmnet announced new measures for young workers.',
  'According to the ILO, unemployment fell in the second half of the year. Exports were worth US$32 billion last year, officials said.',
  'Imports were worth US$33 billion last year, officials said. The ILO expects the trend to continue.',
].join('\n\n');

describe('reanchor: written cases', () => {
  it('keeps a quote anchored, shifted, when a typo before it is fixed', () => {
    const a = annotate(REPORT, 'wages rose by 3%');
    const at = REPORT.indexOf('repport');
    const { newText, results } = both(REPORT, [{ start: at, end: at + 7, text: 'report' }], [a]);
    expectPlacedOn(newText, results[0], 'anchored', 'wages rose by 3%');
    expect(results[0]!.start).toBe(a.start - 1);
  });

  it('follows a typo fixed inside a quote as a fuzzy match and updates the quote', () => {
    const a = annotate(REPORT, 'the governmnet announced new measures');
    const at = REPORT.indexOf('governmnet');
    const { newText, results } = both(REPORT, [{ start: at, end: at + 10, text: 'government' }], [a]);
    expectPlacedOn(newText, results[0], 'fuzzy', 'the government announced new measures');
    expect(results[0]!.start).toBe(a.start);
  });

  it('keeps quotes anchored when a paragraph is inserted before them', () => {
    const annotations = [annotate(REPORT, 'wages rose by 3%', 0, 'w'), annotate(REPORT, 'ILO', 0, 'i'), annotate(REPORT, 'Labour market', 0, 'l')];
    const at = REPORT.indexOf('The repport');
    const paragraph = 'Summary: a short paragraph added by the editor.\n\n';
    const { newText, results } = both(REPORT, [{ start: at, end: at, text: paragraph }], annotations);
    for (const [i, a] of annotations.entries()) {
      expectPlacedOn(newText, results[i], 'anchored', a.exact);
      expect(results[i]!.start).toBe(a.start + (a.start >= at ? paragraph.length : 0));
    }
  });

  it('orphans a quote whose text was deleted, keeping its old selectors', () => {
    const a = annotate(REPORT, 'unemployment fell in the second half of the year');
    const at = REPORT.indexOf('According to');
    const end = REPORT.indexOf('Exports');
    const { results } = both(REPORT, [{ start: at, end, text: '' }], [a]);
    expect(results[0]).toEqual({ ...a, status: 'orphaned' });
  });

  it('does not attach a deleted quote to a copy of its text elsewhere whose context differs', () => {
    const text = [
      'First the finance department met. The committee approved the budget. Then everyone went home early.',
      'Much later, in a separate session about roads: The committee approved the budget. Nobody objected to it.',
    ].join('\n\n');
    const a = annotate(text, 'The committee approved the budget.');
    const at = text.indexOf('The committee');
    const { results } = both(text, [{ start: at, end: at + 'The committee approved the budget. '.length, text: '' }], [a]);
    expect(results[0]!.status).toBe('orphaned');
  });

  it('moves a quote to a copy of its passage when the copy has the same context', () => {
    const boilerplate = 'Disclaimer: the views expressed here are those of the authors and not of the organisation.';
    const text = `Intro paragraph.\n\n${boilerplate}\n\nMiddle paragraph with findings.\n\n${boilerplate}\n\nEnd.`;
    const a = annotate(text, 'those of the authors');
    const at = text.indexOf(boilerplate);
    const { newText, results } = both(text, [{ start: at, end: at + boilerplate.length + 2, text: '' }], [a]);
    expectPlacedOn(newText, results[0], 'moved', 'those of the authors');
    expect(results[0]!.start).toBe(newText.lastIndexOf('those of the authors'));
  });

  it('never re-attaches a deleted figure to a look-alike figure elsewhere', () => {
    const a = annotate(REPORT, 'US$32 billion');
    const at = REPORT.indexOf('Exports');
    const end = REPORT.indexOf('officials said.') + 'officials said.'.length;
    const { results } = both(REPORT, [{ start: at - 1, end, text: '' }], [a]);
    expect(results[0]!.status).toBe('orphaned');
  });

  it('never re-attaches a deleted figure to a look-alike right next to it', () => {
    const text = 'In the first quarter revenue reached US$32 billion and in the second US$33 billion, the firm said.';
    const a = annotate(text, 'US$32 billion');
    const at = text.indexOf('US$32 billion');
    const { results } = both(text, [{ start: at, end: at + 'US$32 billion and in the second '.length, text: '' }], [a]);
    expect(results[0]!.status).toBe('orphaned');
  });

  it('follows a figure corrected in place, since the edit says it is the same text revised', () => {
    const a = annotate(REPORT, 'Exports were worth US$32 billion');
    const at = REPORT.indexOf('US$32');
    const { newText, results } = both(REPORT, [{ start: at + 3, end: at + 5, text: '33' }], [a]);
    expectPlacedOn(newText, results[0], 'fuzzy', 'Exports were worth US$33 billion');
  });

  it('keeps a short quote ("ILO") attached when its paragraph moves, and orphans it when the paragraph goes', () => {
    const paragraphs = REPORT.split('\n\n');
    const a = annotate(REPORT, 'ILO'); // in the third paragraph: "According to the ILO, …"
    const moved = [paragraphs[0], paragraphs[2], paragraphs[1], paragraphs[3]].join('\n\n');
    const [result] = reanchor(REPORT, moved, [a]);
    expect(result!.status).toBe('moved');
    expect(result!.start).toBe(moved.indexOf('the ILO, unemployment') + 4);
    expect(result!.exact).toBe('ILO');

    const gone = [paragraphs[0], paragraphs[1], paragraphs[3]].join('\n\n');
    // Another "ILO" remains in the last paragraph, but in other words.
    expect(reanchor(REPORT, gone, [a])[0]!.status).toBe('orphaned');
  });

  it('counts positions in UTF-16 units when characters outside the BMP come before the quote', () => {
    const text = 'Results 📈 are in. The rate was 4.5% in 𝐀-grade schools.';
    const a = annotate(text, 'The rate was 4.5%');
    const { newText, results } = both(text, [{ start: 0, end: 0, text: '🎉🎉 𝐁 ' }], [a]);
    expectPlacedOn(newText, results[0], 'anchored', 'The rate was 4.5%');
    expect(results[0]!.start).toBe(a.start + '🎉🎉 𝐁 '.length);

    // A typo fixed inside a quote that holds a non-BMP character.
    const b = annotate(text, 'in 𝐀-grade schools');
    const at = text.indexOf('schools');
    const fixed = both(text, [{ start: at, end: at + 7, text: 'schoolz' }], [b]);
    expectPlacedOn(fixed.newText, fixed.results[0], 'fuzzy', 'in 𝐀-grade schoolz');
  });

  it('re-anchors every annotation when the whole document is re-imported with small changes', () => {
    const annotations = [
      annotate(REPORT, 'wages rose by 3% in most sectors', 0, 'w'),
      annotate(REPORT, 'the governmnet announced new measures', 0, 'g'),
      annotate(REPORT, 'unemployment fell', 0, 'u'),
      annotate(REPORT, 'The ILO expects the trend to continue', 0, 'e'),
    ];
    const reimported = REPORT.replace('repport', 'report')
      .replace('governmnet', 'government')
      .replace('Labour market report 2021', 'Labour Market Report 2021 (revised)')
      .replace('officials said. The', 'officials said.\n\nThe');
    const results = reanchor(REPORT, reimported, annotations);
    expect(results.map((r) => r.status)).toEqual(['anchored', 'fuzzy', 'anchored', 'anchored']);
    expect(results.map((r) => r.exact)).toEqual([
      'wages rose by 3% in most sectors',
      'the government announced new measures',
      'unemployment fell',
      'The ILO expects the trend to continue',
    ]);
    for (const r of results) expect(reimported.slice(r.start, r.end)).toBe(r.exact);
  });

  it('narrows an edit that reports a whole paragraph replaced to what really changed', () => {
    const a = annotate(REPORT, 'wages rose by 3%');
    const start = REPORT.indexOf('The repport');
    const end = REPORT.indexOf('young workers.') + 'young workers.'.length;
    const paragraph = REPORT.slice(start, end).replace('repport', 'report');
    const [result] = reanchor(REPORT, applyEdits(REPORT, [{ start, end, text: paragraph }]), [a], [{ start, end, text: paragraph }]);
    expect(result).toMatchObject({ status: 'anchored', start: a.start - 1, exact: a.exact });
  });

  it('ignores edits that do not describe the revision and diffs instead', () => {
    const a = annotate(REPORT, 'wages rose by 3%');
    const newText = REPORT.replace('repport', 'report');
    const [result] = reanchor(REPORT, newText, [a], [{ start: 0, end: 5, text: 'nonsense' }]);
    expect(result).toMatchObject({ status: 'anchored', start: a.start - 1 });
  });

  it('re-attaches an orphan when its text comes back, and only where its context matches', () => {
    const a = annotate(REPORT, 'unemployment fell in the second half of the year');
    const at = REPORT.indexOf('According to');
    const end = REPORT.indexOf('Exports');
    const without = applyEdits(REPORT, [{ start: at, end, text: '' }]);
    const [orphan] = reanchor(REPORT, without, [a]);
    expect(orphan!.status).toBe('orphaned');
    // The user undoes the deletion: the orphan's old position no longer fits the text it is
    // re-anchored from, so only its quote and context can bring it back.
    const [back] = reanchor(without, REPORT, [orphan!]);
    expect(back).toMatchObject({ status: 'moved', start: a.start, end: a.end, exact: a.exact });
  });

  it('returns a result per annotation, in order, with only the selector fields', () => {
    const annotations = [annotate(REPORT, 'ILO', 0, 'x'), { ...annotate(REPORT, 'wages', 0, 'y'), note: 'extra field' } as AnchorInput];
    const results = reanchor(REPORT, REPORT, annotations);
    expect(results.map((r) => r.id)).toEqual(['x', 'y']);
    expect(Object.keys(results[1]!).sort()).toEqual(['end', 'exact', 'id', 'prefix', 'start', 'status', 'suffix']);
    expect(diffTexts(REPORT, REPORT)).toEqual([]);
  });
});

describe('quoteSelectorAt', () => {
  it('takes up to 32 characters of context on each side, as the store does', () => {
    const text = 'x'.repeat(40) + 'QUOTE' + 'y'.repeat(40);
    expect(quoteSelectorAt(text, 40, 45)).toEqual({ exact: 'QUOTE', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) });
    expect(quoteSelectorAt('ab', 0, 1, 5)).toEqual({ exact: 'a', prefix: '', suffix: 'b' });
  });

  it('shortens the context rather than split a surrogate pair', () => {
    const text = '🎉'.repeat(20) + 'xQy' + '🎉'.repeat(20);
    const { exact, prefix, suffix } = quoteSelectorAt(text, 41, 42);
    expect(exact).toBe('Q');
    expect(prefix).toBe('🎉'.repeat(15) + 'x');
    expect(suffix).toBe('y' + '🎉'.repeat(15));
  });
});
