// Highlights built a section at a time: a long text opens with its first sections' marks, the
// others come with their sections in any order, and the tree ends as the one built all at once.
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import fc from 'fast-check';
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { assemble, type BlockInput } from '../../../shared/canonical';
import { readerEditor } from './headless';
import { $readMarkRanges, type MarkRange } from './marks';
import { SectionMarks, type OpenLimits } from './sections';

const LAZY: OpenLimits = { eagerHighlights: 0, eagerCharacters: 0, firstCharacters: 1 };

const DOC: BlockInput[] = [
  { type: 'heading', level: 1, text: 'Forced labour' },
  { type: 'paragraph', text: 'The ILO estimates profits of US$150 billion a year.' },
  { type: 'list-item', level: 1, text: 'first item' },
  { type: 'list-item', level: 2, text: 'nested item' },
  { type: 'list-item', level: 1, ordered: true, text: 'numbered item' },
  { type: 'quote', text: 'Some 40 percent were trafficked.\nA second line.' },
  { type: 'paragraph', text: 'IOM assisted more than 7,000 victims.' },
  { type: 'paragraph', text: 'The end.' },
];

function editorOf(): LexicalEditor {
  return createEditor({
    namespace: 'sections-test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode],
    onError: (error) => {
      throw error;
    },
  });
}

function open(inputs: BlockInput[], ranges: MarkRange[], limits = LAZY) {
  const { text, blocks } = assemble(inputs);
  const editor = editorOf();
  let opened: ReturnType<typeof SectionMarks.$open> | null = null;
  editor.update(() => void (opened = SectionMarks.$open({ text, blocks }, ranges, limits)), { discrete: true });
  return { editor, text, ...opened! };
}

const marksOf = (editor: LexicalEditor) =>
  Object.fromEntries([...editor.read(() => $readMarkRanges())].map(([id, r]) => [id, [r.start, r.end]]).sort(([a], [b]) => String(a).localeCompare(String(b))));
const expected = (ranges: MarkRange[]) =>
  Object.fromEntries(ranges.map((r) => [r.id, [r.start, r.end]]).sort(([a], [b]) => String(a).localeCompare(String(b))));
const shape = (editor: LexicalEditor) => editor.read(() => JSON.stringify($getRoot().exportJSON()));

