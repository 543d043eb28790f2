// Documents in the Trash, each with a way back and a way out for good.
import type { DocumentSummary } from '../../../shared/model';
import { formatTimestamp } from '../format';
import { documentHref } from '../hooks/useRoute';

interface Props {
  items: DocumentSummary[];
  openId: string | null;
  onRestore: (doc: DocumentSummary) => void;
  onPurge: (doc: DocumentSummary) => void;
}

export function TrashList({ items, openId, onRestore, onPurge }: Props) {
  return (
    <ul className="doc-list trash-list" aria-label="Documents in the Trash">
      {items.map((doc) => (
        <li key={doc.id} className="trash-item">
          <a className="doc-row" href={documentHref(doc.id)} aria-current={doc.id === openId ? 'page' : undefined}>
            <span className="doc-title">{doc.title}</span>
            <span className="doc-byline">Moved to the Trash {doc.deletedAt ? formatTimestamp(doc.deletedAt) : ''}</span>
          </a>
          <div className="row-actions">
            <button type="button" className="button small" onClick={() => onRestore(doc)} aria-label={`Restore ${doc.title}`}>
              Restore
            </button>
            <button type="button" className="button small danger" onClick={() => onPurge(doc)} aria-label={`Delete ${doc.title} forever`}>
              Delete forever
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
