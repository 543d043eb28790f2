// The window: library on the left; in the middle the open document or a view (sources, tags, kinds).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRecord, DocumentSummary } from '../../shared/model';
import { DropOverlay } from './components/DropOverlay';
import { Notices } from './components/Notices';
import { PasteDialog } from './components/PasteDialog';
import { useFileDrop } from './hooks/useFileDrop';
import { usePasteDraft } from './hooks/usePasteDraft';
import { Welcome } from './components/Welcome';
import { useClient } from './hooks/client';
import { useNotices } from './hooks/notices';
import { useOpenDocument, useRoute, type Route } from './hooks/useRoute';
import { ACCEPT } from './importing/files';
import { ImportArea } from './importing/ImportArea';
import { useImport } from './importing/useImport';
import { LibraryPanel, type LibraryView } from './library/LibraryPanel';
import { saveSort, savedSort, type SortKey } from './library/sorting';
import { selectionOptions } from './export/choices';
import { ExportDialog } from './export/ExportDialog';
import { useTagList } from './fields/useTagList';
import { useDocumentList } from './library/useDocumentList';
import { useSearch } from './library/useSearch';
import { DocumentView } from './reader/DocumentView';
import { SAMPLE_DOCUMENT } from './sample';
import { KindsView } from './views/KindsView';
import { SourcePage, type ShownSource } from './views/SourcePage';
import { SourcesView } from './views/SourcesView';
import { TagsView } from './views/TagsView';
import './styles/views.css';

interface ViewProps {
  route: Route;
  onExport: () => void;
  onSourceShown: (source: ShownSource | null) => void;
}

/** The views that take the middle column instead of a document. */
function ViewFor({ route, onExport, onSourceShown }: ViewProps) {
  switch (route.name) {
    case 'sources':
      return <SourcesView />;
    case 'source':
      return <SourcePage key={route.id} id={route.id} onExport={onExport} onShown={onSourceShown} />;
    case 'tags':
      return <TagsView />;
    case 'kinds':
      return <KindsView />;
    default:
      return null;
  }
}

