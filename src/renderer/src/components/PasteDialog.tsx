// The "Add document" dialog: paste or type a text, give it a title if you like, add it.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { GlossErrorData } from '../../../shared/errors';
import type { DocumentRecord } from '../../../shared/model';
import { useClient } from '../hooks/client';
import type { PasteDraft } from '../hooks/usePasteDraft';

interface Props {
  open: boolean;
  draft: PasteDraft;
  onDraft: (patch: Partial<PasteDraft>) => void;
  onClearDraft: () => void;
  onClose: () => void;
  onAdded: (doc: DocumentRecord) => void;
  onOpenExisting: (id: string) => void;
}

export function PasteDialog({ open, draft, onDraft, onClearDraft, onClose, onAdded, onOpenExisting }: Props) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<GlossErrorData | null>(null);
  const ids = { heading: useId(), titleHint: useId(), problem: useId() };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setProblem(null);
      element.showModal();
      textArea.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const save = async (allowDuplicate: boolean) => {
    if (draft.text.trim() === '') {
      setProblem({ code: 'validation', message: 'There is no text to add yet. Paste or type it in the Text box.' });
      textArea.current?.focus();
      return;
    }
    setSaving(true);
    setProblem(null);
    const result = await client.try('documents.create', {
      text: draft.text,
      title: draft.title.trim() || undefined,
      format: draft.format,
      allowDuplicate,
    });
    setSaving(false);
    if (!result.ok) {
      // The draft stays as typed; only the message changes.
      setProblem(result.error);
      return;
    }
    onClearDraft();
    onAdded(result.value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const existing = problem?.code === 'conflict' ? (problem.current as DocumentRecord | undefined) : undefined;

  return (
    <dialog
      ref={dialog}
      className="dialog paste-dialog"
      aria-labelledby={ids.heading}
      onCancel={(event) => {
        // Escape closes through our state, so React and the element agree on whether it is open.
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} aria-describedby={problem ? ids.problem : undefined}>
        <h2 id={ids.heading}>Add document</h2>
        <label className="field">
          <span className="field-label">Title</span>
          <input
            type="text"
            value={draft.title}
            onChange={(event) => onDraft({ title: event.target.value })}
            aria-describedby={ids.titleHint}
            autoComplete="off"
          />
          <span className="field-hint" id={ids.titleHint}>
            Optional. Without one, the first heading or line becomes the title.
          </span>
        </label>
        <label className="field grow">
          <span className="field-label">Text</span>
          <textarea ref={textArea} value={draft.text} onChange={(event) => onDraft({ text: event.target.value })} rows={14} spellCheck={false} />
        </label>
        <fieldset className="field format-choice">
          <legend className="field-label">The text is</legend>
          <label>
            <input type="radio" name="format" checked={draft.format === 'text'} onChange={() => onDraft({ format: 'text' })} /> Plain text
          </label>
          <label>
            <input type="radio" name="format" checked={draft.format === 'markdown'} onChange={() => onDraft({ format: 'markdown' })} /> Markdown (# headings,
            lists, quotes)
          </label>
        </fieldset>

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
            {existing && (
              <div className="button-row">
                <button type="button" className="button small" onClick={() => onOpenExisting(existing.id)}>
                  Open “{existing.title}”
                </button>
                <button type="button" className="button small" onClick={() => void save(true)} disabled={saving}>
                  Add a second copy
                </button>
              </div>
            )}
          </div>
        )}

        <div className="dialog-actions">
          <button type="button" className="button quiet" onClick={onClearDraft} disabled={saving || (draft.text === '' && draft.title === '')}>
            Clear
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? 'Adding…' : 'Add'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
