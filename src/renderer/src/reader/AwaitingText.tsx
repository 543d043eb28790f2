// An entry awaiting its text (imported from a bibliography): the reader offers the three ways to
// give it that text (a file, a web address, pasted text). The entry keeps its details; what the
// file or page says about itself only fills the fields the entry lacks.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { GlossErrorData } from '../../../shared/errors';
import type { DocumentRecord, DocumentSummary } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { base64Of, MAX_FILE_BYTES } from '../importing/files';

interface Props {
  doc: DocumentRecord;
  onFilled: (doc: DocumentRecord, warnings: string[]) => void;
  onOpen: (id: string) => void;
}

type Source = { name: string; data: string; mediaType?: string } | { url: string } | { content: string; format: 'text' | 'markdown' };

export function AwaitingText({ doc, onFilled, onOpen }: Props) {
  const client = useClient();
  const picker = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState(typeof doc.csl.URL === 'string' ? doc.csl.URL : '');
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ error: GlossErrorData; retry: Source | null } | null>(null);
  const ids = { heading: useId(), url: useId(), paste: useId(), problem: useId() };

  const provide = async (source: Source, allowDuplicate = false) => {
    setBusy('url' in source ? 'Fetching the page…' : 'Reading the text…');
    setProblem(null);
    const result = await client.try('documents.provideText', { id: doc.id, version: doc.version, ...source, allowDuplicate });
    setBusy(null);
    if (result.ok) onFilled(result.value.document, result.value.warnings);
    else setProblem({ error: result.error, retry: source });
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem({
        error: {
          code: 'too-large',
          message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; Gloss imports files up to ${Math.floor(MAX_FILE_BYTES / 1024 / 1024)} MB.`,
        },
        retry: null,
      });
      return;
    }
    await provide({ name: file.name, data: await base64Of(file), ...(file.type ? { mediaType: file.type } : {}) });
  };

  const fetchPage = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim() !== '') void provide({ url: url.trim() });
  };

  const usePasted = (event: FormEvent) => {
    event.preventDefault();
    if (pasted.trim() !== '') void provide({ content: pasted, format: 'text' });
  };

  // A conflict names the document that already has this text; one naming this entry is a stale version, which the reload fixes.
  const current = problem?.error.code === 'conflict' ? (problem.error.current as DocumentSummary | undefined) : undefined;
  const existing = current && current.id !== doc.id ? current : undefined;
  const retry = problem?.retry ?? null;
  return (
    <section className="awaiting-text" aria-labelledby={ids.heading} aria-busy={busy !== null}>
      <h2 id={ids.heading}>This entry is waiting for its text</h2>
      <p className="muted">
        Its details came from {doc.origin.fileName ?? 'a bibliography'}. Give it its text from a file, a web page or pasted text; the details you have stay as
        they are.
      </p>
      <div className="awaiting-ways">
        <div className="awaiting-way">
          <h3>From a file</h3>
          <input
            ref={picker}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Choose the file with this entry’s text"
            accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx"
            onChange={(event) => {
              void pick(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <button type="button" className="button" onClick={() => picker.current?.click()} disabled={busy !== null}>
            Choose a file…
          </button>
        </div>
        <form className="awaiting-way" onSubmit={fetchPage}>
          <label className="field">
            <span className="field-label">From a web address</span>
            <input
              id={ids.url}
              type="text"
              inputMode="url"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              placeholder="https://…"
              autoComplete="off"
            />
          </label>
          <button type="submit" className="button" disabled={busy !== null || url.trim() === ''}>
            Fetch the page
          </button>
        </form>
        <form className="awaiting-way paste" onSubmit={usePasted}>
          <label className="field">
            <span className="field-label">Pasted text</span>
            <textarea id={ids.paste} value={pasted} onChange={(event) => setPasted(event.target.value)} rows={4} />
          </label>
          <button type="submit" className="button" disabled={busy !== null || pasted.trim() === ''}>
            Use this text
          </button>
        </form>
      </div>
      <p role="status" className="muted">
        {busy ?? ''}
      </p>
      {problem && (
        <div className="dialog-problem" role="alert" id={ids.problem}>
          <p>{problem.error.message}</p>
          {existing && retry && (
            <div className="button-row">
              <button type="button" className="button small" onClick={() => onOpen(existing.id)}>
                Open “{existing.title}”
              </button>
              <button type="button" className="button small" onClick={() => void provide(retry, true)} disabled={busy !== null}>
                Use it for this entry too
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
