// The library's documents: title in bold, outlet and date beneath, the open one marked current;
// bibliographic entries that have no text yet say so.
import type { DocumentSummary } from '../../../shared/model';
import { documentByline, formatCount } from '../format';
import { documentHref } from '../hooks/useRoute';

interface Props {
  items: DocumentSummary[];
  total: number;
  openId: string | null;
  onLoadMore: () => void;
}

export function DocumentList({ items, total, openId, onLoadMore }: Props) {
  return (
    <>
      <ul className="doc-list" aria-label={`Documents, ${formatCount(total, 'document', 'documents')}`}>
        {items.map((doc) => (
          <li key={doc.id}>
            <a className="doc-row" href={documentHref(doc.id)} aria-current={doc.id === openId ? 'page' : undefined}>
              <span className="doc-title">{doc.title}</span>
              <span className="doc-byline">
                {doc.status === 'awaiting-text' && <span className="doc-marker">Awaiting text</span>}
                {documentByline(doc)}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {items.length < total && (
        <button type="button" className="button quiet load-more" onClick={onLoadMore}>
          Show more ({formatCount(total - items.length, 'more document', 'more documents')})
        </button>
      )}
    </>
  );
}
