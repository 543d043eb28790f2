// The sources of a claim: who it is attributed to or cites, each with a role and a page or paragraph.
import { useEffect, useId, useRef, useState } from 'react';
import type { Source, SourceLink, SourceRole } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { SourceForm } from './SourceForm';
import { SOURCE_KIND_LABEL, SOURCE_ROLES } from './sourceForm';
import { useCombobox } from './useCombobox';
import { useEchoedValue } from './useEchoedValue';

export interface SourceLinkInput {
  sourceId: string;
  role: SourceRole;
  locator: string | null;
}

export interface SourcesFieldProps {
  value: SourceLink[];
  /** Saves the links; what it returns, if anything, says whether they were stored. */
  /** Settles with whether the change was stored: a refused one puts the stored value back. */
  onChange: (links: SourceLinkInput[]) => PromiseLike<boolean>;
  disabled?: boolean;
}

type Option = { type: 'source'; source: Source } | { type: 'create' };

const SEARCH_DELAY_MS = 150;
const MAX_OPTIONS = 8;
const linkKey = (l: SourceLink) => JSON.stringify([l.sourceId, l.role, l.locator]);

/** The alias that matched the search, to show why a source with another name was offered. */
function matchedAlias(source: Source, query: string): string | null {
  const q = query.trim().toLocaleLowerCase();
  if (q === '' || source.name.toLocaleLowerCase().includes(q) || source.acronym?.toLocaleLowerCase().includes(q)) return null;
  return source.aliases.find((alias) => alias.toLocaleLowerCase().includes(q)) ?? null;
}

export function SourcesField({ value, onChange, disabled = false }: SourcesFieldProps) {
  const client = useClient();
  const labelId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [links, setLinks] = useEchoedValue(value, linkKey);
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<Source[]>([]);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  const combo = useCombobox();

  useEffect(() => {
    if (!combo.open) return;
    let live = true;
    const timer = setTimeout(() => {
      const query = typed.trim();
      void client.try('sources.list', query === '' ? {} : { query }).then((result) => {
        if (!live) return;
        setFound(result.ok ? result.value : []);
        setSearchError(result.ok ? null : `Sources could not be searched: ${result.error.message}`);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, typed, combo.open]);

  const linked = new Set(links.map((l) => l.sourceId));
  const options: Option[] = found
    .filter((s) => !linked.has(s.id))
    .slice(0, MAX_OPTIONS)
    .map((source) => ({ type: 'source', source }));
  if (typed.trim() !== '') options.push({ type: 'create' });

  const update = (next: SourceLink[]) => {
    setLinks(next, onChange(next.map(({ sourceId, role, locator }) => ({ sourceId, role, locator }))));
  };

  const add = (source: Source) => {
    update([...links, { sourceId: source.id, name: source.name, role: 'attributed-to', locator: null }]);
    setTyped('');
    setCreating(null);
    combo.setOpen(false);
    input.current?.focus();
  };

  const pick = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.type === 'source') add(option.source);
    else {
      setCreating(typed);
      combo.setOpen(false);
    }
  };

  const edit = (sourceId: string, change: Partial<SourceLink>) => update(links.map((l) => (l.sourceId === sourceId ? { ...l, ...change } : l)));

  const showList = combo.open && options.length > 0 && !disabled && creating === null;

  return (
    <div className="fld fld-sources" role="group" aria-labelledby={labelId}>
      <label className="fld-label" id={labelId} htmlFor={`${labelId}-input`}>
        Sources
      </label>
      {links.length > 0 && (
        <ul className="fld-links" aria-label="Linked sources">
          {links.map((link) => (
            <li key={link.sourceId} className="fld-link">
              <span className="fld-link-name">{link.name}</span>
              <select
                aria-label={`Role of ${link.name}`}
                value={link.role}
                disabled={disabled}
                onChange={(event) => edit(link.sourceId, { role: event.target.value as SourceRole })}
              >
                {SOURCE_ROLES.map((r) => (
                  <option key={r.role} value={r.role}>
                    {r.label}
                  </option>
                ))}
              </select>
              <input
                type="text"
                className="fld-locator"
                aria-label={`Page or paragraph in ${link.name}`}
                placeholder="p. 12, ¶ 3"
                value={link.locator ?? ''}
                disabled={disabled}
                maxLength={200}
                onChange={(event) => edit(link.sourceId, { locator: event.target.value === '' ? null : event.target.value })}
              />
              {!disabled && (
                <button
                  type="button"
                  className="fld-chip-remove"
                  aria-label={`Remove source ${link.name}`}
                  title={`Remove source ${link.name}`}
                  onClick={() => update(links.filter((l) => l.sourceId !== link.sourceId))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="fld-combo">
        {creating === null ? (
          <input
            ref={input}
            id={`${labelId}-input`}
            type="text"
            {...combo.inputProps(showList ? options.length : 0)}
            placeholder="Find or add a source"
            value={typed}
            disabled={disabled}
            autoComplete="off"
            onChange={(event) => {
              setTyped(event.target.value);
              combo.setOpen(true);
              combo.setActive(0);
            }}
            onFocus={() => combo.setOpen(true)}
            onBlur={() => combo.setOpen(false)}
            onKeyDown={(event) => {
              combo.onKeyDown(event, showList ? options.length : 0, pick);
            }}
          />
        ) : (
          <SourceForm
            initial={creating}
            onCreated={add}
            onCancel={() => {
              setCreating(null);
              // Back to the search box, which the form replaced.
              setTimeout(() => input.current?.focus());
            }}
          />
        )}
        {showList && (
          <ul className="fld-options" id={combo.listId} role="listbox" aria-label="Matching sources">
            {options.map((option, index) => (
              <li
                key={option.type === 'source' ? option.source.id : 'create'}
                id={combo.optionId(index)}
                role="option"
                aria-selected={index === combo.active}
                className="fld-option"
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(index);
                }}
                onMouseEnter={() => combo.setActive(index)}
              >
                {option.type === 'source' ? (
                  <>
                    <span className="fld-option-main">
                      {option.source.name}
                      {option.source.acronym && <span className="muted"> ({option.source.acronym})</span>}
                      {matchedAlias(option.source, typed) && <span className="fld-option-alias"> also “{matchedAlias(option.source, typed)}”</span>}
                    </span>
                    <span className="fld-option-meta">{SOURCE_KIND_LABEL[option.source.kind]}</span>
                  </>
                ) : (
                  <span className="fld-option-main">
                    New source <strong>{typed.trim()}</strong>…
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {searchError && <p className="fld-error">{searchError}</p>}
    </div>
  );
}
