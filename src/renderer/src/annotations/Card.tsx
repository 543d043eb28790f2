// One annotation in the panel: its kind, anchoring, status and quote; selected, it opens in place
// with its note, tags, sources and figures to edit, every change saved as it is made.
import { memo, useCallback, useId, type CSSProperties, type KeyboardEvent } from 'react';
import { claimStatuses } from '../../../shared/api';
import { formatFigure } from '../../../shared/figures';
import type { Annotation, AnchorStatus, ClaimStatus, Kind } from '../../../shared/model';
import { CopyCitationButton } from '../export/CopyCitation';
import { KIND_STYLES } from '../reader/highlights';
import { CardFields } from './CardFields';
import { NoteEditor } from './NoteEditor';
import type { AnnotationStore } from './store';

const ANCHOR_LABEL: Record<AnchorStatus, string> = {
  anchored: 'In place',
  moved: 'Moved',
  fuzzy: 'Approximate',
  orphaned: 'Not found',
};
const ANCHOR_HELP: Record<AnchorStatus, string> = {
  anchored: 'The quote is where it was highlighted.',
  moved: 'The text was corrected; the quote was found again at a new place.',
  fuzzy: 'The text was corrected; the closest match to the quote is highlighted. Check it.',
  orphaned: 'The quote is no longer in the text. Select new text to re-attach it.',
};
const STATUS_LABEL: Record<ClaimStatus, string> = { unverified: 'Unverified', checked: 'Checked', disputed: 'Disputed' };

/** Claims are the kind that carries a verification status. */
export const isClaimKind = (kind: Kind | undefined) => Boolean(kind && (kind.id === 'k-claim' || kind.name.trim().toLowerCase() === 'claim'));

interface Props {
  row: Annotation;
  kinds: Kind[];
  selected: boolean;
  store: AnnotationStore;
  onError: (context: string, error: unknown) => void;
}

/** A Markdown note shown as plain text on a closed card. */
const notePreview = (note: string) =>
  note
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '• ')
    .trim();

/**
 * Memoised: a change to one annotation, or the selection, re-renders the cards it touches rather
 * than every card in view. Every prop is stable from render to render unless its value changed.
 */
export const Card = memo(function Card({ row, kinds, selected, store, onError }: Props) {
  const kind = kinds.find((k) => k.id === row.kindId);
  const position = kind ? kinds.indexOf(kind) : 0;
  const headingId = useId();
  const provisional = row.version < 0;
  const open = useCallback(() => store.select(row.id, 'reader'), [store, row.id]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void store.remove(row.id);
    }
  };

  const style = { '--hl': kind?.color ?? '#f2c94c' } as CSSProperties;
  return (
    <article
      className={`card${selected ? ' selected' : ''}${row.anchor === 'orphaned' ? ' orphaned' : ''}`}
      aria-labelledby={headingId}
      aria-current={selected ? 'true' : undefined}
      data-annotation-id={row.id}
      style={style}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        // Clicks on the card's own controls are theirs; a click anywhere else opens the card.
        if ((event.target as HTMLElement).closest('button, input, select, textarea, a, [contenteditable="true"], label')) return;
        if (!selected) open();
      }}
    >
      <header className="card-head">
        <h3 className="card-kind" id={headingId} data-style={KIND_STYLES[Math.max(0, position) % KIND_STYLES.length]}>
          <span className="hl-swatch" aria-hidden="true" />
          {kind?.name ?? 'Highlight'}
          <span className="visually-hidden">: {row.exact.slice(0, 80)}</span>
        </h3>
        {row.anchor !== 'anchored' && (
          <span className={`anchor-badge ${row.anchor}`} title={ANCHOR_HELP[row.anchor]}>
            {ANCHOR_LABEL[row.anchor]}
          </span>
        )}
        {isClaimKind(kind) && !selected && row.status !== 'unverified' && <span className={`status-badge ${row.status}`}>{STATUS_LABEL[row.status]}</span>}
        {provisional && <span className="saving muted">Saving…</span>}
      </header>
      <blockquote className="card-quote">{row.exact}</blockquote>
      {selected ? (
        <div className="card-body">
          <div className="card-row">
            <label className="fld inline">
              <span className="fld-label">Kind</span>
              <select value={row.kindId} disabled={provisional} onChange={(event) => store.update(row.id, { kindId: event.target.value }, { label: 'kind' })}>
                {kinds.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name}
                  </option>
                ))}
              </select>
            </label>
            {isClaimKind(kind) && (
              <label className="fld inline">
                <span className="fld-label">Status</span>
                <select
                  value={row.status}
                  disabled={provisional}
                  onChange={(event) => store.update(row.id, { status: event.target.value as ClaimStatus }, { label: 'status' })}
                >
                  {claimStatuses.map((status) => (
                    <option key={status} value={status}>
                      {STATUS_LABEL[status]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <p className={`anchor-state ${row.anchor}`}>
              <span className="fld-label">Anchoring</span> {ANCHOR_LABEL[row.anchor]}
            </p>
          </div>
          {row.anchor !== 'anchored' && <p className="anchor-help">{ANCHOR_HELP[row.anchor]}</p>}
          <NoteEditor
            key={row.id}
            value={row.note}
            dirty={store.queue.pending(row.id)?.note !== undefined}
            onChange={(note) => store.update(row.id, { note }, { delayMs: 600, group: `note:${row.id}`, label: 'note' })}
            onError={(error) => onError('The note editor ran into a problem', error)}
          />
          <CardFields row={row} store={store} disabled={provisional} />
          <div className="card-actions">
            <CopyCitationButton annotationId={row.id} disabled={provisional} />
            {row.anchor === 'orphaned' && (
              <button type="button" className="button small" onClick={() => store.startReattach(row.id)}>
                Re-attach to a selection
              </button>
            )}
            <button type="button" className="button small danger-quiet" onClick={() => void store.remove(row.id)} disabled={provisional}>
              Delete
            </button>
          </div>
        </div>
      ) : (
        <Summary row={row} />
      )}
    </article>
  );
});

function Summary({ row }: { row: Annotation }) {
  const note = notePreview(row.note);
  if (!note && row.tags.length === 0 && row.sources.length === 0 && row.figures.length === 0) return null;
  return (
    <div className="card-summary">
      {note && <p className="card-note">{note}</p>}
      {row.figures.length > 0 && (
        <ul className="card-figures" aria-label="Figures">
          {row.figures.map((figure) => (
            <li key={figure.id}>{formatFigure(figure)}</li>
          ))}
        </ul>
      )}
      {row.sources.length > 0 && (
        <p className="card-sources">
          <span className="visually-hidden">Sources: </span>
          {row.sources.map((source) => source.name).join(' · ')}
        </p>
      )}
      {row.tags.length > 0 && (
        <ul className="card-tags" aria-label="Tags">
          {row.tags.map((tag) => (
            <li key={tag.id} className="tag-chip">
              {tag.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