export function App() {
  const client = useClient();
  const notices = useNotices();
  const route = useRoute();
  const [openId, open, focusAnnotationId] = useOpenDocument();
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const [view, setView] = useState<LibraryView>('documents');
  const [sort, setSort] = useState<SortKey>(savedSort);
  const [query, setQuery] = useState('');
  const documents = useDocumentList(false, sort, tagFilter);
  const trash = useDocumentList(true, 'newest');
  const search = useSearch(view === 'documents' ? query : '');
  const importer = useImport(open);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [draft, updateDraft, clearDraft] = usePasteDraft();
  const [openingSample, setOpeningSample] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  // The source page knows its source's name; the dialog needs it whichever Export… button opened it.
  const [shownSource, setShownSource] = useState<ShownSource | null>(null);
  const { tags } = useTagList();
  const fileInput = useRef<HTMLInputElement>(null);
  const dragging = useFileDrop(importer.start);

  useEffect(() => {
    if (route.name === 'home') document.title = 'Gloss';
  }, [route.name]);

  // A link from the tags view (#/?tag=…) narrows the library; the filter then stays while documents are opened.
  const linkedTag = route.name === 'home' ? route.tagId : null;
  useEffect(() => {
    if (linkedTag === null) return;
    setTagFilter(linkedTag);
    setView('documents');
    setQuery('');
  }, [linkedTag]);

  const pickFiles = useCallback(() => fileInput.current?.click(), []);
  const openPaste = useCallback(() => setPasteOpen(true), []);

  const restore = useCallback(
    async (doc: DocumentSummary) => {
      const result = await client.try('documents.restore', { id: doc.id });
      if (!result.ok) notices.error(`Could not restore “${doc.title}”`, result.error);
      else notices.info(`Restored “${doc.title}” to the library.`, [{ label: 'Open it', run: () => open(doc.id) }]);
    },
    [client, notices, open],
  );

  const purge = useCallback(
    async (doc: DocumentSummary) => {
      if (!window.confirm(`Delete “${doc.title}” for good? Its annotations go with it, and this cannot be undone.`)) return;
      const result = await client.try('documents.purge', { id: doc.id });
      if (!result.ok) notices.error(`Could not delete “${doc.title}”`, result.error);
      else if (openId === doc.id) open(null);
    },
    [client, notices, open, openId],
  );

  const openSample = useCallback(async () => {
    setOpeningSample(true);
    const result = await client.try('documents.create', SAMPLE_DOCUMENT);
    setOpeningSample(false);
    if (result.ok) {
      open(result.value.id);
      return;
    }
    // Already added once (perhaps since moved to the Trash): bring that copy back rather than fail.
    const existing = result.error.code === 'conflict' ? (result.error.current as DocumentSummary | undefined) : undefined;
    if (!existing) {
      notices.error('Could not open the sample document', result.error);
      return;
    }
    if (existing.deletedAt) {
      const restored = await client.try('documents.restore', { id: existing.id });
      if (!restored.ok) notices.error('Could not bring the sample document back from the Trash', restored.error);
    }
    open(existing.id);
  }, [client, notices, open]);

  const added = useCallback(
    (doc: DocumentRecord) => {
      setPasteOpen(false);
      setQuery('');
      setView('documents');
      open(doc.id);
      notices.info(`Added “${doc.title}”.`);
    },
    [notices, open],
  );

  const openExport = useCallback(() => setExportOpen(true), []);
  const exportSelections = selectionOptions({
    source: route.name === 'source' && shownSource?.id === route.id ? shownSource : null,
    tagFilter: tags.find((tag) => tag.id === tagFilter) ?? null,
    query,
    openDocumentId: openId,
    tags,
  });

  return (
    <div className="app">
      <LibraryPanel
        openId={openId}
        view={view}
        onView={setView}
        sort={sort}
        onSort={(key) => {
          setSort(key);
          saveSort(key);
        }}
        query={query}
        onQuery={setQuery}
        documents={documents}
        trash={trash}
        search={search}
        onPaste={openPaste}
        onPickFiles={pickFiles}
        onExport={openExport}
        onRestore={(doc) => void restore(doc)}
        onPurge={(doc) => void purge(doc)}
        importStatus={<ImportArea status={importer.status} onCancel={importer.cancel} onDismiss={importer.dismiss} />}
        route={route}
        tagFilter={tagFilter}
        onTagFilter={setTagFilter}
      />
      <main className="main">
        {openId ? (
          <DocumentView key={openId} id={openId} onClose={() => open(null)} onOpen={open} focusAnnotationId={focusAnnotationId} />
        ) : route.name !== 'home' ? (
          <ViewFor route={route} onExport={openExport} onSourceShown={setShownSource} />
        ) : documents.loaded ? (
          <Welcome
            libraryEmpty={tagFilter === null && documents.total === 0 && !documents.error}
            openingSample={openingSample}
            onPaste={openPaste}
            onPickFiles={pickFiles}
            onSample={() => void openSample()}
          />
        ) : null}
      </main>
      <Notices />
      <PasteDialog
        open={pasteOpen}
        draft={draft}
        onDraft={updateDraft}
        onClearDraft={clearDraft}
        onClose={() => setPasteOpen(false)}
        onAdded={added}
        onOpenExisting={(id) => {
          setPasteOpen(false);
          open(id);
        }}
      />
      <ExportDialog open={exportOpen} selections={exportSelections} onClose={() => setExportOpen(false)} />
      <input
        ref={fileInput}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        multiple
        accept={ACCEPT}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so that picking the same file again still reports a change.
          event.target.value = '';
          importer.start(files);
        }}
      />
      {dragging && <DropOverlay />}
    </div>
  );
}
