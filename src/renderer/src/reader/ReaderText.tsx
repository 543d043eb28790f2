// A document's text shown through Lexical: readable, selectable with the keyboard, not editable here.
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { HeadingNode, QuoteNode, RichTextExtension } from '@lexical/rich-text';
import { $getRoot, defineExtension } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/model';
import { $buildDocument } from './build';
import { registerReadOnlyGuard } from './readOnly';
import { readerTheme } from './theme';

function ReadOnlyGuard({ active }: { active: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => (active ? registerReadOnlyGuard(editor) : undefined), [editor, active]);
  return null;
}

interface ReaderTextProps {
  doc: Pick<DocumentRecord, 'text' | 'blocks'>;
  labelledBy: string;
  onError: (error: Error) => void;
}

/**
 * The document's text. The editor is made once per mount: give this component a key that changes
 * with the text (id and content hash), so a refetch with the same text keeps caret and scroll.
 */
export function ReaderText({ doc, labelledBy, onError }: ReaderTextProps) {
  const reportError = useRef(onError);
  useEffect(() => {
    reportError.current = onError;
  });
  const [extension] = useState(() => {
    const { text, blocks } = doc;
    return defineExtension({
      name: 'gloss/reader',
      namespace: 'gloss-reader',
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode],
      theme: readerTheme,
      dependencies: [RichTextExtension],
      onError: (error: Error) => reportError.current(error),
      $initialEditorState: () => {
        $buildDocument(text, blocks);
        const shown = $getRoot().getTextContent();
        // Every annotation offset depends on this; a mismatch is a bug in build.ts, not in the data.
        if (shown !== text) reportError.current(new Error(`the reader shows ${shown.length} characters where the document has ${text.length}`));
      },
    });
  });

  return (
    <LexicalExtensionComposer
      extension={extension}
      contentEditable={
        <ContentEditable
          className="reader-text"
          aria-labelledby={labelledBy}
          aria-multiline
          spellCheck={false}
          autoCorrect="off"
          autoCapitalize="off"
          data-gramm="false"
        />
      }
    >
      <ReadOnlyGuard active />
    </LexicalExtensionComposer>
  );
}
