// The "Document" region: the open document's details, its text with its highlights, and what can
// be done with it; beside it, the "Annotations" panel. One annotation store serves both.
import { useCallback, useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { DocumentRecord } from '../../../shared/model';
import { AnnotationPanel } from '../annotations/Panel';
import { AnnotationStore } from '../annotations/store';
import { useUndoShortcuts } from '../annotations/useUndoShortcuts';
import { formatCount, formatIssued, formatTimestamp } from '../format';
import { useClient } from '../hooks/client';
import { useNotices } from '../hooks/notices';
import { AwaitingText } from './AwaitingText';
import { MetadataForm } from './MetadataForm';
import { ReaderText } from './ReaderText';
import { useDocument } from './useDocument';
import { describeAnchors, useEditMode } from './useEditMode';

interface Props {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
  /** An annotation to bring into view and select (from the address #/documents/<id>/a/<annotationId>). */
  focusAnnotationId?: string | null;
}

/** The title is shown above the text unless the text already starts with it. */
function textStartsWithTitle(doc: DocumentRecord): boolean {
  const first = doc.blocks[0];
  if (!first) return false;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  return squash(doc.text.slice(first.start, first.end)) === squash(doc.title);
}

function Details({ doc }: { doc: DocumentRecord }) {
  const parts = [
    doc.outlet,
    doc.issued ? formatIssued(doc.issued) : null,
    doc.authors || null,
    doc.status === 'awaiting-text' ? 'awaiting its text' : formatCount(doc.wordCount, 'word', 'words'),
    `added ${formatTimestamp(doc.createdAt)}`,
  ].filter((part): part is string => Boolean(part));
  return <p className="reader-details">{parts.join(' · ')}</p>;
}

/** Selects the annotation the address names, once it is loaded and its highlight drawn. */
function useFocusAnnotation(store: AnnotationStore, wanted: string | null, ready: boolean): void {
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted || !ready || done === wanted || !store.row(wanted)) return;
    setDone(wanted);
    // After the reader has painted its marks.
    requestAnimationFrame(() => store.select(wanted, 'both'));
  }, [store, wanted, ready, done]);
}

