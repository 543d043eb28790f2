// The "Details" dialog: a document's bibliographic details (CSL) as a form. Saves with the version
// it was opened on; if the document changed elsewhere meanwhile, the person's edits are re-applied
// to the newer version and saved again, so nothing typed is lost.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { GlossErrorData } from '../../../shared/errors';
import type { DocumentRecord } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { base64Of } from '../importing/files';
import {
  type AuthorDraft,
  checkDraft,
  cslFromDraft,
  type DraftErrors,
  type DraftField,
  draftFromCsl,
  isChanged,
  ITEM_TYPES,
  type MetadataDraft,
  moveAuthor,
  newAuthor,
  rebaseDraft,
  visibleFields,
} from './metadataForm';

interface Props {
  doc: DocumentRecord;
  open: boolean;
  onClose: () => void;
  onSaved: (doc: DocumentRecord) => void;
}

/** Tries a conflicting save again on the newer version at most this many times. */
const REBASES = 3;

function Field({
  label,
  field,
  errors,
  hint,
  children,
}: {
  label: string;
  field: DraftField;
  errors: DraftErrors;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors[field] ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field details-${field}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(errors[field]), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {errors[field] && (
        <span className="field-error" id={`${id}-error`}>
          {errors[field]}
        </span>
      )}
    </div>
  );
}

