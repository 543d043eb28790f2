// Keeps the reader's text unchangeable outside edit mode while the caret and selection still
// work. The content stays contenteditable because Chromium shows no caret, and so allows no
// Shift+arrow selection, in a page that is not; every way of changing the text is refused instead.
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_ENTER_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  REDO_COMMAND,
  REMOVE_TEXT_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  SET_TEXT_FORMAT_COMMAND,
  UNDO_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';

/**
 * Commands that would change the text or its formatting; their payloads vary, so widen them.
 * INPUT_COMMAND is not here: it only brings Lexical up to date with DOM text that already changed
 * (IME composition), and the update listener below then rolls that change back.
 */
const REFUSED: LexicalCommand<unknown>[] = [
  BEFORE_INPUT_COMMAND,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_WORD_COMMAND,
  DELETE_LINE_COMMAND,
  REMOVE_TEXT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_ENTER_COMMAND,
  PASTE_COMMAND,
  CUT_COMMAND,
  DROP_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  FORMAT_TEXT_COMMAND,
  SET_TEXT_FORMAT_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  UNDO_COMMAND,
  REDO_COMMAND,
] as LexicalCommand<unknown>[];

function refuse(payload: unknown): true {
  if (payload instanceof Event && payload.cancelable) payload.preventDefault();
  return true;
}

/** Refuses text-changing input on the DOM before Lexical or the browser acts on it. */
function blockDomInput(root: HTMLElement): () => void {
  const stop = (event: Event) => {
    if (event.type === 'drop' && (event as DragEvent).dataTransfer?.types.includes('Files')) return; // files go to the library's drop handler
    if (event.cancelable) event.preventDefault();
  };
  const types = ['beforeinput', 'paste', 'cut', 'drop'] as const;
  for (const type of types) root.addEventListener(type, stop, { capture: true });
  return () => {
    for (const type of types) root.removeEventListener(type, stop, { capture: true });
  };
}

/**
 * Starts refusing edits; returns the function that stops. While it runs, a change that slipped
 * past every guard (IME composition cannot be cancelled) is rolled back to the state before it.
 * Changes that keep the text, such as wrapping a claim in a MarkNode, are left alone.
 */
export function registerReadOnlyGuard(editor: LexicalEditor): () => void {
  return mergeRegister(
    ...REFUSED.map((command) => editor.registerCommand(command, refuse, COMMAND_PRIORITY_CRITICAL)),
    editor.registerRootListener((root) => {
      if (!root) return;
      root.setAttribute('aria-readonly', 'true');
      const stop = blockDomInput(root);
      return () => {
        stop();
        root.removeAttribute('aria-readonly');
      };
    }),
    editor.registerUpdateListener(({ editorState, prevEditorState, dirtyLeaves, tags }) => {
      // Placing highlights keeps the text by construction; comparing all of it there would make
      // each new highlight cost a walk over the whole document.
      if (dirtyLeaves.size === 0 || prevEditorState.isEmpty() || tags.has('gloss-highlight')) return;
      const before = prevEditorState.read(() => $getRoot().getTextContent());
      const after = editorState.read(() => $getRoot().getTextContent());
      if (before !== after) editor.setEditorState(prevEditorState);
    }),
  );
}