describe('highlights built a section at a time', () => {
  const { text } = assemble(DOC);
  const at = (s: string, length = s.length) => ({ start: text.indexOf(s), end: text.indexOf(s) + length });
  const ranges: MarkRange[] = [
    { id: 'title', ...at('Forced') },
    { id: 'profits', ...at('US$150 billion a year') },
    // From the paragraph into the list: its two sections are built together or not at all.
    { id: 'across', start: text.indexOf('a year'), end: text.indexOf('first item') + 5 },
    { id: 'nested', ...at('nested') },
    { id: 'percent', ...at('40 percent') },
    { id: 'victims', ...at('7,000 victims') },
  ];

  it('builds a short text whole, with every highlight', () => {
    const { editor, sections, built } = open(DOC, ranges, { eagerHighlights: 150, eagerCharacters: 60_000, firstCharacters: 6_000 });
    expect(sections.complete).toBe(true);
    expect(built).toHaveLength(ranges.length);
    expect(marksOf(editor)).toEqual(expected(ranges));
  });

  it('opens a long text with the first section’s highlights and the text whole', () => {
    const { editor, sections, built } = open(DOC, ranges);
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
    expect(sections.complete).toBe(false);
    expect(built.map((r) => r.id)).toEqual(['title']);
    expect(marksOf(editor)).toEqual(expected(ranges.slice(0, 1)));
    // The heading, the paragraph, one list (its items and the nested one), the quote, two paragraphs.
    expect(sections.sections.map((s) => text.slice(s.start, s.end).split('\n')[0])).toEqual([
      'Forced labour',
      'The ILO estimates profits of US$150 billion a year.',
      'first item',
      'numbered item',
      'Some 40 percent were trafficked.',
      'IOM assisted more than 7,000 victims.',
      'The end.',
    ]);
  });

  it('builds the sections a highlight runs across together', () => {
    const { sections } = open(DOC, ranges);
    expect(sections.closure([1], ranges)).toEqual([1, 2]);
    expect(sections.closure([2], ranges)).toEqual([1, 2]);
    expect(sections.closure([0, 4], ranges)).toEqual([4]);
    expect(sections.holds(ranges[2]!)).toBe(false);
  });

  it('places each highlight whole once its sections are built, and never one in part', () => {
    const { editor, sections } = open(DOC, ranges);
    let built: MarkRange[] = [];
    editor.update(() => void (built = sections.$build(sections.closure([2], ranges), ranges)), { discrete: true });
    expect(built.map((r) => r.id).sort()).toEqual(['across', 'nested', 'profits']);
    expect(marksOf(editor)).toEqual(expected(ranges.filter((r) => ['title', 'across', 'nested', 'profits'].includes(r.id))));
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
  });

  it('shows a text before its annotations arrive, then builds only the sections they fall in', () => {
    const { text, blocks } = assemble(DOC);
    const editor = editorOf();
    let opened: ReturnType<typeof SectionMarks.$open> | null = null;
    editor.update(() => void (opened = SectionMarks.$open({ text, blocks }, null)), { discrete: true });
    const { sections, built } = opened!;
    expect(built).toEqual([]);
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
    expect(sections.sections.every((_, i) => !sections.isBuilt(i))).toBe(true);
    const keys = () =>
      editor.read(() =>
        $getRoot()
          .getChildren()
          .map((node) => node.getKey()),
      );
    const before = keys();
    // Only the paragraph of the ILO and the list wait (the highlight across them); the rest are settled as they are.
    const arrived = ranges.filter((r) => r.id === 'across');
    sections.settle(arrived);
    expect(sections.sections.map((_, i) => sections.isBuilt(i))).toEqual([true, false, false, true, true, true, true]);
    editor.update(() => void sections.$build(sections.closure([1], arrived), arrived), { discrete: true });
    expect(sections.complete).toBe(true);
    expect(marksOf(editor)).toEqual(expected(arrived));
    // The sections with nothing to build keep their nodes.
    const after = keys();
    expect(after.filter((key, i) => key === before[i])).toHaveLength(5);
  });

  it('ends, in any order of building, with the tree built all at once', () => {
    const eager = readerEditor(DOC, ranges).editor;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }), (order) => {
        const { editor, sections } = open(DOC, ranges);
        for (const i of [...order, 0, 1, 2, 3, 4, 5, 6]) editor.update(() => void sections.$build(sections.closure([i], ranges), ranges), { discrete: true });
        expect(sections.complete).toBe(true);
        expect(marksOf(editor)).toEqual(expected(ranges));
        expect(shape(editor)).toBe(shape(eager));
      }),
    );
  });
});

describe('sections of random documents', () => {
  const block = fc.oneof(
    fc.record({ type: fc.constant('paragraph' as const), text: fc.stringMatching(/^[a-z ]{1,30}$/) }),
    fc.record({ type: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 3 }), text: fc.stringMatching(/^[a-z ]{1,20}$/) }),
    fc.record({
      type: fc.constant('list-item' as const),
      level: fc.integer({ min: 1, max: 3 }),
      ordered: fc.boolean(),
      text: fc.stringMatching(/^[a-z ]{1,20}$/),
    }),
  );

  it('are built to the same tree and marks as the whole document, whatever is built first', () => {
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (inputs, spans, order) => {
          const { text } = assemble(inputs);
          if (text.length < 2) return;
          const ranges = spans.map(([from, length], i) => {
            const start = from % (text.length - 1);
            return { id: `h${i}`, start, end: Math.min(text.length, start + length) };
          });
          const eager = readerEditor(inputs, ranges).editor;
          const { editor, sections } = open(inputs, ranges);
          const count = sections.sections.length;
          for (const i of [...order.map((n) => n % count), ...Array.from({ length: count }, (_, i) => i)]) {
            editor.update(() => void sections.$build(sections.closure([i], ranges), ranges), { discrete: true });
            // Every highlight is either whole in the tree or not in it at all.
            const shown = marksOf(editor);
            for (const range of ranges) if (shown[range.id]) expect(sections.holds(range)).toBe(true);
          }
          expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
          expect(shape(editor)).toBe(shape(eager));
        },
      ),
    );
  });
});
