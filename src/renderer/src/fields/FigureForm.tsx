// One figure's form: amount or range, scale, unit, period, time, qualifier and subject, with its summary.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { UNIT_BY_ID } from '../../../shared/figures';
import {
  figureFromDraft,
  formatFigure,
  formatNormalised,
  isKnownUnit,
  PERIODS,
  QUALIFIERS,
  SCALES,
  UNIT_GROUPS,
  unitsOfKind,
  type DraftErrors,
  type DraftField,
  type FigureDraft,
} from './figureForm';

const OTHER = '__other';

interface Props {
  draft: FigureDraft;
  number: number;
  errors: DraftErrors;
  disabled: boolean;
  focusOnMount: boolean;
  onDraft: (draft: FigureDraft) => void;
  onRemove: () => void;
}

function Cell({
  label,
  error,
  children,
  wide = false,
  id,
}: {
  label: string;
  error?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
  wide?: boolean;
  id: string;
}) {
  return (
    <div className={wide ? 'fld-cell wide' : 'fld-cell'}>
      <label htmlFor={id} className="fld-sublabel">
        {label}
      </label>
      {children(error ? `${id}-error` : undefined)}
      {error && (
        <p id={`${id}-error`} className="fld-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function FigureForm({ draft, number, errors, disabled, focusOnMount, onDraft, onRemove }: Props) {
  const base = useId();
  const first = useRef<HTMLInputElement>(null);
  const set = <K extends keyof FigureDraft>(key: K, value: FigureDraft[K]) => onDraft({ ...draft, [key]: value });
  const known = isKnownUnit(draft.unit);
  const parsed = figureFromDraft(draft);
  const figure = 'figure' in parsed ? parsed.figure : null;
  const unit = UNIT_BY_ID.get(draft.unit);

  useEffect(() => {
    if (focusOnMount) first.current?.focus();
    // Only when the form first appears (after "Add figure").
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const input = (field: DraftField, label: string, extra: { placeholder?: string; wide?: boolean; inputMode?: 'decimal' | 'numeric' } = {}) => {
    const id = `${base}-${field}`;
    return (
      <Cell label={label} error={errors[field]} id={id} wide={extra.wide ?? false}>
        {(describedBy) => (
          <input
            ref={field === 'value' ? first : undefined}
            id={id}
            type="text"
            value={draft[field]}
            disabled={disabled}
            placeholder={extra.placeholder}
            inputMode={extra.inputMode}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => set(field, event.target.value)}
          />
        )}
      </Cell>
    );
  };

  return (
    <fieldset className="fld-figure" aria-label={`Figure ${number}`}>
      <div className="fld-figure-head">
        <p className="fld-figure-summary" aria-live="polite">
          {figure ? formatFigure(figure) : <span className="muted">Incomplete figure</span>}
        </p>
        {!disabled && (
          <button type="button" className="button quiet small" onClick={onRemove} aria-label={`Remove figure ${number}`}>
            Remove figure
          </button>
        )}
      </div>
      {draft.surface && <p className="fld-figure-surface">Read from “{draft.surface}”</p>}
      <div className="fld-grid">
        <Cell label="Qualifier" id={`${base}-qualifier`}>
          {() => (
            <select
              id={`${base}-qualifier`}
              value={draft.qualifier}
              disabled={disabled}
              onChange={(event) => set('qualifier', event.target.value as FigureDraft['qualifier'])}
            >
              <option value="">none</option>
              {QUALIFIERS.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          )}
        </Cell>
        {input('value', 'Value', { placeholder: 'e.g. 32', inputMode: 'decimal' })}
        {input('low', 'Range from', { placeholder: 'low', inputMode: 'decimal' })}
        {input('high', 'Range to', { placeholder: 'high', inputMode: 'decimal' })}
        <Cell label="Scale" id={`${base}-scale`}>
          {() => (
            <select id={`${base}-scale`} value={draft.scale} disabled={disabled} onChange={(event) => set('scale', event.target.value as FigureDraft['scale'])}>
              <option value="">none</option>
              {SCALES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Cell>
        <Cell label="Unit" id={`${base}-unit`} error={known ? errors.unit : undefined}>
          {() => (
            <select
              id={`${base}-unit`}
              value={known ? draft.unit : OTHER}
              disabled={disabled}
              onChange={(event) => set('unit', event.target.value === OTHER ? '' : event.target.value)}
            >
              {UNIT_GROUPS.map((group) => (
                <optgroup key={group.kind} label={group.label}>
                  {unitsOfKind(group.kind).map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.kind === 'currency' ? `${u.id} · ${u.label}` : u.id === 'count' ? 'count (a plain number)' : u.label}
                    </option>
                  ))}
                </optgroup>
              ))}
              <option value={OTHER}>Other unit…</option>
            </select>
          )}
        </Cell>
        {!known && input('unit', 'Other unit', { placeholder: 'e.g. hectares', wide: true })}
        <Cell label="Period" id={`${base}-period`}>
          {() => (
            <select
              id={`${base}-period`}
              value={draft.period}
              disabled={disabled}
              onChange={(event) => set('period', event.target.value as FigureDraft['period'])}
            >
              <option value="">none</option>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </Cell>
        {input('subject', 'Subject', { placeholder: unit?.kind === 'currency' ? 'e.g. profits' : 'e.g. victims' })}
        {input('timeStart', 'Year or from', { placeholder: 'YYYY' })}
        {input('timeEnd', 'Until', { placeholder: 'YYYY' })}
      </div>
      <p className="fld-normalised">
        <span className="fld-sublabel">Normalised</span>{' '}
        <output aria-label={`Normalised value of figure ${number}`}>
          {figure && formatNormalised(figure) !== '' ? `${formatNormalised(figure)} ${figure.unit}${figure.period ? ` ${figure.period}` : ''}` : '—'}
        </output>
      </p>
    </fieldset>
  );
}
