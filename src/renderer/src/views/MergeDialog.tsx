// Asks which of the selected sources or tags to keep before merging the others into it.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

export interface MergeChoice {
  id: string;
  label: string;
  detail: string;
}

interface Props {
  open: boolean;
  /** "sources" or "tags", as the sentences say it. */
  noun: string;
  choices: MergeChoice[];
  /** What happens to the others, in a sentence. */
  explanation: string;
  onMerge: (targetId: string) => Promise<string | null>;
  onClose: () => void;
}

export function MergeDialog({ open, noun, choices, explanation, onMerge, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();
  const [keep, setKeep] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  // The first choice is kept unless the person picks another; it follows the list when it changes.
  const chosen = keep !== null && choices.some((c) => c.id === keep) ? keep : (choices[0]?.id ?? null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setProblem(null);
    const failure = await onMerge(chosen);
    setBusy(false);
    if (failure) setProblem(failure);
    else {
      setKeep(null);
      onClose();
    }
  };

  return (
    <dialog ref={dialog} className="dialog merge-dialog" aria-labelledby={heading} onClose={onClose}>
      <form method="dialog" onSubmit={(event) => void submit(event)}>
        <h2 id={heading}>
          Merge {choices.length} {noun}
        </h2>
        <fieldset className="merge-choices">
          <legend>Keep which one?</legend>
          {choices.map((choice) => (
            <label key={choice.id} className="merge-choice">
              <input type="radio" name="keep" value={choice.id} checked={choice.id === chosen} onChange={() => setKeep(choice.id)} />
              <span>
                <span className="merge-choice-label">{choice.label}</span> <span className="muted">{choice.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="muted">{explanation}</p>
        {problem && (
          <div className="dialog-problem" role="alert">
            <p>{problem}</p>
          </div>
        )}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !chosen}>
            {busy ? 'Merging…' : 'Merge'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
