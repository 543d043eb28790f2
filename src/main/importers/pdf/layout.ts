// Rebuilds the lines of one PDF page from pdf.js text items, in reading order: columns separated
// by a clear gutter are read one after the other instead of interleaved line by line.

/** The fields of a pdf.js TextItem we use. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface Line {
  text: string;
  x: number;
  right: number;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
  size: number;
  /** 0 for single-column text and for lines spanning columns, 1 left column, 2 right column. */
  column: number;
}

interface Fragment {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

const BUCKET = 2;

export function pageLines(items: readonly TextItemLike[]): Line[] {
  const fragments: Fragment[] = [];
  for (const item of items) {
    if (item.str.trim() === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
    fragments.push({ text: item.str, x, right: x + Math.max(0, item.width), y, size });
  }
  if (fragments.length === 0) return [];

  const gutter = findGutter(fragments);
  if (gutter === null) return groupLines(fragments, 0);

  // Lines crossing the gutter (titles, full-width figures' captions) cut the page into bands;
  // within each band the left column is read before the right one.
  const spanning = groupLines(
    fragments.filter((f) => f.x < gutter && f.right > gutter),
    0,
  );
  const bandOf = (y: number): number => spanning.filter((line) => line.y > y).length;
  const out: Line[] = [];
  for (let band = 0; band <= spanning.length; band++) {
    const inBand = fragments.filter((f) => !(f.x < gutter && f.right > gutter) && bandOf(f.y) === band);
    out.push(
      ...groupLines(
        inBand.filter((f) => f.right <= gutter),
        1,
      ),
      ...groupLines(
        inBand.filter((f) => f.x >= gutter),
        2,
      ),
    );
    if (band < spanning.length) out.push(spanning[band]!);
  }
  return out;
}

/**
 * Finds a vertical gutter: the widest strip in the middle of the text that (almost) no fragment
 * crosses, with text on both sides at the same heights on at least three lines.
 */
function findGutter(fragments: readonly Fragment[]): number | null {
  const minX = Math.min(...fragments.map((f) => f.x));
  const maxX = Math.max(...fragments.map((f) => f.right));
  const span = maxX - minX;
  if (span < 200) return null;
  const lo = minX + span * 0.25;
  const count = Math.ceil((span * 0.5) / BUCKET);
  const coverage = new Array<number>(count).fill(0);
  for (const f of fragments) {
    const from = Math.max(0, Math.floor((f.x - lo) / BUCKET));
    const to = Math.min(count - 1, Math.floor((f.right - lo) / BUCKET));
    for (let i = from; i <= to; i++) coverage[i]!++;
  }
  const allowed = Math.max(1, Math.floor(fragments.length * 0.05));
  let best: [number, number] | null = null;
  for (let i = 0; i < count;) {
    if (coverage[i]! > allowed) {
      i++;
      continue;
    }
    let j = i;
    while (j < count && coverage[j]! <= allowed) j++;
    if (best === null || j - i > best[1] - best[0]) best = [i, j];
    i = j;
  }
  if (best === null || (best[1] - best[0]) * BUCKET < 8) return null;
  const gutter = lo + ((best[0] + best[1]) / 2) * BUCKET;
  const leftRows = new Set(fragments.filter((f) => f.right <= gutter).map((f) => Math.round(f.y)));
  const bothSides = new Set(fragments.filter((f) => f.x >= gutter && leftRows.has(Math.round(f.y))).map((f) => Math.round(f.y)));
  return bothSides.size >= 3 ? gutter : null;
}

/** Clusters fragments into lines by baseline, top to bottom, and joins each line left to right. */
function groupLines(fragments: readonly Fragment[], column: number): Line[] {
  const sorted = [...fragments].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Fragment[][] = [];
  for (const fragment of sorted) {
    const current = groups.at(-1);
    const anchor = current?.[0];
    if (current && anchor && Math.abs(anchor.y - fragment.y) <= 0.4 * Math.max(anchor.size, fragment.size)) current.push(fragment);
    else groups.push([fragment]);
  }
  return groups.map((group) => joinLine(group, column));
}

function joinLine(group: Fragment[], column: number): Line {
  group.sort((p, q) => p.x - q.x);
  let text = '';
  let previous: Fragment | null = null;
  for (const fragment of group) {
    if (previous !== null) {
      // A gap wider than a fifth of the type size is a word space the PDF did not spell out.
      const gap = fragment.x - previous.right;
      if (gap > 0.2 * Math.min(previous.size, fragment.size) && !/\s$/.test(text) && !/^\s/.test(fragment.text)) text += ' ';
    }
    text += fragment.text;
    previous = fragment;
  }
  // The dominant size is that of the longest fragment, so a drop cap or superscript does not count.
  const main = group.reduce((p, q) => (q.text.length > p.text.length ? q : p));
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x: group[0]!.x,
    right: Math.max(...group.map((f) => f.right)),
    y: main.y,
    size: Math.round(main.size * 2) / 2,
    column,
  };
}
