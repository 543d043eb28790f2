// `npm run bench`: every benchmark in one run, printing medians and ratios beside their gates.
// Ratios against a baseline measured in the same run are the gates; absolute times are reported
// beside them, since they mean little on a shared 2-core machine. Exits 1 if a gate fails.
import { pdfBench } from '../fixtures/make/pdf-bench';
import { readerBench } from './reader';
import { exportBench } from './export';
import { importHtmlBench } from './import-html';
import { reanchorBench } from './reanchor';

export interface Gate {
  name: string;
  value: number;
  unit: string;
  /** The value must be at most this. */
  limit?: number;
  /** The value must be at least this. */
  atLeast?: number;
  /** Reported, not a gate: an absolute time the ratio gates stand in for (shown met or not met). */
  target?: number;
  /** Shown beside the value, e.g. the absolute times behind a ratio. */
  detail?: string;
}

const SECTIONS: [string, () => Promise<Gate[]>][] = [
  ['Re-anchoring (issue: highlight claims)', reanchorBench],
  ['PDF import (issue: import real documents)', () => pdfBench()],
  ['HTML import, 1,000 news pages (issue: import real documents)', () => importHtmlBench()],
  ['Reader in Chromium (issue: highlight claims)', readerBench],
  ['Export (issue: export annotated bibliographies)', () => exportBench()],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failed = 0;
  for (const [title, bench] of SECTIONS) {
    if (only.length > 0 && !only.some((word) => title.toLowerCase().includes(word.toLowerCase()))) continue;
    console.log(`\n${title}`);
    for (const gate of await bench()) {
      const value = Number.isInteger(gate.value) ? String(gate.value) : gate.value.toFixed(2);
      const unit = gate.unit ? ` ${gate.unit}` : '';
      const detail = gate.detail ? ` — ${gate.detail}` : '';
      if (gate.target !== undefined) {
        const met = gate.value <= gate.target;
        console.log(`  note ${gate.name}: ${value}${unit} (target ≤ ${gate.target}${unit}, ${met ? 'met' : 'not met'}; reported, not a gate)${detail}`);
        continue;
      }
      const ok = (gate.limit === undefined || gate.value <= gate.limit) && (gate.atLeast === undefined || gate.value >= gate.atLeast);
      if (!ok) failed++;
      const bound = gate.limit !== undefined ? `≤ ${gate.limit}` : `≥ ${gate.atLeast}`;
      console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${gate.name}: ${value}${unit} (gate ${bound}${unit})${detail}`);
    }
  }
  console.log(failed === 0 ? '\nAll benchmark gates hold.' : `\n${failed} benchmark gate(s) failed.`);
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
