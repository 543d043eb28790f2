// Highlights in the reader's tree: built in one pass, added over and inside one another, removed,
// renamed, and read back as the same canonical ranges.
import { MarkNode } from '@lexical/mark';
import { $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { assemble, type BlockInput } from '../../../shared/canonical';
import { readerEditor } from './headless';
import { $addMark, $allMarks, $readMarkRanges, $removeMark, $renameMark, MarkCursor } from './marks';

const DOC: BlockInput[] = [
  { type: 'heading', level: 1, text: 'Profits' },
  { type: 'paragraph', text: 'Walk Free counted more than 2,000 convictions.\nA second line.' },
  { type: 'list-item', level: 1, text: 'first item' },
  { type: 'paragraph', text: 'The end.' },
];

const ranges = (editor: LexicalEditor) => Object.fromEntries([...editor.read(() => $readMarkRanges())].map(([id, r]) => [id, [r.start, r.end]]));
const update = (editor: LexicalEditor, fn: () => void) => editor.update(fn, { discrete: true });

describe('MarkCursor', () => {
  it('cuts a line wherever the covering highlights change', () => {
    const cursor = new MarkCursor([
      { id: 'a', start: 2, end: 8 },
      { id: 'b', start: 5, end: 12 },
    ]);
    expect(cursor.segments(0, 10)).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 8, ids: ['a', 'b'] },
      { start: 8, end: 10, ids: ['b'] },
    ]);
    expect(cursor.segments(10, 14)).toEqual([
      { start: 10, end: 12, ids: ['b'] },
      { start: 12, end: 14, ids: [] },
    ]);
  });
});

describe('reader marks', () => {
  it('builds highlights with the tree, across blocks and line breaks, keeping the text', () => {
    const { text } = assemble(DOC);
    const a = { id: 'a', start: text.indexOf('Free'), end: text.indexOf('first') + 5 };
    const b = { id: 'b', start: text.indexOf('2,000'), end: text.indexOf('line') };
    const { editor } = readerEditor(DOC, [a, b]);
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
    expect(ranges(editor)).toEqual({ a: [a.start, a.end], b: [b.start, b.end] });
  });

  it('adds overlapping and nested highlights one at a time, and removes and renames them', () => {
    const { editor, text } = readerEditor(DOC);
    const at = (s: string) => text.indexOf(s);
    update(editor, () => void $addMark('a', at('Walk'), at('counted') + 7));
    update(editor, () => void $addMark('b', at('Free'), at('more') + 4));
    update(editor, () => void $addMark('c', at('Free'), at('Free') + 4));
    update(editor, () => void $addMark('d', at('2,000'), at('second')));
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
    expect(ranges(editor)).toEqual({
      a: [at('Walk'), at('counted') + 7],
      b: [at('Free'), at('more') + 4],
      c: [at('Free'), at('Free') + 4],
      d: [at('2,000'), at('second')],
    });
    update(editor, () => $removeMark('b'));
    update(editor, () => $renameMark('c', 'c2'));
    expect(ranges(editor)).toEqual({ a: [at('Walk'), at('counted') + 7], c2: [at('Free'), at('Free') + 4], d: [at('2,000'), at('second')] });
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
  });
});

describe('flat marks', () => {
  it('never nests a mark in a mark, and shared stretches carry both ids', () => {
    const { editor, text } = readerEditor(DOC);
    const at = (s: string) => text.indexOf(s);
    update(editor, () => void $addMark('a', at('Walk'), at('counted') + 7));
    update(editor, () => void $addMark('b', at('Free'), at('more') + 4));
    update(editor, () => void $addMark('c', at('Walk'), at('Walk') + 2));
    const shape = editor.read(() =>
      $getRoot()
        .getAllTextNodes()
        .map((node) => {
          const parent = node.getParent();
          expect(parent instanceof MarkNode && parent.getParent() instanceof MarkNode).toBe(false);
          return [node.getTextContent(), parent instanceof MarkNode ? parent.getIDs().sort().join('+') : ''];
        })
        .filter(([, ids]) => ids !== ''),
    );
    expect(shape).toEqual([
      ['Wa', 'a+c'],
      ['lk ', 'a'],
      ['Free counted', 'a+b'],
      [' more', 'b'],
    ]);
  });
});

describe('removing an overlapping highlight', () => {
  it('joins the pieces of the highlight it cut, so a moved highlight leaves no fragments', () => {
    const { editor, text } = readerEditor(DOC);
    const quote = 'Walk Free counted more than 2,000 convictions.';
    const at = text.indexOf(quote);
    const marksOf = (id: string) => editor.read(() => $allMarks().filter((mark) => mark.hasID(id)).length);
    update(editor, () => void $addMark('a', at, at + quote.length));
    update(editor, () => void $addMark('b', at + 10, at + 17));
    expect(marksOf('a')).toBe(3);
    // The highlight moves: out of its old place, into a new one, and out again.
    update(editor, () => $removeMark('b'));
    expect(marksOf('a')).toBe(1);
    update(editor, () => void $addMark('b', at + 18, at + 22));
    expect(marksOf('a')).toBe(3);
    update(editor, () => $removeMark('b'));
    expect(marksOf('a')).toBe(1);
    expect(ranges(editor)).toEqual({ a: [at, at + quote.length] });
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
  });
});

describe('adding a highlight beside its own old place', () => {
  it('makes one mark of the two, as a correction that moves a quote by two letters does', () => {
    const { editor, text } = readerEditor(DOC);
    const quote = 'counted more than 2,000';
    const at = text.indexOf(quote);
    const marks = () => editor.read(() => $allMarks().filter((mark) => mark.hasID('a')).length);
    update(editor, () => void $addMark('a', at, at + quote.length));
    update(editor, () => void $addMark('a', at + 2, at + quote.length + 2));
    expect(marks()).toBe(1);
    expect(ranges(editor)).toEqual({ a: [at, at + quote.length + 2] });
  });
});
