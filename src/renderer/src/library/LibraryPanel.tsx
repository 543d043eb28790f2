// The "Library" sidebar: adding, searching, sorting, and the lists of documents and the Trash.
import type { ReactNode } from 'react';
import type { DocumentSummary } from '../../../shared/model';
import { useTagList } from '../fields';
import { compareTagNames } from '../fields/tagPaths';
import { formatCount } from '../format';
import { KINDS_HREF, SOURCES_HREF, TAGS_HREF, type Route } from '../hooks/useRoute';
import { DocumentList } from './DocumentList';
import { SearchResults } from './SearchResults';
import { SORTS, type SortKey } from './sorting';
import { TrashList } from './TrashList';
import type { DocumentList as ListState } from './useDocumentList';
import type { SearchState } from './useSearch';

export type LibraryView = 'documents' | 'trash';

interface Props {
  openId: string | null;
  view: LibraryView;
  onView: (view: LibraryView) => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  query: string;
  onQuery: (query: string) => void;
  documents: ListState;
  trash: ListState;
  search: SearchState;
  onPaste: () => void;
  onPickFiles: () => void;
  onExport: () => void;
  onRestore: (doc: DocumentSummary) => void;
  onPurge: (doc: DocumentSummary) => void;
  /** Import progress or its summary, shown under the add buttons while there is one. */
  importStatus: ReactNode;
  route: Route;
  /** The tag the documents list is narrowed to, if any. */
  tagFilter: string | null;
  onTagFilter: (tagId: string | null) => void;
}

const VIEW_LINKS = [
  { href: SOURCES_HREF, label: 'Sources', routes: ['sources', 'source'] },
  { href: TAGS_HREF, label: 'Tags', routes: ['tags'] },
  { href: KINDS_HREF, label: 'Kinds', routes: ['kinds'] },
] as const;

// Its own landmark below the library, so the library's landmark holds documents only.
function ViewLinks({ route }: { route: Route }) {
  return (
    <nav className="library-views" aria-label="Views">
      <ul className="library-links">
        {VIEW_LINKS.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={(link.routes as readonly string[]).includes(route.name) ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TagFilter({ value, onChange }: { value: string | null; onChange: (tagId: string | null) => void }) {
  const { tags } = useTagList();
  const sorted = [...tags].sort((a, b) => compareTagNames(a.name, b.name));
  // A filter on a tag that has since been deleted or merged away shows as such rather than vanishing silently.
  const missing = value !== null && tags.length > 0 && !tags.some((t) => t.id === value);
  return (
    <label className="tag-filter">
      <span className="muted">Tag</span>
      <select aria-label="Filter by tag" value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}>
        <option value="">All documents</option>
        {missing && <option value={value ?? ''}>(a tag no longer there)</option>}
        {sorted.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name.split('/').join(' / ')}
          </option>
        ))}
      </select>
    </label>
  );
}

function ListProblem({ what, list }: { what: string; list: ListState }) {
  if (!list.error) return null;
  return (
    <div className="inline-error" role="alert">
      <p>
        {what} could not be loaded. {list.error.message}
      </p>
      <button type="button" className="button small" onClick={list.reload}>
        Try again
      </button>
    </div>
  );
}

function Empty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="list-empty">
      <p className="list-empty-title">{title}</p>
      <p>{children}</p>
    </div>
  );
}

function SearchBody({ search, openId }: { search: SearchState; openId: string | null }) {
  if (search.error) {
    return (
      <div className="inline-error" role="alert">
        <p>The search could not be run. {search.error.message}</p>
      </div>
    );
  }
  if (search.hits.length === 0) {
    if (search.loading || search.query === '') return <p className="list-note muted">Searching…</p>;
    return (
      <Empty title={`No matches for “${search.query}”`}>
        Check the spelling or try fewer words. Search looks through the titles, text, notes and tags of the documents in the library, not those in the Trash.
      </Empty>
    );
  }
  return (
    <>
      <div className="list-head">
        <span className="muted">{search.hasMore ? `More than ${search.hits.length} matches` : formatCount(search.hits.length, 'match', 'matches')}</span>
      </div>
      <SearchResults hits={search.hits} hasMore={search.hasMore} openId={openId} onLoadMore={search.loadMore} />
    </>
  );
}

