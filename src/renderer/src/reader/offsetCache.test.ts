// The offsets of a committed editor state, built once and reused: what a keyboard highlight relies
// on to avoid walking a book-length tree several times in its keydown.
import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { assemble, type BlockInput } from '../../../shared/canonical';
import { readerEditor } from './headless';
import { $addMark, $readMarkRanges, $removeMark } from './marks';
import { OffsetIndex } from './offsets';

const DOC: BlockInput[] = [
  { type: 'heading', level: 1, text: 'Profits' },
  { type: 'paragraph', text: 'Walk Free counted more than 2,000 convictions.\nA second line.' },
  { type: 'list-item', level: 1, text: 'first item' },
  { type: 'paragraph', text: 'The end.' },
];

const update = (editor: LexicalEditor, fn: () => void) => editor.update(fn, { discrete: true });
const ranges = (editor: LexicalEditor) => Object.fromEntries([...editor.read(() => $readMarkRanges())].map(([id, r]) => [id, [r.start, r.end]]));

describe('OffsetIndex.of', () => {
  it('builds the index of a state once, and it agrees with a fresh walk', () => {
    const { text } = assemble(DOC);
    const { editor } = readerEditor(DOC, [{ id: 'a', start: text.indexOf('Free'), end: text.indexOf('first') + 5 }]);
    const state = editor.getEditorState();
    const index = OffsetIndex.of(state);
    expect(OffsetIndex.of(state)).toBe(index);
    state.read(() => {
      const fresh = OffsetIndex.$build();
      expect(index.length).toBe(fresh.length);
      for (const [start, end] of [
        [0, text.length],
        [text.indexOf('counted'), text.indexOf('counted') + 1],
        [text.indexOf('second'), text.indexOf('end')],
      ] as const) {
        const spans = (i: OffsetIndex) => i.textSpansIn(start, end).map((span) => [span.node.getKey(), span.start, span.end]);
        expect(spans(index)).toEqual(spans(fresh));
      }
    });
  });

  it('serves an update that starts from its state, after marks were taken out in it', () => {
    const { text } = assemble(DOC);
    const a = { id: 'a', start: text.indexOf('Walk'), end: text.indexOf('counted') + 7 };
    const { editor } = readerEditor(DOC, [a]);
    const index = OffsetIndex.of(editor.getEditorState());
    const b = { start: text.indexOf('Free'), end: text.indexOf('2,000') + 5 };
    update(editor, () => {
      $removeMark('a');
      expect($addMark('b', b.start, b.end, index)).toBe(true);
    });
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
    expect(ranges(editor)).toEqual({ b: [b.start, b.end] });
  });

  it('is carried to a state that only moved the selection, and not to one that changed the tree', () => {
    const { text } = assemble(DOC);
    const { editor } = readerEditor(DOC);
    const before = editor.getEditorState();
    const index = OffsetIndex.of(before);
    update(editor, () => OffsetIndex.$build().$select(text.indexOf('Free'), text.indexOf('Free') + 4));
    const moved = editor.getEditorState();
    OffsetIndex.carry(before, moved);
    expect(OffsetIndex.of(moved)).toBe(index);
    const selected = moved.read(() => OffsetIndex.of(moved).rangeOfSelection($getSelection()));
    expect(selected).toEqual({ start: text.indexOf('Free'), end: text.indexOf('Free') + 4 });
    update(editor, () => void $addMark('c', text.indexOf('first'), text.indexOf('first') + 5));
    const changed = editor.getEditorState();
    expect(OffsetIndex.has(changed)).toBe(false);
    expect(changed.read(() => $isRangeSelection($getSelection()))).toBe(true);
    expect(changed.read(() => OffsetIndex.of(changed).textSpansIn(text.indexOf('first'), text.indexOf('first') + 5))).toHaveLength(1);
  });
});
