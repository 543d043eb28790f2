// The tags of a claim: chips with a remove button, and a text box that suggests tags or creates one on Enter.
import { useId, useRef, useState } from 'react';
import type { Tag, TagRef } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { messageOf } from '../hooks/notices';
import { normalizeTagName, sameTagName, suggestTags } from './tagPaths';
import { ColorDot, TagName } from './TagName';
import { useCombobox } from './useCombobox';
import { useEchoedValue } from './useEchoedValue';
import { useTagList } from './useTagList';

export interface TagsFieldProps {
  value: TagRef[];
  /** Saves the tags; what it returns, if anything, says whether they were stored. */
  /** Settles with whether the change was stored: a refused one puts the stored value back. */
  onChange: (tagIds: string[]) => PromiseLike<boolean>;
  disabled?: boolean;
}

type Option = { type: 'tag'; tag: Tag } | { type: 'create'; name: string };

const tagKey = (ref: TagRef) => ref.id;

export function TagsField({ value, onChange, disabled = false }: TagsFieldProps) {
  const client = useClient();
  const { tags, error: listError } = useTagList();
  const [chosen, setChosen] = useEchoedValue(value, tagKey);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const combo = useCombobox();
  const labelId = useId();
  const input = useRef<HTMLInputElement>(null);

  const name = normalizeTagName(typed);
  const suggestions = suggestTags(
    tags,
    typed,
    chosen.map((tag) => tag.id),
  );
  const exact = tags.find((tag) => sameTagName(tag.name, name));
  const options: Option[] = suggestions.map((tag) => ({ type: 'tag', tag }));
  // Enter with something new typed creates it; the suggestions stay a key press away.
  if (name !== '' && !exact) options.unshift({ type: 'create', name });
  const exactChosen = exact !== undefined && chosen.some((tag) => tag.id === exact.id);
  if (exact && !exactChosen) {
    const at = options.findIndex((o) => o.type === 'tag' && o.tag.id === exact.id);
    if (at >= 0) options.splice(at, 1);
    options.unshift({ type: 'tag', tag: exact });
  }

  const update = (next: readonly TagRef[]) => {
    setChosen(next, onChange(next.map((tag) => tag.id)));
  };

  const add = (tag: TagRef) => {
    if (!chosen.some((t) => t.id === tag.id)) update([...chosen, { id: tag.id, name: tag.name, color: tag.color }]);
    setTyped('');
    setError(null);
    combo.setActive(0);
  };

  const create = async (newName: string) => {
    setBusy(true);
    const result = await client.try('tags.create', { name: newName });
    setBusy(false);
    if (result.ok) return add(result.value);
    // Someone made the same tag a moment ago (another window): use theirs.
    if (result.error.code === 'conflict') {
      const again = await client.try('tags.list', {});
      const existing = again.ok ? again.value.find((tag) => sameTagName(tag.name, newName)) : undefined;
      if (existing) return add(existing);
    }
    setError(`Could not create the tag “${newName}”: ${messageOf(result.error)}`);
  };

  const pick = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.type === 'tag') add(option.tag);
    else void create(option.name);
  };

  const remove = (id: string) => {
    update(chosen.filter((tag) => tag.id !== id));
    input.current?.focus();
  };

  const showList = combo.open && options.length > 0 && !disabled;

  return (
    <div className="fld fld-tags" role="group" aria-labelledby={labelId}>
      <label className="fld-label" id={labelId} htmlFor={`${labelId}-input`}>
        Tags
      </label>
      <div className="fld-combo">
        <div className="fld-chipbox" onClick={() => input.current?.focus()}>
          {chosen.length > 0 && (
            <ul className="fld-chips" aria-label="Chosen tags">
              {chosen.map((tag) => (
                <li key={tag.id} className="fld-chip">
                  <TagName name={tag.name} color={tag.color} />
                  {!disabled && (
                    <button
                      type="button"
                      className="fld-chip-remove"
                      aria-label={`Remove tag ${tag.name}`}
                      title={`Remove tag ${tag.name}`}
                      onClick={() => remove(tag.id)}
                    >
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <input
            ref={input}
            id={`${labelId}-input`}
            type="text"
            className="fld-chip-input"
            {...combo.inputProps(showList ? options.length : 0)}
            placeholder={chosen.length === 0 ? 'Add a tag, e.g. labour/forced' : 'Add a tag'}
            value={typed}
            disabled={disabled || busy}
            autoComplete="off"
            onChange={(event) => {
              setTyped(event.target.value);
              combo.setOpen(true);
              combo.setActive(0);
              setError(null);
            }}
            onFocus={() => combo.setOpen(true)}
            onBlur={() => combo.setOpen(false)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && exactChosen) {
                // Already on the claim: Enter just clears the box.
                event.preventDefault();
                setTyped('');
                return;
              }
              if (combo.onKeyDown(event, showList ? options.length : 0, pick)) return;
              if (event.key === 'Enter' && name !== '') {
                event.preventDefault();
                pick(0);
              } else if (event.key === 'Backspace' && typed === '' && chosen.length > 0) {
                event.preventDefault();
                update(chosen.slice(0, -1));
              }
            }}
          />
        </div>
        {showList && (
          <ul className="fld-options" id={combo.listId} role="listbox" aria-label="Tag suggestions">
            {options.map((option, index) => (
              <li
                key={option.type === 'tag' ? option.tag.id : 'create'}
                id={combo.optionId(index)}
                role="option"
                aria-selected={index === combo.active}
                className="fld-option"
                // mousedown, not click: the text box would lose focus and close the list first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(index);
                }}
                onMouseEnter={() => combo.setActive(index)}
              >
                {option.type === 'tag' ? (
                  <>
                    <TagName name={option.tag.name} color={option.tag.color} />
                    <span className="fld-option-meta">{option.tag.usage}</span>
                  </>
                ) : (
                  <span className="fld-option-main">
                    <ColorDot color={null} />
                    Create tag <strong>{option.name}</strong>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p className="fld-error" role="alert">
          {error}
        </p>
      )}
      {listError && !error && <p className="fld-error">The list of tags could not be loaded: {listError.message}</p>}
    </div>
  );
}
