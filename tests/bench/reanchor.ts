// Re-anchoring 2,000 annotations on a 100,000-word document after 2 % random edits, judged against
// the benchmark's own edit model (where each quote's characters went).
import { benchmarkReanchor } from '../unit/anchoring/bench';
import { median } from './stats';
import type { Gate } from './run';

export async function reanchorBench(): Promise<Gate[]> {
  const runs = [1, 2, 3].map((seed) => benchmarkReanchor({ seed: 20240611 + seed }));
  const time = median(runs.map((r) => r.ms));
  const withEdits = median(runs.map((r) => r.msWithEdits));
  const placed = Math.min(...runs.map((r) => r.placedCorrectly));
  const orphaned = Math.min(...runs.map((r) => r.orphanedCorrectly));
  const wrong = Math.max(...runs.map((r) => r.wronglyPlaced));
  const first = runs[0]!;
  console.log(`  ${first.words} words, ${first.annotations} annotations, ${first.edits} edits; statuses ${JSON.stringify(first.statuses)}`);
  return [
    { name: 're-anchor 2,000 annotations after 2 % edits (diffing the texts), median of 3', value: time, unit: 'ms', limit: 300 },
    { name: 're-anchor with the edit list known (edit mode), median of 3', value: withEdits, unit: 'ms', limit: 300 },
    { name: 'placed where their text went (worst of 3)', value: placed * 100, unit: '%', atLeast: 99.5 },
    { name: 'deleted quotes orphaned (worst of 3)', value: orphaned * 100, unit: '%', atLeast: 100 },
    { name: 'placed at wrong text (worst of 3)', value: wrong, unit: '', limit: 0 },
  ];
}
