// The kinds of annotation (claim, statistic, …): rename, recolour, reorder, add, delete, each with its shortcut.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GlossErrorData } from '../../../shared/errors';
import type { Kind } from '../../../shared/model';
import { useClient } from '../hooks/client';
import { messageOf, useNotices } from '../hooks/notices';
import { useChanges } from '../hooks/useChanges';
import { withRebase } from './rebase';
import { ShortcutInput } from './ShortcutInput';

const PALETTE = ['#e0b000', '#3a8fd9', '#d9534f', '#4caf50', '#9c6ade', '#ef8a17'];
const COLOR_DELAY_MS = 250;

type Patch = { name?: string; color?: string; shortcut?: string | null; position?: number };

function useKinds() {
  const client = useClient();
  const [state, setState] = useState({ kinds: [] as Kind[], loaded: false, error: null as GlossErrorData | null });
  const reload = useCallback(() => {
    void client
      .try('kinds.list', {})
      .then((result) =>
        setState((s) =>
          result.ok
            ? { kinds: [...result.value].sort((a, b) => a.position - b.position), loaded: true, error: null }
            : { ...s, loaded: true, error: result.error },
        ),
      );
  }, [client]);
  useEffect(reload, [reload]);
  useChanges((event) => event.entity === 'kind', reload);
  return { ...state, reload };
}

function NameInput({ kind, onRename }: { kind: Kind; onRename: (name: string) => void }) {
  const [typed, setTyped] = useState(kind.name);
  const [prev, setPrev] = useState(kind.name);
  // Follows renames made elsewhere, unless this box is being typed in.
  if (prev !== kind.name) {
    setPrev(kind.name);
    setTyped(kind.name);
  }
  const commit = () => {
    const name = typed.trim().replace(/\s+/g, ' ');
    if (name === '') setTyped(kind.name);
    else if (name !== kind.name) onRename(name);
  };
  return (
    <input
      type="text"
      aria-label={`Name of ${kind.name}`}
      value={typed}
      onChange={(event) => setTyped(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') setTyped(kind.name);
      }}
    />
  );
}

export function KindsView() {
  const client = useClient();
  const notices = useNotices();
  const { kinds, loaded, error, reload } = useKinds();
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: '', color: PALETTE[1]!, shortcut: null as string | null });
  const [colors, setColors] = useState<Record<string, string>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    document.title = 'Kinds · Gloss';
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const update = async (kind: Kind, patch: Patch, what: string) => {
    const result = await withRebase((version) => client.try('kinds.update', { id: kind.id, version, ...patch }), kind.version);
    if (!result.ok) setProblem(`Could not ${what}: ${messageOf(result.error)}`);
    else setProblem(null);
    if (!result.ok) reload();
  };

  const recolor = (kind: Kind, color: string) => {
    setColors((c) => ({ ...c, [kind.id]: color }));
    clearTimeout(timers.current.get(kind.id));
    timers.current.set(
      kind.id,
      setTimeout(() => void update(kind, { color }, `recolour “${kind.name}”`), COLOR_DELAY_MS),
    );
  };

  const move = async (index: number, by: -1 | 1) => {
    const other = kinds[index + by];
    const kind = kinds[index];
    if (!kind || !other) return;
    await update(kind, { position: other.position }, `move “${kind.name}”`);
    await update(other, { position: kind.position }, `move “${other.name}”`);
  };

  const remove = async (kind: Kind) => {
    if (!window.confirm(`Delete the kind “${kind.name}”?`)) return;
    const result = await client.try('kinds.delete', { id: kind.id, version: kind.version });
    if (!result.ok) return setProblem(`Could not delete “${kind.name}”: ${messageOf(result.error)}`);
    setProblem(null);
    notices.info(`Deleted the kind “${kind.name}”.`, [
      {
        label: 'Undo',
        run: () =>
          void client.try('kinds.create', { name: kind.name, color: kind.color, shortcut: kind.shortcut }).then((again) => {
            if (!again.ok) notices.error(`Could not bring “${kind.name}” back`, again.error);
          }),
      },
    ]);
  };

  const add = async () => {
    const name = draft.name.trim().replace(/\s+/g, ' ');
    if (name === '') return setProblem('Give the new kind a name.');
    const result = await client.try('kinds.create', { name, color: draft.color, shortcut: draft.shortcut });
    if (!result.ok) return setProblem(`Could not add “${name}”: ${messageOf(result.error)}`);
    setProblem(null);
    setDraft({ name: '', color: PALETTE[(kinds.length + 2) % PALETTE.length]!, shortcut: null });
  };

  return (
    <section className="view" aria-labelledby="kinds-heading">
      <header className="view-head">
        <h1 id="kinds-heading">Kinds</h1>
        <p className="muted">
          What a highlight marks: a claim, a statistic, a definition… Each kind has a colour and may have a keyboard shortcut that applies it to the selected
          text.
        </p>
      </header>
      {problem && (
        <div className="inline-error" role="alert">
          <p>{problem}</p>
          <button type="button" className="button small" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </div>
      )}
      {error && (
        <div className="inline-error" role="alert">
          <p>The kinds could not be loaded. {error.message}</p>
          <button type="button" className="button small" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {loaded && (
        <ul className="kind-list" aria-label="Kinds">
          {kinds.map((kind, index) => (
            <li key={kind.id} className="kind-row">
              <input
                type="color"
                aria-label={`Colour of ${kind.name}`}
                value={colors[kind.id] ?? kind.color}
                onChange={(event) => recolor(kind, event.target.value)}
              />
              <NameInput kind={kind} onRename={(name) => void update(kind, { name }, `rename “${kind.name}”`)} />
              <ShortcutInput
                value={kind.shortcut}
                label={`Shortcut for ${kind.name}`}
                onChange={(shortcut) => void update(kind, { shortcut }, `set the shortcut of “${kind.name}”`)}
              />
              <span className="kind-actions">
                <button
                  type="button"
                  className="button quiet small"
                  aria-label={`Move ${kind.name} up`}
                  disabled={index === 0}
                  onClick={() => void move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button quiet small"
                  aria-label={`Move ${kind.name} down`}
                  disabled={index === kinds.length - 1}
                  onClick={() => void move(index, 1)}
                >
                  ↓
                </button>
                <button type="button" className="button quiet small danger" aria-label={`Delete kind ${kind.name}`} onClick={() => void remove(kind)}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="kind-row kind-new" role="group" aria-label="New kind">
        <input
          type="color"
          aria-label="Colour of the new kind"
          value={draft.color}
          onChange={(event) => setDraft((d) => ({ ...d, color: event.target.value }))}
        />
        <input
          type="text"
          aria-label="Name of the new kind"
          placeholder="New kind, e.g. Statistic"
          value={draft.name}
          onChange={(event) => setDraft((d) => ({ ...d, name: event.target.value }))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void add();
            }
          }}
        />
        <ShortcutInput value={draft.shortcut} label="Shortcut for the new kind" onChange={(shortcut) => setDraft((d) => ({ ...d, shortcut }))} />
        <span className="kind-actions">
          <button type="button" className="button primary small" onClick={() => void add()}>
            Add kind
          </button>
        </span>
      </div>
    </section>
  );
}
