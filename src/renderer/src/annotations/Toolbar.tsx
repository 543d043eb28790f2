// The floating toolbar over a selection in the reader: one button per kind to highlight it, digits
// 1–9 while it is open, Enter for the kind used last, the kinds' own shortcuts at any time; or, when
// an orphaned annotation waits for a new place, the button that re-attaches it there.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelectionFromDom, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { OffsetIndex } from '../reader/offsets';
import { KIND_STYLES } from '../reader/highlights';
import { ariaShortcut, describeShortcut, LAST_KIND_SHORTCUT, matchesShortcut } from './keys';
import type { AnnotationStore } from './store';

interface Props {
  store: AnnotationStore;
  text: string;
  /** Off while the text is being corrected. */
  active: boolean;
}

interface Place {
  top: number;
  left: number;
  below: boolean;
}

const GAP = 10;
const MARGIN = 8;

function selectionRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  // The first line's box: a selection over several paragraphs gets its toolbar where it starts.
  return rects[0] ?? selection.getRangeAt(0).getBoundingClientRect();
}

/**
 * The selection as the page has it now. Lexical learns of a selection moved with the keyboard from
 * the browser's selectionchange event, which can come after a shortcut pressed at once, and a
 * highlight would then take the selection as it was a keystroke or two before.
 */
function currentRange(editor: LexicalEditor) {
  return editor.read(() => {
    const dom = window.getSelection();
    const root = editor.getRootElement();
    const fresh = dom && root && dom.rangeCount > 0 && root.contains(dom.anchorNode) ? $createRangeSelectionFromDom(dom, editor) : null;
    return OffsetIndex.of(editor.getEditorState()).rangeOfSelection(fresh ?? $getSelection());
  });
}

export function HighlightToolbar({ store, text, active }: Props) {
  const [editor] = useLexicalComposerContext();
  const view = useSyncExternalStore(
    useCallback((listener) => store.subscribe(listener), [store]),
    () => store.getView(),
  );
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<Place | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const pointerDown = useRef(false);

  const measure = useCallback(() => {
    const rect = selectionRect();
    if (!rect) return setPlace(null);
    const height = box.current?.offsetHeight ?? 40;
    const width = box.current?.offsetWidth ?? 320;
    const below = rect.top - height - GAP < MARGIN;
    const top = below ? rect.bottom + GAP : rect.top - height - GAP;
    const left = Math.min(Math.max(MARGIN, rect.left + rect.width / 2 - width / 2), window.innerWidth - width - MARGIN);
    setPlace({ top, left, below });
  }, []);

  const refresh = useCallback(() => {
    if (!active || pointerDown.current) return setOpen(false);
    const has = editor.getEditorState().read(() => {
      const selection = $getSelection();
      return $isRangeSelection(selection) && !selection.isCollapsed() && selection.getTextContent().trim() !== '';
    });
    setOpen(has);
  }, [active, editor]);

  const choose = useCallback(
    (kindId: string | null) => {
      if (!kindId) return;
      const range = currentRange(editor);
      if (!range || range.end <= range.start) return;
      // Spaces around a selection made by double-click or Shift+Ctrl+arrow are not part of a claim.
      let { start, end } = range;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end <= start) return;
      setOpen(false);
      const reattaching = store.getView().reattachingId;
      if (reattaching) void store.reattach(reattaching, start, end);
      else store.create(kindId, start, end, text.slice(start, end));
    },
    [editor, store, text],
  );

  useEffect(() => {
    if (!active) return;
    const offUpdate = editor.registerUpdateListener(({ tags }) => {
      if (!tags.has('gloss-highlight')) refresh();
    });
    const down = () => {
      pointerDown.current = true;
      setOpen(false);
    };
    const up = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      // The browser settles the selection after pointerup; read it once it has.
      requestAnimationFrame(refresh);
    };
    const offRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('pointerdown', down);
      root?.addEventListener('pointerdown', down);
    });
    window.addEventListener('pointerup', up);
    return () => {
      offUpdate();
      offRoot();
      window.removeEventListener('pointerup', up);
    };
  }, [active, editor, refresh]);

  useEffect(() => {
    if (!active) return;
    const keydown = (event: KeyboardEvent) => {
      const kinds = store.getView().kinds;
      // A key pressed in the frame between releasing the mouse and the toolbar appearing counts too.
      const showing = open || !pointerDown.current;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
      let kindId: string | null | undefined;
      if (showing && plain && /^Digit[1-9]$/.test(event.code)) kindId = kinds[Number(event.code.slice(5)) - 1]?.id;
      else if (showing && plain && event.key === 'Enter') kindId = store.lastKindId;
      else if (showing && plain && event.key === 'Escape' && window.getSelection()?.isCollapsed === false) {
        event.preventDefault();
        setOpen(false);
        return;
      } else if (matchesShortcut(LAST_KIND_SHORTCUT, event)) kindId = store.lastKindId;
      else kindId = kinds.find((kind) => matchesShortcut(kind.shortcut, event))?.id;
      if (kindId === undefined) return;
      const range = currentRange(editor);
      if (!range || range.end <= range.start) return;
      event.preventDefault();
      event.stopPropagation();
      choose(kindId);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('keydown', keydown, true);
      root?.addEventListener('keydown', keydown, true);
    });
  }, [active, choose, editor, open, store]);

  useLayoutEffect(() => {
    if (!open) return;
    measure();
    const follow = () => measure();
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open, measure, view.kinds]);

  if (!open || !active) return null;
  const style: CSSProperties = place ? { top: place.top, left: place.left } : { visibility: 'hidden' };
  const reattaching = view.reattachingId ? store.row(view.reattachingId) : undefined;
  return (
    <div
      ref={box}
      className={`hl-toolbar${place?.below ? ' below' : ''}`}
      role="toolbar"
      aria-label={reattaching ? 'Re-attach annotation' : 'Highlight as'}
      style={style}
      // Keeps the selection in the reader while a button is pressed.
      onMouseDown={(event) => event.preventDefault()}
    >
      {reattaching ? (
        <>
          <button type="button" className="hl-kind attach" onClick={() => choose(reattaching.kindId)}>
            Attach here
          </button>
          <button type="button" className="hl-kind" onClick={() => store.startReattach(null)}>
            Cancel
          </button>
        </>
      ) : (
        view.kinds.map((kind, i) => (
          <button
            key={kind.id}
            type="button"
            className="hl-kind"
            aria-label={kind.name}
            aria-keyshortcuts={[i < 9 ? String(i + 1) : null, kind.shortcut ? ariaShortcut(kind.shortcut) : null].filter(Boolean).join(' ') || undefined}
            title={`${kind.name} — press ${i + 1}${kind.shortcut ? ` or ${describeShortcut(kind.shortcut)}` : ''}`}
            style={{ '--hl': kind.color } as CSSProperties}
            data-style={KIND_STYLES[i % KIND_STYLES.length]}
            onClick={() => choose(kind.id)}
          >
            <span className="hl-swatch" aria-hidden="true" />
            <span>{kind.name}</span>
            {i < 9 && (
              <kbd className="hl-digit" aria-hidden="true">
                {i + 1}
              </kbd>
            )}
          </button>
        ))
      )}
    </div>
  );
}
