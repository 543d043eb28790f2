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
      const ok = (gate.limit === undefined || gate.value <= gate.limit) && (gate.atLeast === undefined || gate.value >= gate.atLeast);
      if (!ok) failed++;
      const bound = gate.limit !== undefined ? `≤ ${gate.limit}` : `≥ ${gate.atLeast}`;
      const value = Number.isInteger(gate.value) ? String(gate.value) : gate.value.toFixed(2);
      console.log(
        `  ${ok ? 'ok  ' : 'FAIL'} ${gate.name}: ${value}${gate.unit ? ` ${gate.unit}` : ''} (gate ${bound}${gate.unit ? ` ${gate.unit}` : ''})${gate.detail ? ` — ${gate.detail}` : ''}`,
      );
    }
  }
  console.log(failed === 0 ? '\nAll benchmark gates hold.' : `\n${failed} benchmark gate(s) failed.`);
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