export function LibraryPanel(props: Props) {
  const { openId, view, query, documents, trash, search, tagFilter } = props;
  const searching = query.trim() !== '' && view === 'documents';

  return (
    <div className="library-column">
      <nav className="library" aria-label="Library">
        <div className="library-head">
          <p className="brand">Gloss</p>
          <div className="add-buttons">
            <button type="button" className="button primary" onClick={props.onPaste}>
              Paste text
            </button>
            <button type="button" className="button" onClick={props.onPickFiles}>
              Add files
            </button>
            <button type="button" className="button" onClick={props.onExport}>
              Export…
            </button>
          </div>
        </div>

        {props.importStatus}

        <div className="library-tools">
          <input
            type="search"
            className="search-box"
            aria-label="Search library"
            placeholder="Search library"
            value={query}
            onChange={(event) => {
              props.onQuery(event.target.value);
              if (view !== 'documents') props.onView('documents');
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query !== '') {
                event.preventDefault();
                props.onQuery('');
              }
            }}
          />
          <div className="view-switch" role="group" aria-label="Show">
            <button type="button" aria-pressed={view === 'documents'} onClick={() => props.onView('documents')}>
              Documents
            </button>
            <button type="button" aria-pressed={view === 'trash'} onClick={() => props.onView('trash')}>
              Trash{trash.loaded && trash.total > 0 ? <span className="count">{trash.total}</span> : null}
            </button>
          </div>
        </div>

        <div className="library-body" aria-busy={searching ? search.loading : (view === 'trash' ? trash : documents).loading}>
          {searching ? (
            <SearchBody search={search} openId={openId} />
          ) : view === 'documents' ? (
            <>
              <ListProblem what="The library" list={documents} />
              {documents.loaded && documents.total === 0 && !documents.error && tagFilter === null ? (
                <Empty title="No documents yet">Paste text or add .txt and .md files with the buttons above, or drop files anywhere in this window.</Empty>
              ) : (
                <>
                  <div className="list-head">
                    <span className="muted">{documents.loaded ? formatCount(documents.total, 'document', 'documents') : ''}</span>
                    <label className="sort">
                      <span className="muted">Sort by</span>
                      <select value={props.sort} onChange={(event) => props.onSort(event.target.value as SortKey)}>
                        {SORTS.map((sort) => (
                          <option key={sort.key} value={sort.key}>
                            {sort.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                  <div className="list-filter">
                    <TagFilter value={tagFilter} onChange={props.onTagFilter} />
                    {tagFilter !== null && (
                      <button type="button" className="button quiet small" onClick={() => props.onTagFilter(null)}>
                        Show all
                      </button>
                    )}
                  </div>
                  {documents.loaded && documents.total === 0 && tagFilter !== null ? (
                    <Empty title="No documents with this tag">No claim in the library carries this tag or a tag below it.</Empty>
                  ) : (
                    <DocumentList items={documents.items} total={documents.total} openId={openId} onLoadMore={documents.loadMore} />
                  )}
                </>
              )}
            </>
          ) : (
            <>
              <ListProblem what="The Trash" list={trash} />
              {trash.loaded && trash.total === 0 && !trash.error ? (
                <Empty title="The Trash is empty">Documents you move to the Trash stay here until you restore them or delete them for good.</Empty>
              ) : (
                <>
                  <div className="list-head">
                    <span className="muted">{formatCount(trash.total, 'document', 'documents')} in the Trash</span>
                  </div>
                  <TrashList items={trash.items} openId={openId} onRestore={props.onRestore} onPurge={props.onPurge} />
                </>
              )}
            </>
          )}
        </div>
      </nav>
      <ViewLinks route={props.route} />
    </div>
  );
}
