// Search hits: which document, where the words were found, and the words in their context.
import type { SearchHit } from '../../../shared/model';
import { annotationHref, documentHref } from '../hooks/useRoute';
import { Snippet } from './Snippet';

/** Where the words were found; body text is the usual case and goes unlabelled. */
const FIELD_LABELS: Record<SearchHit['field'], string> = {
  title: 'in the title',
  text: 'in the text',
  note: 'in a note',
  labels: 'in a tag or source',
};

interface Props {
  hits: SearchHit[];
  hasMore: boolean;
  openId: string | null;
  onLoadMore: () => void;
}

export function SearchResults({ hits, hasMore, openId, onLoadMore }: Props) {
  return (
    <>
      <ul className="doc-list search-results" aria-label="Search results">
        {hits.map((hit) => (
          <li key={`${hit.documentId}:${hit.annotationId ?? ''}:${hit.field}`}>
            <a
              className="doc-row"
              href={hit.annotationId ? annotationHref(hit.documentId, hit.annotationId) : documentHref(hit.documentId)}
              aria-current={hit.documentId === openId ? 'page' : undefined}
            >
              <span className="doc-title">{hit.documentTitle}</span>
              {(hit.kind === 'annotation' || hit.field !== 'text') && (
                <span className="doc-byline">{hit.kind === 'annotation' ? `Annotation, ${FIELD_LABELS[hit.field]}` : FIELD_LABELS[hit.field]}</span>
              )}
              {hit.snippet.length > 0 && <Snippet parts={hit.snippet} />}
            </a>
          </li>
        ))}
      </ul>
      {hasMore && (
        <button type="button" className="button quiet load-more" onClick={onLoadMore}>
          Show more results
        </button>
      )}
    </>
  );
}
