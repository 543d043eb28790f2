// A small form to create a source on the spot: kind, name, acronym, aliases, address and publisher.
import { useEffect, useId, useRef, useState } from 'react';
import type { Source } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { messageOf } from '../hooks/notices';
import { looksLikeAcronym, PUBLISHED_KINDS, PUBLISHER_KINDS, SOURCE_KIND_LABEL, SOURCE_KINDS, sourceFromDraft, type SourceDraft } from './sourceForm';

interface Props {
  /** What was typed in the search box: it becomes the name, or the acronym when it looks like one. */
  initial?: string;
  /** Given, the form edits this source instead of creating one. */
  existing?: Source;
  onCreated: (source: Source) => void;
  onCancel: () => void;
}

function draftOf(initial: string, existing: Source | undefined): SourceDraft {
  if (existing) {
    return {
      kind: existing.kind,
      name: existing.name,
      acronym: existing.acronym ?? '',
      aliases: existing.aliases.join('\n'),
      url: existing.url ?? '',
      publisherId: existing.publisherId ?? '',
    };
  }
  const acronymFirst = looksLikeAcronym(initial);
  return { kind: 'organisation', name: acronymFirst ? '' : initial.trim(), acronym: acronymFirst ? initial.trim() : '', aliases: '', url: '', publisherId: '' };
}

export function SourceForm({ initial = '', existing, onCreated, onCancel }: Props) {
  const client = useClient();
  const base = useId();
  const first = useRef<HTMLSelectElement>(null);
  const [draft, setDraft] = useState<SourceDraft>(() => draftOf(initial, existing));
  const [errors, setErrors] = useState<Partial<Record<keyof SourceDraft, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [publishers, setPublishers] = useState<Source[]>([]);

  useEffect(() => first.current?.focus(), []);

  const publishable = PUBLISHED_KINDS.has(draft.kind);
  useEffect(() => {
    if (!publishable) return;
    let live = true;
    void client.try('sources.list', {}).then((result) => {
      if (live && result.ok) setPublishers(result.value.filter((s) => PUBLISHER_KINDS.has(s.kind) && s.id !== existing?.id));
    });
    return () => {
      live = false;
    };
  }, [client, publishable, existing?.id]);

  const set = <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = async () => {
    const checked = sourceFromDraft(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    setFailure(null);
    let result = existing
      ? await client.try('sources.update', { id: existing.id, version: existing.version, ...checked.source })
      : await client.try('sources.create', { ...checked.source, csl: null });
    // Changed elsewhere since the form opened: every field here was shown and saved as a whole, so apply it over the newer row.
    if (existing && !result.ok && result.error.code === 'conflict' && (result.error.current as Source | undefined)?.version !== undefined) {
      result = await client.try('sources.update', { id: existing.id, version: (result.error.current as Source).version, ...checked.source });
    }
    setSaving(false);
    if (result.ok) onCreated(result.value);
    else setFailure(`The source could not be ${existing ? 'saved' : 'created'}: ${messageOf(result.error)}`);
  };

  const field = (key: 'name' | 'acronym' | 'url', label: string, placeholder: string) => (
    <div className="fld-cell">
      <label className="fld-sublabel" htmlFor={`${base}-${key}`}>
        {label}
      </label>
      <input
        id={`${base}-${key}`}
        type="text"
        value={draft[key]}
        placeholder={placeholder}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${base}-${key}-error` : undefined}
        onChange={(event) => set(key, event.target.value)}
      />
      {errors[key] && (
        <p className="fld-error" id={`${base}-${key}-error`}>
          {errors[key]}
        </p>
      )}
    </div>
  );

  return (
    // Not a <form>: the field may sit inside a card's own form, and forms cannot nest.
    <div
      className="fld-source-form"
      role="group"
      aria-label={existing ? `Edit ${existing.name}` : 'New source'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <div className="fld-grid">
        <div className="fld-cell">
          <label className="fld-sublabel" htmlFor={`${base}-kind`}>
            Kind
          </label>
          <select ref={first} id={`${base}-kind`} value={draft.kind} onChange={(event) => set('kind', event.target.value as SourceDraft['kind'])}>
            {SOURCE_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        {field('acronym', 'Acronym', 'e.g. ILO')}
        {field('name', 'Name', 'Full name')}
        {field('url', 'Address (URL)', 'https://…')}
        <div className="fld-cell wide">
          <label className="fld-sublabel" htmlFor={`${base}-aliases`}>
            Other names <span className="muted">(one a line)</span>
          </label>
          <textarea
            id={`${base}-aliases`}
            rows={2}
            value={draft.aliases}
            placeholder="Other spellings, former names"
            onChange={(event) => set('aliases', event.target.value)}
          />
        </div>
        {publishable && (
          <div className="fld-cell wide">
            <label className="fld-sublabel" htmlFor={`${base}-publisher`}>
              Published by
            </label>
            <select id={`${base}-publisher`} value={draft.publisherId} onChange={(event) => set('publisherId', event.target.value)}>
              <option value="">not given</option>
              {publishers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.acronym ? `${p.name} (${p.acronym})` : p.name} · {SOURCE_KIND_LABEL[p.kind]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {failure && (
        <p className="fld-error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button primary small" disabled={saving} onClick={() => void save()}>
          {existing ? (saving ? 'Saving…' : 'Save source') : saving ? 'Creating…' : 'Create source'}
        </button>
        <button type="button" className="button quiet small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
