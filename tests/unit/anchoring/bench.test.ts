// Quick run of the re-anchoring benchmark on a 20,000-word document, so the suite guards its accuracy gates.
import { describe, expect, it } from 'vitest';
import { benchmarkReanchor } from './bench';

describe('re-anchoring benchmark, small', () => {
  it('places a 20,000-word document’s annotations after 2% edits: none wrongly, at least 99.5% correctly, every deleted one orphaned', () => {
    const result = benchmarkReanchor({ words: 20_000, annotations: 1000 });
    expect(result.wronglyPlaced).toBe(0);
    expect(result.placedCorrectly).toBeGreaterThanOrEqual(0.995);
    expect(result.orphanedCorrectly).toBe(1);
  });

  it('still places none wrongly when a tenth of the words are edited', () => {
    const result = benchmarkReanchor({ words: 20_000, annotations: 1000, editRate: 0.1, seed: 7 });
    expect(result.wronglyPlaced).toBe(0);
    expect(result.orphanedCorrectly).toBe(1);
  });
});
