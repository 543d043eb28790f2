// Ctrl/⌘+Z and Ctrl/⌘+Shift+Z (or Ctrl+Y) undo and redo annotation actions wherever the focus is
// not in a field with an undo of its own (a note being typed, the text in edit mode, an input).
import { useEffect } from 'react';
import { isMac } from './keys';
import type { AnnotationStore } from './store';

function ownsUndo(element: Element | null): boolean {
  if (!element) return false;
  if (element.matches('input, textarea, select')) return true;
  return element instanceof HTMLElement && element.isContentEditable && element.closest('[aria-readonly="true"]') === null;
}

export function useUndoShortcuts(store: AnnotationStore, onError: (context: string, error: unknown) => void): void {
  useEffect(() => {
    const run = (redo: boolean) =>
      void (redo ? store.undo.redo() : store.undo.undo()).catch((error: unknown) => onError(redo ? 'Could not redo that' : 'Could not undo that', error));
    const keydown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || ownsUndo(document.activeElement)) return;
      const mod = isMac ? event.metaKey : event.ctrlKey;
      if (!mod || event.altKey) return;
      const undo = event.code === 'KeyZ' && !event.shiftKey;
      const redo = (event.code === 'KeyZ' && event.shiftKey) || (!isMac && event.code === 'KeyY' && !event.shiftKey);
      if (!undo && !redo) return;
      event.preventDefault();
      run(redo);
    };
    // The app's Edit menu sends undo as an editing command rather than a key press.
    const beforeinput = (event: InputEvent) => {
      if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return;
      if (ownsUndo(document.activeElement)) return;
      event.preventDefault();
      run(event.inputType === 'historyRedo');
    };
    window.addEventListener('keydown', keydown);
    window.addEventListener('beforeinput', beforeinput, true);
    return () => {
      window.removeEventListener('keydown', keydown);
      window.removeEventListener('beforeinput', beforeinput, true);
    };
  }, [store, onError]);
}