function AuthorRow({
  author,
  index,
  count,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  author: AuthorDraft;
  index: number;
  count: number;
  error: string | undefined;
  onChange: (author: AuthorDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const errorId = useId();
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <li className="author-row">
      <select aria-label={`Author ${n} is a`} value={author.kind} onChange={(e) => onChange({ ...author, kind: e.target.value as AuthorDraft['kind'] })}>
        <option value="person">Person</option>
        <option value="organisation">Organisation</option>
      </select>
      {author.kind === 'person' ? (
        <>
          <input
            type="text"
            aria-label={`Author ${n} family name`}
            placeholder="Family name"
            value={author.family}
            onChange={(e) => onChange({ ...author, family: e.target.value })}
            autoComplete="off"
            {...invalid}
          />
          <input
            type="text"
            aria-label={`Author ${n} given names`}
            placeholder="Given names"
            value={author.given}
            onChange={(e) => onChange({ ...author, given: e.target.value })}
            autoComplete="off"
          />
        </>
      ) : (
        <input
          type="text"
          className="author-literal"
          aria-label={`Author ${n} organisation name`}
          placeholder="Organisation name"
          value={author.literal}
          onChange={(e) => onChange({ ...author, literal: e.target.value })}
          autoComplete="off"
        />
      )}
      <span className="author-buttons">
        <button
          type="button"
          className="button quiet small"
          onClick={() => onMove(-1)}
          disabled={index === 0}
          aria-label={`Move author ${n} up`}
          title="Move up"
        >
          ↑
        </button>
        <button
          type="button"
          className="button quiet small"
          onClick={() => onMove(1)}
          disabled={index === count - 1}
          aria-label={`Move author ${n} down`}
          title="Move down"
        >
          ↓
        </button>
        <button type="button" className="button quiet small" onClick={onRemove} aria-label={`Remove author ${n}`} title="Remove">
          ×
        </button>
      </span>
      {error && (
        <span className="field-error author-error" id={errorId}>
          {error}
        </span>
      )}
    </li>
  );
}

export function MetadataForm({ doc, open, onClose, onSaved }: Props) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  const referencePicker = useRef<HTMLInputElement>(null);
  const [base, setBase] = useState(doc);
  const [original, setOriginal] = useState(() => draftFromCsl(doc.csl, doc.title));
  const [draft, setDraft] = useState(original);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<GlossErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const ids = { heading: useId(), problem: useId(), authors: useId() };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      // Each opening starts from the document as it now stands.
      const fresh = draftFromCsl(doc.csl, doc.title);
      setBase(doc);
      setOriginal(fresh);
      setDraft(fresh);
      setErrors({});
      setProblem(null);
      setNote(null);
      element.showModal();
      firstField.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
    // Only the opening matters: a document refreshed while the form is open is handled on save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  // A field's message goes as soon as the field is edited; the rest are checked again on save.
  const patch = (change: Partial<MetadataDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(change)) delete next[key as DraftField];
      return next;
    });
  };
  const setAuthors = (update: (authors: AuthorDraft[]) => AuthorDraft[]) => {
    setDraft((d) => ({ ...d, authors: update(d.authors) }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !key.startsWith('authors.'))));
  };

  const save = async () => {
    const found = checkDraft(draft);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    if (!isChanged(original, draft)) {
      onClose();
      return;
    }
    setSaving(true);
    setProblem(null);
    let against = base;
    let edited = draft;
    for (let attempt = 0; ; attempt++) {
      const result = await client.try('documents.update', {
        id: against.id,
        version: against.version,
        title: edited.title.trim(),
        csl: cslFromDraft(edited, against.csl),
      });
      if (result.ok) {
        setSaving(false);
        onSaved(result.value);
        onClose();
        return;
      }
      const current = result.error.code === 'conflict' ? (result.error.current as DocumentRecord | undefined) : undefined;
      if (!current || attempt >= REBASES) {
        setSaving(false);
        setProblem(result.error);
        return;
      }
      edited = rebaseDraft(original, edited, draftFromCsl(current.csl, current.title));
      against = current;
      setBase(current);
      setOriginal(draftFromCsl(current.csl, current.title));
      setDraft(edited);
    }
  };

  // A reference exported from a reference manager (one entry) replaces these details at once.
  const attach = async (file: File | undefined) => {
    if (!file) return;
    if (isChanged(original, draft) && !window.confirm('Replace the details, including the changes not yet saved, with those in the reference file?')) return;
    setSaving(true);
    setProblem(null);
    const result = await client.try('documents.attachEntry', { id: base.id, version: base.version, name: file.name, data: await base64Of(file) });
    setSaving(false);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    const fresh = draftFromCsl(result.value.document.csl, result.value.document.title);
    setBase(result.value.document);
    setOriginal(fresh);
    setDraft(fresh);
    setErrors({});
    onSaved(result.value.document);
    setNote(`Details filled from ${file.name} and saved.${result.value.warnings.length > 0 ? ` Note: ${result.value.warnings.join(' ')}` : ''}`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const visible = visibleFields(draft.type);
  const knownType = ITEM_TYPES.some((t) => t.value === draft.type);
  const text = (field: Exclude<keyof MetadataDraft, 'authors' | 'type'>) => (props: { id: string }) => (
    <input type="text" {...props} value={draft[field]} onChange={(e) => patch({ [field]: e.target.value })} autoComplete="off" spellCheck={false} />
  );

  return (
    <dialog
      ref={dialog}
      className="dialog details-dialog"
      aria-labelledby={ids.heading}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} aria-describedby={problem ? ids.problem : undefined} noValidate>
        <h2 id={ids.heading}>Document details</h2>
        <div className="details-body grow">
          <div className="details-grid">
            <Field label="Item type" field="type" errors={errors}>
              {(props) => (
                <select {...props} ref={firstField} value={draft.type} onChange={(e) => patch({ type: e.target.value })}>
                  {!knownType && <option value={draft.type}>{draft.type ? `Other (${draft.type})` : 'Not set'}</option>}
                  {ITEM_TYPES.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Title" field="title" errors={errors}>
              {text('title')}
            </Field>
          </div>

          <fieldset className="field details-authors" aria-describedby={ids.authors}>
            <legend className="field-label">Authors</legend>
            <span className="field-hint" id={ids.authors}>
              People by family and given names; organisations by their full name. The order is the order of citation.
            </span>
            {draft.authors.length > 0 && (
              <ol className="author-list">
                {draft.authors.map((author, index) => (
                  <AuthorRow
                    key={author.key}
                    author={author}
                    index={index}
                    count={draft.authors.length}
                    error={errors[`authors.${index}`]}
                    onChange={(next) => setAuthors((list) => list.map((a) => (a.key === author.key ? next : a)))}
                    onMove={(delta) => setAuthors((list) => moveAuthor(list, index, delta))}
                    onRemove={() => setAuthors((list) => list.filter((a) => a.key !== author.key))}
                  />
                ))}
              </ol>
            )}
            <div className="button-row">
              <button type="button" className="button small" onClick={() => setAuthors((list) => [...list, newAuthor('person')])}>
                Add person
              </button>
              <button type="button" className="button small" onClick={() => setAuthors((list) => [...list, newAuthor('organisation')])}>
                Add organisation
              </button>
            </div>
          </fieldset>

          <div className="details-grid">
            {visible.container && (
              <Field label={visible.container} field="containerTitle" errors={errors}>
                {text('containerTitle')}
              </Field>
            )}
            <Field label="Publisher" field="publisher" errors={errors}>
              {text('publisher')}
            </Field>
            <Field label="Date issued" field="issued" errors={errors} hint="YYYY, YYYY-MM or YYYY-MM-DD">
              {text('issued')}
            </Field>
            <Field label="Language" field="language" errors={errors} hint="A code such as en, fr or pt-BR">
              {text('language')}
            </Field>
            <Field label="Web address (URL)" field="url" errors={errors}>
              {(props) => (
                <input
                  type="text"
                  inputMode="url"
                  {...props}
                  value={draft.url}
                  onChange={(e) => patch({ url: e.target.value })}
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field label="Accessed" field="accessed" errors={errors} hint="When you read it: YYYY-MM-DD">
              {text('accessed')}
            </Field>
            <Field label="DOI" field="doi" errors={errors} hint="For example 10.1234/abc.56">
              {text('doi')}
            </Field>
            {visible.volumeAndIssue && (
              <>
                <Field label="Volume" field="volume" errors={errors}>
                  {text('volume')}
                </Field>
                <Field label="Issue" field="issue" errors={errors}>
                  {text('issue')}
                </Field>
              </>
            )}
            {visible.pages && (
              <Field label="Pages" field="page" errors={errors} hint="A page or a range, such as 45-67">
                {text('page')}
              </Field>
            )}
          </div>
        </div>

        <p className="field-hint" role="status">
          {note ?? ''}
        </p>
        {Object.keys(errors).length > 0 && (
          <p className="dialog-problem" role="alert">
            Some details need correcting before they can be saved; see the marked fields.
          </p>
        )}
        {problem && (
          <div className="dialog-problem" role="alert" id={ids.problem}>
            <p>{problem.message}</p>
            {problem.fields && problem.fields.length > 0 && (
              <ul>
                {problem.fields.map((field) => (
                  <li key={field.path}>
                    {field.path}: {field.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div className="dialog-actions">
          <input
            ref={referencePicker}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Reference file with this document’s details"
            accept=".bib,.bibtex,.ris,.json"
            onChange={(event) => {
              void attach(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <button
            type="button"
            className="button quiet"
            onClick={() => referencePicker.current?.click()}
            disabled={saving}
            title="A BibTeX, RIS or CSL-JSON file with one reference: its details replace these, and details it lacks are kept"
          >
            Fill from a reference file…
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