export function DocumentView({ id, onClose, onOpen, focusAnnotationId }: Props) {
  const client = useClient();
  const notices = useNotices();
  const { doc, error, loading, reload } = useDocument(id);
  const titleId = useId();
  const title = doc?.title;
  const [store] = useState(() => new AnnotationStore(client, id, notices));
  // After the document is asked for (effects run in order): the library answers one call at a
  // time, and the text is what the page waits for most.
  useEffect(() => store.start(), [store]);
  // Only how far the annotations have come, so that a new highlight or a selection (every change
  // to the store) does not re-render the whole document view.
  const annotations = useSyncExternalStore(
    useCallback((listener) => store.subscribe(listener), [store]),
    () => {
      const view = store.getView();
      if (view.loaded && view.kindsLoaded) return 'loaded';
      if (view.error !== null) return 'failed';
      return view.placed && view.kindsLoaded ? 'placed' : 'waiting';
    },
  );
  const reportError = useCallback((context: string, e: unknown) => notices.error(context, e), [notices]);
  useUndoShortcuts(store, reportError);
  useFocusAnnotation(store, focusAnnotationId ?? null, annotations === 'loaded' && doc !== null);
  const edit = useEditMode(doc, store, reload);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [reimporting, setReimporting] = useState(false);

  useEffect(() => {
    document.title = title ? `${title} — Gloss` : 'Gloss';
  }, [title]);

  const restore = useCallback(
    async (target: { id: string; title: string }) => {
      const result = await client.try('documents.restore', { id: target.id });
      if (!result.ok) notices.error(`Could not restore “${target.title}”`, result.error);
      else onOpen(target.id);
    },
    [client, notices, onOpen],
  );

  const trash = useCallback(async () => {
    if (!doc) return;
    const result = await client.try('documents.trash', { id: doc.id });
    if (!result.ok) {
      notices.error(`Could not move “${doc.title}” to the Trash`, result.error);
      return;
    }
    onClose();
    notices.info(`Moved “${doc.title}” to the Trash.`, [{ label: 'Undo', run: () => void restore(doc) }]);
  }, [client, doc, notices, onClose, restore]);

  // Re-import replaces the text through the same path as corrected text: every annotation is placed again.
  const reimport = useCallback(async () => {
    if (!doc) return;
    const from =
      doc.origin.kind === 'url' ? (doc.origin.url ?? 'its web address') : `the original file${doc.origin.fileName ? ` (${doc.origin.fileName})` : ''}`;
    if (
      !window.confirm(
        `Read “${doc.title}” again from ${from}? Its text is replaced by what the source says now (corrections made with Edit text included), and every annotation is placed again.`,
      )
    )
      return;
    setReimporting(true);
    await store.queue.flushAll();
    const result = await client.try('documents.reimport', { id: doc.id, version: doc.version });
    setReimporting(false);
    if (!result.ok) {
      notices.error(`Could not re-import “${doc.title}”; nothing was changed`, result.error);
      return;
    }
    const { changed, anchors, warnings } = result.value;
    const note = warnings.length > 0 ? ` Note: ${warnings.join(' ')}` : '';
    if (!changed) {
      notices.info(`The source still reads the same; nothing was changed.${note}`);
      return;
    }
    const orphaned = anchors.orphaned > 0 ? ' Annotations not found are kept with their quotes; re-attach them by selecting new text.' : '';
    notices.info(`${describeAnchors(anchors).replace('Corrected text saved.', 'Re-imported from the source.')}${orphaned}${note}`);
    store.textChanged();
    await store.load();
    reload();
  }, [client, doc, notices, reload, store]);

  const purge = useCallback(async () => {
    if (!doc) return;
    if (!window.confirm(`Delete “${doc.title}” for good? Its annotations go with it, and this cannot be undone.`)) return;
    const result = await client.try('documents.purge', { id: doc.id });
    if (!result.ok) notices.error(`Could not delete “${doc.title}”`, result.error);
    else onClose();
  }, [client, doc, notices, onClose]);

  if (!doc) {
    return (
      <section className="reader reader-message" aria-label="Document" aria-busy={loading}>
        {error ? (
          <div className="empty-state" role="alert">
            <h2>{error.code === 'not-found' ? 'This document is no longer in the library' : 'The document could not be opened'}</h2>
            <p>
              {error.code === 'not-found' ? 'It may have been deleted for good in another window. Choose another document from the library.' : error.message}
            </p>
            <div className="button-row">
              {error.code !== 'not-found' && (
                <button type="button" className="button primary" onClick={reload}>
                  Try again
                </button>
              )}
              <button type="button" className="button" onClick={onClose}>
                Close
              </button>
            </div>
          </div>
        ) : (
          <p className="muted loading">Opening the document…</p>
        )}
      </section>
    );
  }

  const trashed = doc.deletedAt !== null;
  const editing = edit.mode !== 'read';
  const awaiting = doc.status === 'awaiting-text';
  const hasSource = !awaiting && ((doc.origin.kind === 'url' && doc.origin.url !== null) || doc.origin.hasOriginal === true);
  return (
    <div className="document-layout">
      <section className="reader" aria-label="Document">
        <header className="reader-bar">
          <p className="reader-bar-title" id={titleId}>
            {doc.title}
          </p>
          <div className="reader-actions">
            {!trashed && edit.mode === 'read' && (
              <button
                type="button"
                className="button quiet"
                onClick={() => setDetailsOpen(true)}
                title="Title, authors, date and the other details citations use"
              >
                Details
              </button>
            )}
            {!trashed && !awaiting && edit.mode === 'read' && (
              <button type="button" className="button quiet" onClick={edit.start} title="Correct typos and OCR errors in the text">
                Edit text
              </button>
            )}
            {!trashed && hasSource && edit.mode === 'read' && (
              <button
                type="button"
                className="button quiet"
                onClick={() => void reimport()}
                disabled={reimporting}
                title={
                  doc.origin.kind === 'url'
                    ? 'Fetch the page again and place every annotation on its new text'
                    : 'Read the original file again with the current importer'
                }
              >
                {reimporting ? 'Re-importing…' : 'Re-import'}
              </button>
            )}
            {editing && (
              <>
                <button type="button" className="button primary" onClick={() => void edit.save()} disabled={edit.mode === 'saving'}>
                  {edit.mode === 'saving' ? 'Saving…' : 'Save text'}
                </button>
                <button type="button" className="button quiet" onClick={edit.cancel} disabled={edit.mode === 'saving'}>
                  Cancel
                </button>
              </>
            )}
            {trashed ? (
              <>
                <button type="button" className="button" onClick={() => void restore(doc)}>
                  Restore
                </button>
                <button type="button" className="button danger" onClick={() => void purge()}>
                  Delete forever
                </button>
              </>
            ) : (
              <button type="button" className="button quiet" onClick={() => void trash()}>
                Move to Trash
              </button>
            )}
            <button type="button" className="button quiet icon" onClick={onClose} aria-label="Close document" title="Close document">
              ×
            </button>
          </div>
        </header>
        {trashed && (
          <p className="reader-banner" role="status">
            This document is in the Trash. Restore it to keep it in the library.
          </p>
        )}
        {editing && (
          <p className="reader-banner editing" role="status">
            Edit mode: correct typos and scanning errors in the text. When you save, every annotation is placed again on the corrected text.
          </p>
        )}
        {error && (
          <p className="reader-banner error" role="alert">
            {error.message}
          </p>
        )}
        <div className="reader-scroll">
          <article className="reader-page">
            <Details doc={doc} />
            {!textStartsWithTitle(doc) && <h1 className="reader-title">{doc.title}</h1>}
            {awaiting ? (
              <AwaitingText
                doc={doc}
                onOpen={onOpen}
                onFilled={(filled, warnings) => {
                  notices.info(`“${filled.title}” now has its text.${warnings.length > 0 ? ` Note: ${warnings.join(' ')}` : ''}`);
                  reload();
                }}
              />
            ) : annotations !== 'waiting' ? (
              <ReaderText
                key={`${doc.id}:${doc.contentHash}:${edit.round}`}
                doc={doc}
                labelledBy={titleId}
                onError={(e) => notices.error('The reader ran into a problem', e)}
                store={store}
                editing={editing}
                editorRef={edit.editor}
              />
            ) : (
              <p className="muted loading">Opening the annotations…</p>
            )}
          </article>
        </div>
      </section>
      <AnnotationPanel store={store} onError={reportError} />
      <MetadataForm doc={doc} open={detailsOpen} onClose={() => setDetailsOpen(false)} onSaved={reload} />
    </div>
  );
}
