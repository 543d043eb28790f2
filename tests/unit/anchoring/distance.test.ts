// The edit-distance pieces checked against a plain Levenshtein: banded distance, bit-parallel patterns, approximate search.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance, CompiledPattern } from '../../../src/shared/anchoring/distance';
import { approximateMatches } from '../../../src/shared/anchoring/fuzzy';
import { levenshtein } from './model';

const strings = (max: number) => fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'é', '🎉'), { maxLength: max }).map((p) => p.join(''));

describe('edit distances', () => {
  it('boundedDistance is Levenshtein distance, or max + 1 beyond max', () => {
    fc.assert(
      fc.property(strings(20), strings(20), fc.nat(25), (a, b, max) => {
        const d = levenshtein(a, b);
        expect(boundedDistance(a, b, max)).toBe(d <= max ? d : max + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('the bit-parallel pattern agrees with Levenshtein distance', () => {
    fc.assert(
      fc.property(strings(16), strings(30), (a, b) => {
        const pattern = new CompiledPattern(a.slice(0, 32));
        expect(pattern.distance(`xx${b}yy`, 2, 2 + b.length)).toBe(levenshtein(a.slice(0, 32), b));
      }),
      { numRuns: 1000 },
    );
  });

  it('approximate matching finds every best match, each within k and true to its errors', () => {
    fc.assert(
      fc.property(
        strings(12).filter((p) => p.length > 0),
        strings(40),
        fc.nat(3),
        (pattern, text, budget) => {
          const k = Math.min(budget, pattern.length - 1);
          const matches = approximateMatches(text, 0, text.length, pattern, k);
          for (const m of matches) {
            expect(m.errors).toBeLessThanOrEqual(k);
            expect(levenshtein(pattern, text.slice(m.start, m.end))).toBe(m.errors);
          }
          // The best substring anywhere is found.
          let best = Infinity;
          for (let i = 0; i < text.length; i++) for (let j = i + 1; j <= text.length; j++) best = Math.min(best, levenshtein(pattern, text.slice(i, j)));
          if (best <= k) expect(Math.min(...matches.map((m) => m.errors))).toBe(best);
          else expect(matches).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
