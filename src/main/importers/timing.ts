// Where an HTML import spends its time: in the libraries Gloss calls (jsdom, Readability,
// DOMPurify) or in Gloss's own work around them. For the benchmark; when no caller asks, a stage
// runs with no clock read at all.
export type LibraryStage = 'parse' | 'readability' | 'sanitise';

/** Milliseconds spent in each library, summed over every import that was given this object. */
export type ImportTimings = Record<LibraryStage, number>;

export const newTimings = (): ImportTimings => ({ parse: 0, readability: 0, sanitise: 0 });

export function timed<T>(timings: ImportTimings | undefined, stage: LibraryStage, work: () => T): T {
  if (!timings) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    timings[stage] += performance.now() - start;
  }
}
