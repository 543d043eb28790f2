// A reader editor without a DOM, built the way the reader builds its tree: for unit tests and
// benchmarks of highlights and offsets under Node.
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { createEditor, type LexicalEditor } from 'lexical';
import { assemble, type BlockInput } from '../../../shared/canonical';
import { $buildDocument } from './build';
import type { MarkRange } from './marks';

export function readerEditor(inputs: BlockInput[], marks: MarkRange[] = []): { editor: LexicalEditor; text: string } {
  const { text, blocks } = assemble(inputs);
  const editor = createEditor({
    namespace: 'headless-reader',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $buildDocument(text, blocks, marks), { discrete: true });
  return { editor, text };
}
