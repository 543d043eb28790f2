// The reader's tree and its offsets agree with canonical text, including across marks.
import { ListItemNode, ListNode } from '@lexical/list';
import { $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot, $getSelection, createEditor, type ElementNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { assemble, type BlockInput } from '../../../shared/canonical';
import { $buildDocument } from './build';
import { OffsetIndex } from './offsets';

function editorWith(inputs: BlockInput[]): { editor: LexicalEditor; text: string } {
  const { text, blocks } = assemble(inputs);
  const editor = createEditor({
    namespace: 'test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $buildDocument(text, blocks), { discrete: true });
  return { editor, text };
}

const SAMPLE: BlockInput[] = [
  { type: 'heading', level: 1, text: 'Money sent home' },
  { type: 'paragraph', text: 'Workers send €410 million a year,\naccording to the Observatory.' },
  { type: 'list-item', level: 1, ordered: false, text: 'first' },
  { type: 'list-item', level: 2, ordered: true, text: 'nested 😀 item' },
  { type: 'list-item', level: 1, ordered: false, text: 'third' },
  { type: 'list-item', level: 1, ordered: true, text: 'numbered now' },
  { type: 'quote', text: 'Almost every family.' },
  { type: 'preformatted', text: 'code\n  indented' },
  { type: 'paragraph', text: 'The end.' },
];

describe('reader tree', () => {
  it('has exactly the canonical text as its text content', () => {
    const { editor, text } = editorWith(SAMPLE);
    editor.read(() => {
      expect($getRoot().getTextContent()).toBe(text);
      expect(OffsetIndex.$build().length).toBe(text.length);
    });
  });

  it('gives each block its Lexical node: headings, paragraphs, nested lists, quotes', () => {
    const { editor } = editorWith(SAMPLE);
    editor.read(() => {
      const children = $getRoot().getChildren();
      expect(children.map((node) => node.getType())).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'paragraph', 'paragraph']);
      expect((children[0] as HeadingNode).getTag()).toBe('h1');
      expect((children[1] as ElementNode).getChildren().map((node) => node.getType())).toEqual(['text', 'linebreak', 'text']);
      const bullets = children[2] as ListNode;
      expect(bullets.getListType()).toBe('bullet');
      expect(bullets.getChildren().map((item) => item.getTextContent())).toEqual(['first', 'nested 😀 item', 'third']);
      const holder = bullets.getChildAtIndex(1) as ListItemNode;
      expect((holder.getFirstChild() as ListNode).getListType()).toBe('number');
      expect((children[3] as ListNode).getListType()).toBe('number');
    });
  });

  it('maps every text offset to a point and back', () => {
    const { editor, text } = editorWith(SAMPLE);
    editor.read(() => {
      const index = OffsetIndex.$build();
      for (let offset = 0; offset <= text.length; offset++) {
        for (const bias of ['forward', 'backward'] as const) {
          const point = index.pointAt(offset, bias)!;
          const back = index.offsetOf(point)!;
          // Offsets inside gaps and on line breaks snap to the nearest text on the biased side.
          if (bias === 'forward') expect(back).toBeGreaterThanOrEqual(offset);
          else expect(back).toBeLessThanOrEqual(offset);
          if (!'\n'.includes(text[offset] ?? 'x') && !'\n'.includes(text[offset - 1] ?? 'x')) expect(back).toBe(offset);
        }
      }
    });
  });

  it('selects a range whose text is the canonical slice, and keeps offsets after marking it', () => {
    const { editor, text } = editorWith(SAMPLE);
    const start = text.indexOf('€410');
    const end = text.indexOf('Observatory') + 'Observatory'.length;
    editor.update(
      () => {
        const index = OffsetIndex.$build();
        expect(index.$select(start, end)).toBe(true);
        expect($getSelection()!.getTextContent()).toBe(text.slice(start, end));
        $wrapSelectionInMarkNode($getSelection() as never, false, 'claim-1');
      },
      { discrete: true },
    );
    editor.read(() => {
      expect($getRoot().getTextContent()).toBe(text);
      const index = OffsetIndex.$build();
      const marked = $getRoot()
        .getAllTextNodes()
        .filter((node) => node.getParent() instanceof MarkNode);
      expect(marked.map((node) => node.getTextContent()).join('\n')).toBe(text.slice(start, end));
      expect(index.rangeOf(marked[0]!)).toEqual({ start, end: start + marked[0]!.getTextContentSize() });
      const spans = index.textSpansIn(start, end);
      expect(spans.map((span) => text.slice(span.start, span.end)).join('\n')).toBe(text.slice(start, end));
    });
  });

  it('counts UTF-16 code units, as JavaScript strings do', () => {
    const { editor, text } = editorWith(SAMPLE);
    const at = text.indexOf('item');
    editor.read(() => {
      const point = OffsetIndex.$build().pointAt(at)!;
      expect(OffsetIndex.$build().offsetOf(point)).toBe(at);
    });
  });

  it('shows a document without blocks as one paragraph with every character', () => {
    const editor = createEditor({
      namespace: 'test',
      nodes: [],
      onError: (error) => {
        throw error;
      },
    });
    editor.update(() => $buildDocument('one\n\ntwo', []), { discrete: true });
    editor.read(() => expect($getRoot().getTextContent()).toBe('one\n\ntwo'));
  });
});
