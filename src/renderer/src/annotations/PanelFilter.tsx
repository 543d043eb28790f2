// The Annotations panel's tag filter: a button that opens the document's tags as a checklist with
// counts, and while a filter is on, a bar saying how many annotations it keeps and how to undo it.
import { useEffect, useId, useRef, type Ref } from 'react';
import { ColorDot, TagName } from '../fields/TagName';
import { formatCount } from '../format';
import { chosenAncestor, isChosen, isFiltering, NO_FILTER, toggleTag, type TagFilter, type TagOption } from './filter';

interface ButtonProps {
  ref: Ref<HTMLButtonElement>;
  filter: TagFilter;
  open: boolean;
  controls: string;
  onToggle: () => void;
}

function FilterButton({ ref, filter, open, controls, onToggle }: ButtonProps) {
  const chosen = filter.tags.length;
  return (
    <button
      ref={ref}
      type="button"
      className={`button quiet small filter-toggle${chosen > 0 ? ' on' : ''}`}
      aria-expanded={open}
      aria-controls={controls}
      title="Show only annotations with certain tags"
      onClick={onToggle}
    >
      Filter by tag
      {chosen > 0 && (
        <span className="filter-toggle-count">
          <span className="visually-hidden">, </span>
          {chosen}
          <span className="visually-hidden"> chosen</span>
        </span>
      )}
    </button>
  );
}

interface ListProps {
  id: string;
  options: TagOption[];
  filter: TagFilter;
  onChange: (filter: TagFilter) => void;
  onClose: () => void;
}

/** The checklist of tags; Escape closes it and returns to the button that opened it. */
export function FilterList({ id, options, filter, onChange, onClose }: ListProps) {
  const headingId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    root.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
  }, []);

  return (
    <div
      id={id}
      ref={root}
      className="panel-filter"
      role="group"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <p className="panel-filter-title" id={headingId}>
        Show annotations tagged
      </p>
      {options.length === 0 && <p className="muted">No annotation here has a tag.</p>}
      <ul className="panel-filter-tags">
        {options.map((option, index) => {
          const ancestor = chosenAncestor(option.path, filter.tags);
          const countId = `${id}-count-${index}`;
          return (
            <li
              key={option.path.toLocaleLowerCase()}
              style={{ paddingLeft: `${option.depth * 1.25}rem` }}
              title={ancestor ? `Included with ${ancestor}` : undefined}
            >
              <label className="panel-filter-tag">
                <input
                  type="checkbox"
                  aria-label={option.path}
                  aria-describedby={countId}
                  checked={ancestor !== null || isChosen(option.path, filter.tags)}
                  disabled={ancestor !== null}
                  onChange={(event) => onChange(toggleTag(filter, option.path, event.target.checked))}
                />
                {option.color && <ColorDot color={option.color} />}
                <span className="panel-filter-leaf">{option.leaf}</span>
              </label>
              <span className="panel-filter-count" id={countId}>
                {option.count}
                <span className="visually-hidden"> {option.count === 1 ? 'annotation' : 'annotations'}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {filter.tags.length > 1 && (
        <fieldset className="panel-filter-match">
          <legend>Keep annotations with</legend>
          {(['any', 'all'] as const).map((match) => (
            <label key={match}>
              <input type="radio" name={`${id}-match`} value={match} checked={filter.match === match} onChange={() => onChange({ ...filter, match })} />
              {match === 'any' ? 'any of these tags' : 'all of these tags'}
            </label>
          ))}
        </fieldset>
      )}
      <div className="panel-filter-actions">
        <button type="button" className="button small" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}

interface BarProps extends ButtonProps {
  shown: number;
  total: number;
  onChange: (filter: TagFilter) => void;
}

/** The filter's row: its button, how many annotations it keeps, each chosen tag with a way to drop it, and a way back to all. */
export function FilterBar({ shown, total, onChange, ...button }: BarProps) {
  const { filter } = button;
  const filtering = isFiltering(filter);
  const joiner = filter.match === 'all' ? 'and' : 'or';
  return (
    <div className={`panel-filter-bar${filtering ? ' on' : ''}`}>
      <FilterButton {...button} />
      {filtering && (
        <button type="button" className="button small quiet" onClick={() => onChange({ ...NO_FILTER, match: filter.match })}>
          Clear filter
        </button>
      )}
      <div className="panel-filter-line">
        {/* Always in the page, so the count is announced when a filter comes on. */}
        <p className={filtering ? 'panel-filter-summary' : 'visually-hidden'} role="status">
          {filtering && (
            <>
              Showing <strong>{shown}</strong> of {formatCount(total, 'annotation', 'annotations')}
            </>
          )}
        </p>
        {filtering && (
          <span className="panel-filter-joiner" aria-hidden="true">
            tagged
          </span>
        )}
        {filtering && (
          <ul className="panel-filter-chips" aria-label="Filtered by tags">
            {filter.tags.map((path, index) => (
              <li key={path}>
                {index > 0 && <span className="panel-filter-joiner">{joiner}</span>}
                <span className="panel-filter-chip">
                  <TagName name={path} dot={false} />
                  <button
                    type="button"
                    className="panel-filter-chip-remove"
                    aria-label={`Stop filtering by ${path}`}
                    title={`Stop filtering by ${path}`}
                    onClick={() => onChange(toggleTag(filter, path, false))}
                  >
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
