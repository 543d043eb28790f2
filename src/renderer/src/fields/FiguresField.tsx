// The figures of a claim: one form per figure, "Add figure" prefilled from the quote, saved as you type.
import { useId, useRef, useState } from 'react';
import type { Figure } from '../../../shared/figures';
import type { StoredFigure } from '../../../shared/model';
import { draftFromFigure, emptyDraft, figureFromDraft, figureKey, formatFigure, reconcileDrafts, uncoveredFigures, type FigureDraft } from './figureForm';
import { FigureForm } from './FigureForm';
import { useEchoedValue } from './useEchoedValue';

type FigureValue = Figure & { id?: string };

export interface FiguresFieldProps {
  value: StoredFigure[];
  quote: string;
  /** Saves the figures; what it returns, if anything, says whether they were stored. */
  /** Settles with whether the change was stored: a refused one puts the stored value back. */
  onChange: (figures: FigureValue[]) => PromiseLike<boolean>;
  disabled?: boolean;
}

export function FiguresField({ value, quote, onChange, disabled = false }: FiguresFieldProps) {
  const labelId = useId();
  // The figures as last saved or received, told apart from the field's own saves the way the tags
  // and sources fields do; the drafts are the forms showing them, with whatever is half-typed.
  const [figures, setFigures] = useEchoedValue<FigureValue>(value, figureKey);
  const [state, setState] = useState(() => ({ drafts: figures.map(draftFromFigure), source: figures, focusKey: null as string | null }));
  const addButton = useRef<HTMLButtonElement>(null);

  let drafts = state.drafts;
  if (state.source !== figures) {
    drafts = reconcileDrafts(state.drafts, state.source, figures);
    setState({ ...state, drafts, source: figures });
  }

  const checked = drafts.map(figureFromDraft);
  const invalid = checked.filter((c) => 'errors' in c).length;

  const update = (next: FigureDraft[], focusKey: string | null = null) => {
    const results = next.map(figureFromDraft);
    const reported = results.flatMap((r) => ('figure' in r ? [r.figure] : []));
    // Nothing half-typed reaches the library: the card saves once every figure reads as one.
    if (reported.length !== results.length) {
      setState((s) => ({ ...s, drafts: next, focusKey }));
      return;
    }
    setState((s) => ({ ...s, drafts: next, source: reported, focusKey }));
    setFigures(reported, onChange(reported));
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
