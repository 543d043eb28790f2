// The "Annotations" region beside the reader: every annotation of the document in reading order,
// then those the corrected text no longer holds; kept in step with the reader's highlights.
// A tag filter, kept in the address, narrows the list; the reader fades the highlights it leaves out.
// Only the cards near the visible part of the list are in the page (VirtualList): a book can
// carry thousands, and the panel must not cost the reader its opening or a highlight its frame.
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Annotation } from '../../../shared/model';
import { formatCount } from '../format';
import { documentFilterHref, replaceRoute, useRoute } from '../hooks/useRoute';
import { describeShortcut, LAST_KIND_SHORTCUT } from './keys';
import { Card } from './Card';
import { isFiltering, matchesFilter, NO_FILTER, tagOptions, tidyTagPaths, type TagFilter } from './filter';
import { FilterBar, FilterList } from './PanelFilter';
import type { AnnotationStore } from './store';
import { useDimmedHighlights } from './useDimmedHighlights';
import { VirtualList } from './VirtualList';
import '../styles/annotations.css';

/** How many frames a revealed card is looked for while the panel draws it. */
const REVEAL_FRAMES = 30;
/** A closed card's height before it is measured: a kind line, two lines of quote and padding. */
const CARD_ESTIMATE = 112;
const rowKey = (row: Annotation) => row.id;

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

/** The filter the address holds for this document, and a way to change it there (so reload keeps it). */
function useTagFilter(documentId: string): [TagFilter, (next: TagFilter) => void] {
  const route = useRoute();
  const here = route.name === 'document' && route.id === documentId ? route : null;
  const filter = useMemo<TagFilter>(() => (here ? { tags: tidyTagPaths(here.filter.tags), match: here.filter.match } : NO_FILTER), [here]);
  const annotationId = here?.annotationId ?? null;
  const setFilter = useCallback((next: TagFilter) => replaceRoute(documentFilterHref(documentId, annotationId, next)), [documentId, annotationId]);
  return [filter, setFilter];
}

export function AnnotationPanel({ store, onError }: Props) {
  // A step behind the reader: a new highlight's mark is painted first, and its card (a rich-text
  // note editor, the figures read from its quote) is made once that frame is out. The open card
  // alone shows the store as it is now (see `item`), so that its own fields answer at once.
  const view = useDeferredValue(useStoreView(store));
  const { canUndo, canRedo } = useUndoState(store);
  const list = useRef<HTMLDivElement>(null);
  const filterButton = useRef<HTMLButtonElement>(null);
  const filterListId = useId();
  const [filterOpen, setFilterOpen] = useState(false);
  const [filter, setFilter] = useTagFilter(store.documentId);
  const filtering = isFiltering(filter);
  const matching = useMemo(() => view.rows.filter((row) => matchesFilter(row, filter)), [view.rows, filter]);
  const options = useMemo(() => tagOptions(view.rows, filter.tags), [view.rows, filter.tags]);
  // Not before the rows have come: the reader's highlights would all fade until then.
  useDimmedHighlights(filtering && view.loaded ? matching.map((row) => row.id) : null);

  useEffect(
    () =>
      store.onReveal((id, target) => {
        if (target === 'reader') return;
        // Once React has drawn the newly opened card, which the panel does a step behind the store.
        let frames = REVEAL_FRAMES;
        const look = () => {
          const card = list.current?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"]`);
          if (card) card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
          else if (--frames > 0 && store.getView().selectedId === id) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
    [store],
  );

  // The selected annotation stays in the list even when the filter leaves it out (a highlight just
  // made, or one clicked in the reader), so it can still be edited; it says why it is there.
  const kept = useMemo(() => new Set(matching.map((row) => row.id)), [matching]);
  const selectedId = view.selectedId;
  const [placed, orphaned] = useMemo(() => {
    const listed = filtering ? view.rows.filter((row) => kept.has(row.id) || row.id === selectedId) : view.rows;
    return [listed.filter((row) => row.anchor !== 'orphaned'), listed.filter((row) => row.anchor === 'orphaned')];
  }, [filtering, view.rows, kept, selectedId]);
  const reattaching = view.reattachingId ? store.row(view.reattachingId) : undefined;
  const run = (step: Promise<string | null>) => step.catch((error: unknown) => onError('Could not undo or redo that', error));
  const closeFilter = () => {
    setFilterOpen(false);
    filterButton.current?.focus();
  };
  const total = formatCount(view.rows.length, 'annotation', 'annotations');

  const item = (row: Annotation) => (
    <>
      {filtering && !kept.has(row.id) && <p className="outside-filter-note">Selected, though the tag filter leaves it out</p>}
      <Card
        row={row.id === view.selectedId ? (store.row(row.id) ?? row) : row}
        kinds={view.kinds}
        selected={row.id === view.selectedId}
        store={store}
        onError={onError}
      />
    </>
  );

  return (
    <section className="annotations-panel" aria-label="Annotations" aria-busy={!view.loaded}>
      <header className="panel-head">
        <h2>Annotations</h2>
        <span className="panel-count muted">{view.loaded ? total : ''}</span>
        <div className="panel-tools">
          <button type="button" className="button quiet small" disabled={!canUndo} onClick={() => void run(store.undo.undo())} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" className="button quiet small" disabled={!canRedo} onClick={() => void run(store.undo.redo())} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
        </div>
      </header>
      {(options.length > 0 || filtering) && (
        <FilterBar
          ref={filterButton}
          filter={filter}
          open={filterOpen}
          controls={filterListId}
          onToggle={() => setFilterOpen((open) => !open)}
          shown={matching.length}
          total={view.rows.length}
          onChange={setFilter}
        />
      )}
      {filterOpen && <FilterList id={filterListId} options={options} filter={filter} onChange={setFilter} onClose={closeFilter} />}
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
        {view.loaded && filtering && view.rows.length > 0 && matching.length === 0 && (
          <div className="panel-empty">
            <p>No annotation here matches the tag filter.</p>
            <p>
              <button type="button" className="button small" onClick={() => setFilter({ ...NO_FILTER, match: filter.match })}>
                Show all {total}
              </button>
            </p>
          </div>
        )}
        {placed.length > 0 && (
          <VirtualList
            items={placed}
            keyOf={rowKey}
            renderItem={item}
            scroller={list}
            pinned={view.selectedId}
            estimate={CARD_ESTIMATE}
            className="cards"
            label="In reading order"
          />
        )}
        {orphaned.length > 0 && (
          <section className="orphans" aria-labelledby="orphans-heading">
            <h3 id="orphans-heading">Not found in the corrected text</h3>
            <p className="muted">Kept with their quotes. Open one and re-attach it to a new selection.</p>
            <VirtualList
              items={orphaned}
              keyOf={rowKey}
              renderItem={item}
              scroller={list}
              pinned={view.selectedId}
              estimate={CARD_ESTIMATE}
              className="cards"
              label="Orphaned"
            />
          </section>
        )}
      </div>
    </section>
  );
}
