// One source: who or what it is, and every claim attributed to it across the library, grouped by document.
import { useEffect, useState } from 'react';
import { formatFigure } from '../../../shared/figures';
import type { Source, SourceClaim } from '../../../shared/model';
import { SourceForm, TagName } from '../fields';
import { SOURCE_KIND_LABEL, SOURCE_ROLES } from '../fields/sourceForm';
import { formatCount } from '../format';
import { useClient } from '../hooks/client';
import { messageOf, useNotices } from '../hooks/notices';
import { annotationHref, documentHref, navigate, sourceHref, SOURCES_HREF } from '../hooks/useRoute';
import { useSourceClaims } from './useSourceClaims';
import { useSources } from './useSources';

const ROLE_LABEL = Object.fromEntries(SOURCE_ROLES.map((r) => [r.role, r.label]));

/** Consecutive claims of one document, in the order the API gives them (by document, then reading order). */
function byDocument(claims: SourceClaim[]): { documentId: string; title: string; claims: SourceClaim[] }[] {
  const groups: { documentId: string; title: string; claims: SourceClaim[] }[] = [];
  for (const claim of claims) {
    const last = groups[groups.length - 1];
    if (last && last.documentId === claim.annotation.documentId) last.claims.push(claim);
    else groups.push({ documentId: claim.annotation.documentId, title: claim.documentTitle, claims: [claim] });
  }
  return groups;
}

function Claim({ claim }: { claim: SourceClaim }) {
  const { annotation } = claim;
  const details = [claim.role !== 'attributed-to' ? ROLE_LABEL[claim.role] : null, claim.locator].filter(Boolean).join(', ');
  return (
    <li className="claim">
      <a className="claim-quote" href={annotationHref(annotation.documentId, annotation.id)}>
        {annotation.exact}
      </a>
      {(details || annotation.figures.length > 0 || annotation.tags.length > 0 || annotation.note) && (
        <div className="claim-meta">
          {details && <span className="muted">{details}</span>}
          {annotation.figures.map((f) => (
            <span key={f.id} className="claim-figure">
              {formatFigure(f)}
            </span>
          ))}
          {annotation.tags.map((t) => (
            <span key={t.id} className="claim-tag">
              <TagName name={t.name} color={t.color} />
            </span>
          ))}
          {annotation.note && <p className="claim-note">{annotation.note}</p>}
        </div>
      )}
    </li>
  );
}

function SourceHeader({ source, publisher, published }: { source: Source; publisher: Source | undefined; published: Source[] }) {
  return (
    <dl className="source-facts">
      <dt>Kind</dt>
      <dd>{SOURCE_KIND_LABEL[source.kind]}</dd>
      {source.acronym && (
        <>
          <dt>Acronym</dt>
          <dd>{source.acronym}</dd>
        </>
      )}
      {source.aliases.length > 0 && (
        <>
          <dt>Also called</dt>
          <dd>{source.aliases.join('; ')}</dd>
        </>
      )}
      {source.url && (
        <>
          <dt>Address</dt>
          <dd>
            <a href={source.url} target="_blank" rel="noreferrer noopener">
              {source.url}
            </a>
          </dd>
        </>
      )}
      {publisher && (
        <>
          <dt>Published by</dt>
          <dd>
            <a href={sourceHref(publisher.id)}>{publisher.name}</a>
          </dd>
        </>
      )}
      {published.length > 0 && (
        <>
          <dt>Publishes</dt>
          <dd>
            {published.map((p, i) => (
              <span key={p.id}>
                {i > 0 && '; '}
                <a href={sourceHref(p.id)}>{p.name}</a>
              </span>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}

/** The source a page shows, as the export dialog names it. */
export interface ShownSource {
  id: string;
  name: string;
}

interface Props {
  id: string;
  /** Opens the export dialog; the page has told `onShown` which source it shows, so the dialog offers its claims first. */
  onExport: () => void;
  onShown: (source: ShownSource | null) => void;
}

export function SourcePage({ id, onExport, onShown }: Props) {
  const client = useClient();
  const notices = useNotices();
  const { sources, loaded, error } = useSources();
  const claims = useSourceClaims(id);
  const [editing, setEditing] = useState(false);
  const source = sources.find((s) => s.id === id);

  useEffect(() => {
    if (source) document.title = `${source.name} · Gloss`;
  }, [source]);

  const name = source?.name;
  useEffect(() => {
    if (name === undefined) return;
    onShown({ id, name });
    return () => onShown(null);
  }, [id, name, onShown]);

  if (!source) {
    if (!loaded) return <section className="view" aria-busy="true" aria-label="Source" />;
    return (
      <section className="view" aria-labelledby="source-heading">
        <h1 id="source-heading">Source not found</h1>
        <p>
          {error
            ? `The sources could not be loaded. ${error.message}`
            : 'This source is no longer in the library: it may have been merged into another or deleted.'}
        </p>
        <p>
          <a href={SOURCES_HREF}>All sources</a>
        </p>
      </section>
    );
  }

  const remove = async () => {
    const used = claims.total;
    const question =
      used > 0
        ? `Delete the source “${source.name}”? ${formatCount(used, 'claim loses', 'claims lose')} this source; the claims themselves stay.`
        : `Delete the source “${source.name}”?`;
    if (!window.confirm(question)) return;
    const result = await client.try('sources.delete', { id: source.id, version: source.version });
    if (!result.ok) notices.error(`Could not delete “${source.name}”`, result.error);
    else {
      notices.info(`Deleted the source “${source.name}”.`);
      navigate(SOURCES_HREF);
    }
  };

  const groups = byDocument(claims.claims);
  return (
    <section className="view" aria-labelledby="source-heading">
      <p className="view-crumbs">
        <a href={SOURCES_HREF}>Sources</a>
      </p>
      <header className="view-head">
        <h1 id="source-heading">
          {source.name}
          {source.acronym && <span className="muted"> ({source.acronym})</span>}
        </h1>
        <SourceHeader
          source={source}
          publisher={sources.find((s) => s.id === source.publisherId)}
          published={sources.filter((s) => s.publisherId === source.id)}
        />
        <div className="button-row">
          <button type="button" className="button small" onClick={onExport}>
            Export…
          </button>
          <button type="button" className="button small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            Edit source
          </button>
          <button type="button" className="button small danger" onClick={() => void remove()}>
            Delete source
          </button>
        </div>
      </header>
      {editing && (
        <div className="view-panel">
          <SourceForm key={source.version} existing={source} onCreated={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </div>
      )}
      <h2 className="view-subhead">
        {claims.loaded
          ? `${formatCount(claims.total, 'claim', 'claims')} across ${formatCount(groups.length, 'document', 'documents')}${claims.claims.length < claims.total ? ' so far' : ''}`
          : 'Claims'}
      </h2>
      {claims.error && (
        <div className="inline-error" role="alert">
          <p>The claims could not be loaded. {messageOf(claims.error)}</p>
        </div>
      )}
      {claims.loaded && claims.total === 0 && !claims.error && <p className="view-empty">No claim in the library names this source yet.</p>}
      {groups.map((group) => (
        <section key={group.documentId} className="claim-group" aria-label={group.title}>
          <h3>
            <a href={documentHref(group.documentId)}>{group.title}</a>
          </h3>
          <ul className="claims">
            {group.claims.map((claim) => (
              <Claim key={`${claim.annotation.id}-${claim.role}`} claim={claim} />
            ))}
          </ul>
        </section>
      ))}
      {claims.claims.length < claims.total && (
        <button type="button" className="button quiet" onClick={claims.loadMore}>
          Show more claims
        </button>
      )}
    </section>
  );
}
