// Every source in the library with its kind and how many claims cite it; select two or more to merge them.
import { useEffect, useState } from 'react';
import type { Source } from '../../../shared/model';
import { SourceForm } from '../fields';
import { SOURCE_KIND_LABEL } from '../fields/sourceForm';
import { formatCount } from '../format';
import { useClient } from '../hooks/client';
import { messageOf, useNotices } from '../hooks/notices';
import { navigate, sourceHref } from '../hooks/useRoute';
import { MergeDialog } from './MergeDialog';
import { useSources } from './useSources';

const describe = (s: Source) => [s.acronym, SOURCE_KIND_LABEL[s.kind], formatCount(s.claimCount, 'claim', 'claims')].filter(Boolean).join(' · ');

export function SourcesView() {
  const client = useClient();
  const notices = useNotices();
  const [query, setQuery] = useState('');
  const { sources, loaded, error, reload } = useSources(query);
  const everything = useSources();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [merging, setMerging] = useState(false);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    document.title = 'Sources · Gloss';
  }, []);

  const byId = new Map(everything.sources.map((s) => [s.id, s]));
  // Selections survive filtering, but not a source that is gone (merged or deleted elsewhere).
  const chosen = [...selected].map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const merge = async (targetId: string): Promise<string | null> => {
    const target = byId.get(targetId);
    const others = chosen.filter((s) => s.id !== targetId);
    const result = await client.try('sources.merge', { targetId, otherIds: others.map((s) => s.id) });
    if (!result.ok) return `The sources could not be merged: ${messageOf(result.error)}`;
    setSelected(new Set());
    notices.info(`Merged ${others.map((s) => `“${s.name}”`).join(', ')} into “${target?.name ?? result.value.name}”.`, [
      { label: 'Open it', run: () => navigate(sourceHref(targetId)) },
    ]);
    return null;
  };

  return (
    <section className="view" aria-labelledby="sources-heading">
      <header className="view-head">
        <h1 id="sources-heading">Sources</h1>
        <p className="muted">Who the claims in your library come from. Open a source to see every claim attributed to it.</p>
      </header>
      <div className="view-tools">
        <input
          type="search"
          aria-label="Filter sources"
          placeholder="Filter by name, acronym or other name"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className="button" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
          New source
        </button>
        <button type="button" className="button" disabled={chosen.length < 2} onClick={() => setMerging(true)}>
          Merge selected{chosen.length > 0 ? ` (${chosen.length})` : ''}
        </button>
      </div>
      {adding && (
        <div className="view-panel">
          <SourceForm
            initial={query}
            onCreated={(source) => {
              setAdding(false);
              notices.info(`Added the source “${source.name}”.`);
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      {error && (
        <div className="inline-error" role="alert">
          <p>The sources could not be loaded. {error.message}</p>
          <button type="button" className="button small" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {loaded && sources.length === 0 && !error ? (
        <p className="view-empty">
          {query.trim() ? `No source answers to “${query.trim()}”.` : 'No sources yet. Add one here, or name one in a claim’s Sources field as you annotate.'}
        </p>
      ) : (
        <table className="view-table" aria-label="Sources">
          <thead>
            <tr>
              <th scope="col" className="check">
                <span className="visually-hidden">Selected</span>
              </th>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Published by</th>
              <th scope="col" className="number">
                Claims
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => {
              const publisher = source.publisherId ? byId.get(source.publisherId) : undefined;
              return (
                <tr key={source.id} className={selected.has(source.id) ? 'selected' : undefined}>
                  <td className="check">
                    <input
                      type="checkbox"
                      aria-label={source.name}
                      checked={selected.has(source.id)}
                      onChange={(event) => toggle(source.id, event.target.checked)}
                    />
                  </td>
                  <td>
                    <a href={sourceHref(source.id)} className="view-name">
                      {source.name}
                    </a>
                    {source.acronym && <span className="muted"> ({source.acronym})</span>}
                    {source.aliases.length > 0 && <span className="view-aliases">also {source.aliases.join(', ')}</span>}
                  </td>
                  <td>{SOURCE_KIND_LABEL[source.kind]}</td>
                  <td>{publisher ? <a href={sourceHref(publisher.id)}>{publisher.name}</a> : <span className="muted">—</span>}</td>
                  <td className="number">{source.claimCount}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <MergeDialog
        open={merging}
        noun="sources"
        choices={chosen.map((s) => ({ id: s.id, label: s.name, detail: describe(s) }))}
        explanation="Every claim linked to the others is linked to the one you keep; their names and acronyms become its other names, so searches still find it."
        onMerge={merge}
        onClose={() => setMerging(false)}
      />
    </section>
  );
}
