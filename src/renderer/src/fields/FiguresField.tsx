// The figures of a claim: one form per figure, "Add figure" prefilled from the quote, saved as you type.
import { useId, useRef, useState } from 'react';
import type { Figure } from '../../../shared/figures';
import type { StoredFigure } from '../../../shared/model';
import { EchoTracker } from './echo';
import { draftFromFigure, emptyDraft, figureFromDraft, figuresKey, formatFigure, uncoveredFigures, type FigureDraft } from './figureForm';
import { FigureForm } from './FigureForm';

export interface FiguresFieldProps {
  value: StoredFigure[];
  quote: string;
  onChange: (figures: (Figure & { id?: string })[]) => void;
  disabled?: boolean;
}

/** Saved figures that came back with ids the drafts lack (new ones) hand those ids over, in order. */
function adoptIds(drafts: FigureDraft[], saved: StoredFigure[]): FigureDraft[] {
  const known = new Set(drafts.map((d) => d.id).filter(Boolean));
  const fresh = saved.filter((f) => !known.has(f.id)).map((f) => f.id);
  return drafts.map((d) => (d.id || fresh.length === 0 ? d : { ...d, id: fresh.shift()! }));
}

export function FiguresField({ value, quote, onChange, disabled = false }: FiguresFieldProps) {
  const labelId = useId();
  const [tracker] = useState(() => new EchoTracker());
  const [state, setState] = useState(() => ({ drafts: value.map(draftFromFigure), prev: value, focusKey: null as string | null }));
  const addButton = useRef<HTMLButtonElement>(null);

  let drafts = state.drafts;
  if (state.prev !== value) {
    drafts = tracker.isEcho(figuresKey(value)) ? adoptIds(state.drafts, value) : value.map(draftFromFigure);
    setState({ ...state, drafts, prev: value });
  }

  const checked = drafts.map(figureFromDraft);
  const invalid = checked.filter((c) => 'errors' in c).length;

  const update = (next: FigureDraft[], focusKey: string | null = null) => {
    setState((s) => ({ ...s, drafts: next, focusKey }));
    const results = next.map(figureFromDraft);
    const figures = results.flatMap((r) => ('figure' in r ? [r.figure] : []));
    // Nothing half-typed reaches the library: the card saves once every figure reads as one.
    if (figures.length !== results.length) return;
    tracker.sentKey(figuresKey(figures));
    onChange(figures);
  };

  const offered = uncoveredFigures(quote, drafts)[0];

  const add = () => {
    const draft = offered ? draftFromFigure(offered) : emptyDraft();
    update([...drafts, draft], draft.key);
  };

  const remove = (key: string) => {
    update(drafts.filter((d) => d.key !== key));
    addButton.current?.focus();
  };

  return (
    <div className="fld fld-figures" role="group" aria-labelledby={labelId}>
      <span className="fld-label" id={labelId}>
        Figures
      </span>
      {drafts.length === 0 && <p className="fld-hint">No figures on this claim.</p>}
      {drafts.map((draft, index) => {
        const result = checked[index]!;
        return (
          <FigureForm
            key={draft.key}
            draft={draft}
            number={index + 1}
            errors={'errors' in result ? result.errors : {}}
            disabled={disabled}
            focusOnMount={draft.key === state.focusKey}
            onDraft={(next) => update(drafts.map((d) => (d.key === draft.key ? next : d)))}
            onRemove={() => remove(draft.key)}
          />
        );
      })}
      {invalid > 0 && (
        <p className="fld-error" role="status">
          {invalid === 1 ? 'One figure is incomplete' : `${invalid} figures are incomplete`}; figures are saved once every one reads as a figure.
        </p>
      )}
      {!disabled && (
        <div className="fld-add-row">
          <button ref={addButton} type="button" className="button small" onClick={add}>
            Add figure
          </button>
          {offered && <span className="fld-hint">from the quote: {formatFigure(offered)}</span>}
        </div>
      )}
    </div>
  );
}
