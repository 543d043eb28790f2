// The export dialog: what goes out (the selection it was opened with, or the whole library), in
// which format and citation style, grouped and sorted how, carrying what; a live preview of the
// first entries; then a job with progress and Cancel, and the file handed to the download.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  BIBLIOGRAPHY_FORMATS,
  CITING_FORMATS,
  EXPORT_FORMATS,
  FORMAT_FILES,
  type CitationStyle,
  type ExportFormat,
  type ExportPreview,
  type ExportSelection,
} from '../../../shared/export';
import type { GlossErrorData } from '../../../shared/errors';
import type { Job } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { watchJob } from '../importing/watchJob';
import { RichPreview } from './RichPreview';
import { saveFile } from './saveFile';
import { INCLUDE_LABELS, loadExportChoices, saveExportChoices, type ExportChoices, type SelectionOption } from './choices';
import '../styles/export.css';

interface Props {
  open: boolean;
  /** The choices of what to export, the first being the default (e.g. the source whose page is open, or the library's tag filter). */
  selections: SelectionOption[];
  onClose: () => void;
}

const PREVIEW_DELAY_MS = 250;

export function ExportDialog({ open, selections, onClose }: Props) {
  const client = useClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { heading: useId(), problem: useId(), preview: useId() };
  const [choices, setChoices] = useState<ExportChoices>(loadExportChoices);
  const [selectionIndex, setSelectionIndex] = useState(0);
  const [styles, setStyles] = useState<CitationStyle[]>([]);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [previewProblem, setPreviewProblem] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [problem, setProblem] = useState<GlossErrorData | null>(null);
  // The parent builds its options afresh on every render: follow the choice by value, not identity.
  const selectionKey = JSON.stringify(selections[Math.min(selectionIndex, selections.length - 1)]?.selection ?? { type: 'library' });
  const selection = useMemo(() => JSON.parse(selectionKey) as ExportSelection, [selectionKey]);
  const citing = CITING_FORMATS.includes(choices.format);
  const bibliography = BIBLIOGRAPHY_FORMATS.includes(choices.format);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setSelectionIndex(0);
      setProblem(null);
      setJob(null);
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open]);

  const [stylesVersion, setStylesVersion] = useState(0);
  const styleFile = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    void client.try('export.styles', {}).then((result) => {
      if (result.ok) setStyles(result.value);
    });
  }, [client, open, stylesVersion]);

  const addStyle = async (file: File) => {
    setProblem(null);
    if (file.size > 2_000_000) {
      setProblem({ code: 'too-large', message: `${file.name} is larger than a citation style can be (2 MB).` });
      return;
    }
    const result = await client.try('export.addStyle', { name: file.name, content: await file.text() });
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setStylesVersion((n) => n + 1);
    update({ style: result.value.id });
  };

  useEffect(() => saveExportChoices(choices), [choices]);

  // The preview follows every choice, a moment after the last change.
  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(() => {
      void client.try('export.preview', { ...requestOf(choices), selection, limit: 3 }).then((result) => {
        if (!current) return;
        if (result.ok) {
          setPreview(result.value);
          setPreviewProblem(null);
        } else setPreviewProblem(result.error.message);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, open, choices, selection]);

  const update = (patch: Partial<ExportChoices>) => setChoices((previous) => ({ ...previous, ...patch }));
  const running = job?.state === 'running' || (jobId !== null && job === null);

  const start = async () => {
    setProblem(null);
    setJob(null);
    const outcome = await watchJob(client, () => client.try('export.start', { ...requestOf(choices), selection }), setJob, setJobId);
    setJobId(null);
    if (!outcome.ok) {
      setProblem(outcome.error);
      return;
    }
    if (outcome.value.state !== 'done') {
      if (outcome.value.state === 'failed') setProblem({ code: 'internal', message: outcome.value.error ?? 'The export failed.' });
      return;
    }
    const file = await client.try('export.take', { jobId: outcome.value.id });
    if (!file.ok) {
      setProblem(file.error);
      return;
    }
    saveFile(file.value);
  };

  const cancel = () => {
    if (jobId) void client.try('jobs.cancel', { id: jobId });
  };

  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby={ids.heading}
      onCancel={(event) => {
        event.preventDefault();
        if (!running) onClose();
      }}
    >
      {/* Only while open: a closed dialog keeps no controls (such as its file input) in the page. */}
      {open && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <h2 id={ids.heading}>Export</h2>
          <div className="export-layout">
            <div className="export-options">
              <label className="field">
                <span className="field-label">What</span>
                <select value={selectionIndex} onChange={(event) => setSelectionIndex(Number(event.target.value))}>
                  {selections.map((option, index) => (
                    <option key={index} value={index}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">Format</span>
                <select value={choices.format} onChange={(event) => update({ format: event.target.value as ExportFormat })}>
                  {EXPORT_FORMATS.map((format) => (
                    <option key={format} value={format}>
                      {FORMAT_FILES[format].label}
                    </option>
                  ))}
                </select>
              </label>
              {citing && (
                <>
                  <label className="field">
                    <span className="field-label">Citation style</span>
                    <select value={choices.style} onChange={(event) => update({ style: event.target.value })}>
                      {styles.length === 0 && <option value={choices.style}>{choices.style}</option>}
                      {styles.map((style) => (
                        <option key={style.id} value={style.id}>
                          {style.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" className="button quiet small export-add-style" onClick={() => styleFile.current?.click()}>
                    Add a style (.csl)…
                  </button>
                  <input
                    ref={styleFile}
                    type="file"
                    accept=".csl"
                    className="visually-hidden"
                    tabIndex={-1}
                    aria-hidden="true"
                    onChange={(event) => {
                      const file = event.target.files?.[0];
                      event.target.value = '';
                      if (file) void addStyle(file);
                    }}
                  />
                </>
              )}
              {bibliography && (
                <>
                  <label className="field">
                    <span className="field-label">Group by</span>
                    <select value={choices.grouping} onChange={(event) => update({ grouping: event.target.value as ExportChoices['grouping'] })}>
                      <option value="document">Document</option>
                      <option value="source">Source</option>
                      <option value="tag">Tag</option>
                    </select>
                  </label>
                  <label className="field">
                    <span className="field-label">Sort by</span>
                    <select value={choices.sort} onChange={(event) => update({ sort: event.target.value as ExportChoices['sort'] })}>
                      <option value="author">Author</option>
                      <option value="date">Date</option>
                      <option value="title">Title</option>
                    </select>
                  </label>
                  <fieldset className="field export-include">
                    <legend className="field-label">Each entry carries</legend>
                    {(Object.keys(INCLUDE_LABELS) as (keyof ExportChoices['include'])[]).map((key) => (
                      <label key={key}>
                        <input
                          type="checkbox"
                          checked={choices.include[key]}
                          onChange={(event) => update({ include: { ...choices.include, [key]: event.target.checked } })}
                        />{' '}
                        {INCLUDE_LABELS[key]}
                      </label>
                    ))}
                  </fieldset>
                </>
              )}
              {choices.format === 'csv' && (
                <label className="export-check">
                  <input type="checkbox" checked={choices.bom} onChange={(event) => update({ bom: event.target.checked })} /> Add a byte-order mark (for Excel)
                </label>
              )}
            </div>
            <section className="export-preview" aria-labelledby={ids.preview}>
              <h3 id={ids.preview} className="field-label">
                Preview
                {preview && (
                  <span className="export-count">
                    {' '}
                    — {preview.shown} of {preview.documentCount} {preview.documentCount === 1 ? 'document' : 'documents'}, {preview.annotationCount}{' '}
                    {preview.annotationCount === 1 ? 'annotation' : 'annotations'}
                  </span>
                )}
              </h3>
              <div className="export-preview-body" aria-live="polite">
                {previewProblem ? (
                  <p className="export-preview-problem">{previewProblem}</p>
                ) : preview ? (
                  preview.documentCount === 0 ? (
                    <p className="export-preview-empty">Nothing to export: no document matches this choice.</p>
                  ) : (
                    <RichPreview document={preview.document} />
                  )
                ) : (
                  <p className="export-preview-empty">Preparing the preview…</p>
                )}
              </div>
            </section>
          </div>

          {job && job.state === 'running' && (
            <div className="export-progress" role="status">
              <progress max={Math.max(1, job.total)} value={job.done} />
              <span>
                {job.current ?? 'Exporting'} — {job.done} of {job.total}
              </span>
            </div>
          )}
          {job && job.state === 'cancelled' && <p role="status">Export cancelled; no file was written.</p>}
          {problem && (
            <div className="dialog-problem" role="alert" id={ids.problem}>
              <p>{problem.message}</p>
            </div>
          )}

          <div className="dialog-actions">
            <span className="spacer" />
            {running ? (
              <button type="button" className="button" onClick={cancel}>
                Cancel export
              </button>
            ) : (
              <button type="button" className="button" onClick={onClose}>
                Close
              </button>
            )}
            <button type="submit" className="button primary" disabled={running || preview?.documentCount === 0}>
              {running ? 'Exporting…' : `Export ${FORMAT_FILES[choices.format].label}`}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

function requestOf(choices: ExportChoices) {
  return { format: choices.format, style: choices.style, grouping: choices.grouping, sort: choices.sort, include: choices.include, bom: choices.bom };
}
