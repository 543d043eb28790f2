// The "Document" region: the open document's details, its text, and what can be done with it.
import { useCallback, useEffect, useId } from 'react';
import type { DocumentRecord } from '../../../shared/model';
import { formatCount, formatIssued, formatTimestamp } from '../format';
import { useClient } from '../hooks/client';
import { useNotices } from '../hooks/notices';
import { ReaderText } from './ReaderText';
import { useDocument } from './useDocument';

interface Props {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
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
    formatCount(doc.wordCount, 'word', 'words'),
    `added ${formatTimestamp(doc.createdAt)}`,
  ].filter((part): part is string => Boolean(part));
  return <p className="reader-details">{parts.join(' · ')}</p>;
}

export function DocumentView({ id, onClose, onOpen }: Props) {
  const client = useClient();
  const notices = useNotices();
  const { doc, error, loading, reload } = useDocument(id);
  const titleId = useId();
  const title = doc?.title;

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
  return (
    <section className="reader" aria-label="Document">
      <header className="reader-bar">
        <p className="reader-bar-title" id={titleId}>
          {doc.title}
        </p>
        <div className="reader-actions">
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
      {error && (
        <p className="reader-banner error" role="alert">
          {error.message}
        </p>
      )}
      <div className="reader-scroll">
        <article className="reader-page">
          <Details doc={doc} />
          {!textStartsWithTitle(doc) && <h1 className="reader-title">{doc.title}</h1>}
          <ReaderText key={`${doc.id}:${doc.contentHash}`} doc={doc} labelledBy={titleId} onError={(e) => notices.error('The reader ran into a problem', e)} />
        </article>
      </div>
    </section>
  );
}
