// The "Annotations" region beside the reader: every annotation of the document in reading order,
// then those the corrected text no longer holds; kept in step with the reader's highlights.
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { formatCount } from '../format';
import { describeShortcut, LAST_KIND_SHORTCUT } from './keys';
import { Card } from './Card';
import type { AnnotationStore } from './store';
import '../styles/annotations.css';

interface Props {
  store: AnnotationStore;
  onError: (context: string, error: unknown) => void;
}

function useStoreView(store: AnnotationStore) {
  return useSyncExternalStore(
    useCallback((listener) => store.subscribe(listener), [store]),
    () => store.getView(),
  );
}

function useUndoState(store: AnnotationStore) {
  const subscribe = useCallback((listener: () => void) => store.undo.subscribe(listener), [store]);
  const canUndo = useSyncExternalStore(subscribe, () => store.undo.canUndo);
  const canRedo = useSyncExternalStore(subscribe, () => store.undo.canRedo);
  return { canUndo, canRedo };
}

export function AnnotationPanel({ store, onError }: Props) {
  const view = useStoreView(store);
  const { canUndo, canRedo } = useUndoState(store);
  const list = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      store.onReveal((id, target) => {
        if (target === 'reader') return;
        // After React has drawn the newly opened card.
        requestAnimationFrame(() => {
          const card = list.current?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"]`);
          card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        });
      }),
    [store],
  );

  const placed = view.rows.filter((row) => row.anchor !== 'orphaned');
  const orphaned = view.rows.filter((row) => row.anchor === 'orphaned');
  const reattaching = view.reattachingId ? store.row(view.reattachingId) : undefined;
  const run = (step: Promise<string | null>) => step.catch((error: unknown) => onError('Could not undo or redo that', error));

  return (
    <section className="annotations-panel" aria-label="Annotations" aria-busy={!view.loaded}>
      <header className="panel-head">
        <h2>Annotations</h2>
        <span className="panel-count muted">{view.loaded ? formatCount(view.rows.length, 'annotation', 'annotations') : ''}</span>
        <div className="panel-tools">
          <button type="button" className="button quiet small" disabled={!canUndo} onClick={() => void run(store.undo.undo())} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" className="button quiet small" disabled={!canRedo} onClick={() => void run(store.undo.redo())} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
        </div>
      </header>
      {reattaching && (
        <div className="panel-banner" role="status">
          <p>Select the text in the document that “{reattaching.exact.slice(0, 60)}” should be attached to, then choose Attach here.</p>
          <button type="button" className="button small" onClick={() => store.startReattach(null)}>
            Cancel
          </button>
        </div>
      )}
      {view.error && (
        <div className="panel-banner error" role="alert">
          <p>The annotations could not be loaded: {view.error.message}</p>
          <button type="button" className="button small" onClick={() => void store.load()}>
            Try again
          </button>
        </div>
      )}
      <div className="panel-list" ref={list}>
        {view.loaded && view.rows.length === 0 && (
          <div className="panel-empty">
            <p>No annotations yet.</p>
            <p className="muted">
              Select a passage in the document, then choose a kind — Claim, Figure, Quote… — or press its number. {describeShortcut(LAST_KIND_SHORTCUT)} uses
              the kind you chose last.
            </p>
          </div>
        )}
        {placed.length > 0 && (
          <ol className="cards" aria-label="In reading order">
            {placed.map((row) => (
              <li key={row.id}>
                <Card row={row} kinds={view.kinds} selected={row.id === view.selectedId} store={store} onError={onError} />
              </li>
            ))}
          </ol>
        )}
        {orphaned.length > 0 && (
          <section className="orphans" aria-labelledby="orphans-heading">
            <h3 id="orphans-heading">Not found in the corrected text</h3>
            <p className="muted">Kept with their quotes. Open one and re-attach it to a new selection.</p>
            <ol className="cards" aria-label="Orphaned">
              {orphaned.map((row) => (
                <li key={row.id}>
                  <Card row={row} kinds={view.kinds} selected={row.id === view.selectedId} store={store} onError={onError} />
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    </section>
  );
}
