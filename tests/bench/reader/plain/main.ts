// Plain Lexical, the baseline for typing in Gloss's edit mode: the same pinned packages, rich text
// and history (with HistoryPlugin's 1 s merge delay, as in the reader), and nothing else. The
// benchmark calls mountPlain with the root and the paragraphs.
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';

type Root = Parameters<LexicalEditor['setRootElement']>[0];

function mountPlain(root: Root, paragraphs: readonly string[]): Promise<void> {
  const editor = createEditor({
    namespace: 'plain-bench',
    nodes: [HeadingNode, QuoteNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  registerRichText(editor);
  registerHistory(editor, createEmptyHistoryState(), 1000);
  return new Promise((resolve) => {
    editor.update(
      () => {
        const body = $getRoot();
        body.clear();
        for (const text of paragraphs) body.append($createParagraphNode().append($createTextNode(text)));
      },
      { onUpdate: resolve },
    );
  });
}

Object.assign(globalThis, { mountPlain });
