// Property-based test of the editor side of annotating: random sequences of typing, deleting,
// highlighting, unhighlighting and undo run against the reader's real Lexical tree, marks and
// undo stack, and are checked against an independent model of plain offsets. After every
// sequence the tree is saved and rebuilt from what was saved, and must show the same text and
// the same highlight ranges; no annotation ever disappears except by being deleted.
import fc from 'fast-check';
import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/canonical';
import { $buildDocument } from '../reader/build';
import { $addMark, $readMarkRanges, $removeMark } from '../reader/marks';
import { readerEditor } from '../reader/headless';
import { OffsetIndex, type Range } from '../reader/offsets';
import { UndoStack } from './undo';

/** The independent model: a string and ranges, shifted by the rules a reader should follow. */
class Model {
  ranges = new Map<string, Range>();
  constructor(public text: string) {}

  insert(at: number, s: string): void {
    for (const range of this.ranges.values()) {
      // Edges are where the highlighted characters are, not the block breaks around them.
      while (range.start < range.end && this.text[range.start] === '\n') range.start++;
      while (range.end > range.start && this.text[range.end - 1] === '\n') range.end--;
    }
    this.text = this.text.slice(0, at) + s + this.text.slice(at);
    for (const range of this.ranges.values()) {
      // Typing inside a highlight extends it; typing at either edge stays outside it.
      if (at <= range.start) {
        range.start += s.length;
        range.end += s.length;
      } else if (at < range.end) {
        range.end += s.length;
      }
    }
  }

  delete(from: number, to: number): void {
    this.text = this.text.slice(0, from) + this.text.slice(to);
    const map = (x: number) => (x <= from ? x : x >= to ? x - (to - from) : from);
    for (const range of this.ranges.values()) {
      range.start = map(range.start);
      range.end = map(range.end);
    }
  }

  /**
   * Where each highlight shows: marks cover characters, never block breaks, so a range that now
   * begins or ends on a break shows from its first to its last character. Highlights whose text
   * is gone are kept (the library lists them as orphans) but show nowhere.
   */
  visible(): Record<string, [number, number]> {
    const out: Record<string, [number, number]> = {};
    for (const [id, range] of this.ranges) {
      let { start, end } = range;
      while (start < end && this.text[start] === '\n') start++;
      while (end > start && this.text[end - 1] === '\n') end--;
      if (end > start) out[id] = [start, end];
    }
    return out;
  }
}

const PARAGRAPHS = ['Workers sent home 410 million a year.', 'The union counted more than 1,200 members.', 'Rates rose by 9 percent.'];

/**
 * Places a caret can be on: beside a character of text. Between blocks, and in a block emptied by
 * deleting, there is no text node to hold one, so the reader's caret goes to the nearest text.
 */
const isText = (c: string | undefined) => c !== undefined && c !== '\n';
const caretable = (text: string, at: number) => isText(text[at - 1]) || isText(text[at]);

function snap(text: string, r: number, ok: (at: number) => boolean): number | null {
  const start = Math.floor(r * (text.length + 1));
  for (let d = 0; d <= text.length; d++) {
    if (start + d <= text.length && ok(start + d)) return start + d;
    if (start - d >= 0 && ok(start - d)) return start - d;
  }
  return null;
}

const read = (editor: LexicalEditor) =>
  editor.read(() => ({
    text: $getRoot().getTextContent(),
    marks: Object.fromEntries([...$readMarkRanges()].map(([id, r]) => [id, [r.start, r.end] as [number, number]])),
  }));

/** Saves the tree as text, blocks and ranges, and builds a fresh reader from them. */
function saveAndReload(editor: LexicalEditor) {
  const saved = editor.read(() => {
    const index = OffsetIndex.$build();
    const blocks: Block[] = $getRoot()
      .getChildren()
      .map((child) => ({ type: 'paragraph' as const, ...index.rangeOf(child)! }));
    return { text: $getRoot().getTextContent(), blocks, marks: [...$readMarkRanges(index)].map(([id, r]) => ({ id, ...r })) };
  });
  const fresh = readerEditor([]).editor;
  fresh.update(() => $buildDocument(saved.text, saved.blocks, saved.marks), { discrete: true });
  return read(fresh);
}

