// A document's text shown through Lexical, with its highlights: readable, selectable with the
// keyboard, not editable, except in edit mode, where the text itself can be corrected.
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HeadingNode, QuoteNode, RichTextExtension } from '@lexical/rich-text';
import { $getRoot, defineExtension, type LexicalEditor } from 'lexical';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { DocumentRecord } from '../../../shared/model';
import type { AnnotationStore } from '../annotations/store';
import { HighlightToolbar } from '../annotations/Toolbar';
import { $estimateBlockSize } from './blockSize';
import { HighlightLayer, MarkPainter } from './highlights';
import type { MarkRange } from './marks';
import { registerReadOnlyGuard } from './readOnly';
import { SectionMarks } from './sections';
import { readerTheme } from './theme';

function ReadOnlyGuard({ active }: { active: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => (active ? registerReadOnlyGuard(editor) : undefined), [editor, active]);
  // Edit mode shows itself on the text, and spelling is checked only there.
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        root?.classList.toggle('editing', !active);
        root?.setAttribute('spellcheck', String(!active));
        // React keeps the caret of a focused element whose contentEditable is "true" across each of
        // its commits, by counting the characters before it: in a book-length text that walk cost
        // some ten milliseconds for every change anywhere in the window (a card, the toolbar).
        // Plain-text editing looks the same to the reader, keeps the caret and Shift+arrow
        // selection, and is not one React counts through; nothing is typed while reading anyway.
        root?.setAttribute('contenteditable', active ? 'plaintext-only' : 'true');
      }),
    [editor, active],
  );
  return null;
}

function Highlights({
  layer,
  editing,
  editorRef,
}: {
  layer: (editor: LexicalEditor) => HighlightLayer;
  editing: boolean;
  editorRef?: RefObject<LexicalEditor | null>;
}) {
  const [editor] = useLexicalComposerContext();
  const [instance] = useState(() => layer(editor));
  // Before the first paint: the text is built with its first highlights, and the root must say
  // from that first frame whether others still wait for their sections.
  useLayoutEffect(() => instance.register(), [instance]);
  useEffect(() => instance.pause(editing), [instance, editing]);
  useEffect(() => {
    if (!editorRef) return;
    editorRef.current = editor;
    return () => {
      editorRef.current = null;
    };
  }, [editor, editorRef]);
  return null;
}

interface ReaderTextProps {
  doc: Pick<DocumentRecord, 'text' | 'blocks'>;
  labelledBy: string;
  onError: (error: Error) => void;
  store: AnnotationStore;
  /** Edit mode: the text can be corrected; highlights stay where they are until it is saved. */
  editing?: boolean;
  editorRef?: RefObject<LexicalEditor | null>;
}

/**
 * The document's text. The editor is made once per mount: give this component a key that changes
 * with the text (id and content hash), so a refetch with the same text keeps caret and scroll.
 * Mount it once the highlights are placed (StoreView.placed), so that they are built with the tree;
 * mounted without them (the library could not say where they lie), it places them when they come.
 */
export function ReaderText({ doc, labelledBy, onError, store, editing = false, editorRef }: ReaderTextProps) {
  const reportError = useRef(onError);
  useEffect(() => {
    reportError.current = onError;
  });
  const [setup] = useState(() => {
    const { text, blocks } = doc;
    const view = store.getView();
    const wanted = view.placed ? view.marks : null;
    const painter = new MarkPainter(store);
    // Made while the editor builds its first state, then handed to the highlight layer.
    let opened: { sections: SectionMarks; built: MarkRange[] } | null = null;
    const extension = defineExtension({
      name: 'gloss/reader',
      namespace: 'gloss-reader',
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode],
      theme: readerTheme,
      dependencies: [RichTextExtension],
      onError: (error: Error) => reportError.current(error),
      // Marks are painted as they are made, so a book with thousands of highlights is styled once.
      // The builder takes DOM render hooks only from init, where they compose with any before them.
      init: (config) => {
        const before = config.dom?.$decorateDOM;
        config.dom = {
          ...config.dom,
          $decorateDOM: (node, previous, element, editor) => {
            before?.(node, previous, element, editor);
            painter.decorate(node, previous, element);
            $estimateBlockSize(node, element);
          },
        };
      },
      $initialEditorState: () => {
        opened = SectionMarks.$open({ text, blocks }, wanted);
        const shown = $getRoot().getTextContent();
        // Every annotation offset depends on this; a mismatch is a bug in build.ts, not in the data.
        if (shown !== text) reportError.current(new Error(`the reader shows ${shown.length} characters where the document has ${text.length}`));
      },
    });
    // The composer builds a new editor whenever this element changes identity: make it once.
    const contentEditable = (
      <ContentEditable
        className="reader-text"
        aria-labelledby={labelledBy}
        aria-multiline
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
        data-gramm="false"
      />
    );
    const layer = (editor: LexicalEditor) => {
      if (!opened) throw new Error('the reader’s highlights were asked for before its text was built');
      return new HighlightLayer(editor, store, opened.sections, { wanted: wanted ?? [], built: opened.built }, painter);
    };
    return { extension, contentEditable, layer };
  });

  return (
    <LexicalExtensionComposer extension={setup.extension} contentEditable={setup.contentEditable}>
      <ReadOnlyGuard active={!editing} />
      {/* Before the history: entering edit mode builds the highlights still waiting, which is not a step to undo. */}
      <Highlights layer={setup.layer} editing={editing} editorRef={editorRef} />
      {editing && <HistoryPlugin />}
      <HighlightToolbar store={store} text={doc.text} active={!editing} />
    </LexicalExtensionComposer>
  );
}