type Op =
  | { type: 'insert'; at: number; text: string }
  | { type: 'delete'; from: number; length: number }
  | { type: 'highlight'; from: number; length: number }
  | { type: 'unhighlight'; which: number }
  | { type: 'undo' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.stringMatching(/^[a-z]{1,4}$/) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('delete' as const), from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 12 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('highlight' as const),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 50 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('unhighlight' as const), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ type: 'undo' as const }) },
);

async function run(ops: Op[]): Promise<void> {
  const { editor, text } = readerEditor(PARAGRAPHS.map((p) => ({ type: 'paragraph' as const, text: p })));
  const model = new Model(text);
  const undo = new UndoStack();
  let next = 1;
  const update = (fn: () => void) => editor.update(fn, { discrete: true });

  for (const step of ops) {
    const before = model.ranges.size;
    if (step.type === 'insert') {
      if (!/[^\n]/.test(model.text)) continue;
      const at = snap(model.text, step.at, (p) => caretable(model.text, p));
      if (at === null) continue;
      update(() => {
        OffsetIndex.$build().$select(at, at);
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(step.text);
      });
      model.insert(at, step.text);
      undo.clear(); // the product forgets annotation steps once the text changes
    } else if (step.type === 'delete') {
      const from = snap(model.text, step.from, (p) => caretable(model.text, p));
      if (from === null) continue;
      const to = snap(model.text, Math.min(1, (from + step.length) / (model.text.length + 1)), (p) => p > from && caretable(model.text, p));
      // Corrections within one block (typos, OCR errors); joining blocks is left to Lexical's own tests.
      if (to === null || to <= from || model.text.slice(from, to).includes('\n')) continue;
      update(() => {
        OffsetIndex.$build().$select(from, to);
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.removeText();
      });
      model.delete(from, to);
      undo.clear();
    } else if (step.type === 'highlight') {
      const t = model.text;
      const from = snap(t, step.from, (p) => p < t.length && t[p] !== '\n');
      if (from === null) continue;
      let to = Math.min(t.length, from + step.length);
      while (to > from && t[to - 1] === '\n') to--;
      if (to <= from) continue;
      const id = `a${next++}`;
      const range = { start: from, end: to };
      update(() => void $addMark(id, range.start, range.end));
      model.ranges.set(id, { ...range });
      undo.push({
        label: `highlight ${id}`,
        undo: async () => update(() => $removeMark(id)),
        redo: async () => update(() => void $addMark(id, range.start, range.end)),
      });
    } else if (step.type === 'unhighlight') {
      const shown = model.visible();
      const live = [...model.ranges.entries()].filter(([id]) => id in shown);
      if (live.length === 0) continue;
      const [id, range] = live[step.which % live.length]!;
      const kept = { ...range };
      update(() => $removeMark(id));
      model.ranges.delete(id);
      undo.push({
        label: 'delete',
        undo: async () => {
          update(() => void $addMark(id, kept.start, kept.end));
          model.ranges.set(id, { ...kept });
        },
        redo: async () => update(() => $removeMark(id)),
      });
      expect(model.ranges.size).toBe(before - 1);
    } else {
      const label = undo.nextUndo;
      if (label?.startsWith('highlight ')) model.ranges.delete(label.slice('highlight '.length));
      await undo.undo();
    }
    // Only a delete (or undoing a highlight) takes an annotation away.
    if (step.type !== 'unhighlight' && step.type !== 'undo') expect(model.ranges.size).toBeGreaterThanOrEqual(before);
    const now = read(editor);
    expect(now.text).toBe(model.text);
    expect(now.marks).toEqual(model.visible());
  }
  expect(saveAndReload(editor)).toEqual({ text: model.text, marks: model.visible() });
}

describe('annotating in the reader, against an offset model', () => {
  it('keeps text and highlight ranges equal through random edits, save and reload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), (ops) => run(ops)),
      { numRuns: 300 },
    );
  });
});
