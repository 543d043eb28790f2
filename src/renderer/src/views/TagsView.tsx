// Every tag as a tree by path: rename (a whole branch at once), recolour, merge, delete with Undo, filter the
// library by it, and open the documents that use it with their Annotations panel filtered by it.
import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentSummary, Tag } from '../../../shared/model';
import { useTagList } from '../fields';
import { buildTagTree, flattenTagTree, normalizeTagName, sameTagName, type TagNode } from '../fields/tagPaths';
import { formatCount } from '../format';
import { useClient } from '../hooks/client';
import { messageOf, useNotices } from '../hooks/notices';
import { documentFilterHref, libraryTagHref } from '../hooks/useRoute';
import { MergeDialog } from './MergeDialog';
import { deleteTag, recolorTag, renamePlan, renameTags } from './tagActions';

const DEFAULT_COLOR = '#8a8a8a';
const COLOR_DELAY_MS = 250;

function RenameBox({ path, onDone }: { path: string; onDone: (name: string | null) => void }) {
  const [typed, setTyped] = useState(path);
  const done = useRef(false);
  const finish = (name: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(name);
  };
  return (
    <input
      type="text"
      className="tag-rename"
      aria-label={`New name for ${path}`}
      value={typed}
      autoFocus
      onChange={(event) => setTyped(event.target.value)}
      onFocus={(event) => event.target.select()}
      onBlur={() => finish(typed)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(typed);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(null);
        }
      }}
    />
  );
}

const WHERE_LIMIT = 20;

/** The documents with annotations under a tag, each a link that opens it with the panel filtered by the tag. */
function TagDocuments({ id, tag, path }: { id: string; tag: Tag; path: string }) {
  const client = useClient();
  const [found, setFound] = useState<{ items: DocumentSummary[]; total: number } | { error: string } | null>(null);

  useEffect(() => {
    let live = true;
    void client.try('documents.list', { tagId: tag.id, limit: WHERE_LIMIT }).then((result) => {
      if (live) setFound(result.ok ? result.value : { error: messageOf(result.error) });
    });
    return () => {
      live = false;
    };
  }, [client, tag.id]);

  return (
    <div id={id} className="tag-where">
      {found === null ? (
        <p className="muted">Looking for documents…</p>
      ) : 'error' in found ? (
        <p className="inline-error">The documents could not be listed: {found.error}</p>
      ) : found.items.length === 0 ? (
        <p className="muted">No annotation is tagged {path} yet.</p>
      ) : (
        <>
          <p className="muted">Open a document with its Annotations panel showing only what is tagged {path}:</p>
          <ul aria-label={`Documents with annotations tagged ${path}`}>
            {found.items.map((doc) => (
              <li key={doc.id}>
                <a href={documentFilterHref(doc.id, null, { tags: [path], match: 'any' })}>{doc.title}</a>
              </li>
            ))}
          </ul>
          {found.total > found.items.length && (
            <p className="muted">
              And {formatCount(found.total - found.items.length, 'more document', 'more documents')}:{' '}
              <a href={libraryTagHref(tag.id)}>see them all in the library</a>.
            </p>
          )}
        </>
      )}
    </div>
  );
}

export function TagsView() {
  const client = useClient();
  const notices = useNotices();
  const { tags, loaded, error, reload } = useTagList();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [colors, setColors] = useState<Record<string, string>>({});
  const [showingWhere, setShowingWhere] = useState<string | null>(null);
  const whereId = useId();
  const colorTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    document.title = 'Tags · Gloss';
    const timers = colorTimers.current;
    return () => timers.forEach((timer) => clearTimeout(timer));
  }, []);

  const rows = flattenTagTree(buildTagTree(tags));
  const chosen = tags.filter((t) => selected.has(t.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const rename = async (path: string, typed: string | null) => {
    setRenaming(null);
    if (typed === null) return;
    const plan = renamePlan(tags, path, typed);
    if ('error' in plan) return setProblem(`Could not rename “${path}”: ${plan.error}`);
    if (plan.length === 0) return;
    const failure = await renameTags(client, plan);
    if (failure && !failure.ok) setProblem(`Could not rename “${path}”: ${messageOf(failure.error)}`);
    else setProblem(null);
  };

  // The colour picker reports every step of a drag; only where it comes to rest is saved.
  const recolor = (tag: Tag, color: string) => {
    setColors((c) => ({ ...c, [tag.id]: color }));
    const timers = colorTimers.current;
    clearTimeout(timers.get(tag.id));
    timers.set(
      tag.id,
      setTimeout(() => {
        timers.delete(tag.id);
        void recolorTag(client, tag, color).then((result) => {
          if (!result.ok) notices.error(`Could not recolour “${tag.name}”`, result.error);
        });
      }, COLOR_DELAY_MS),
    );
  };

  const remove = async (tag: Tag) => {
    const deletion = await deleteTag(client, tag, (question) => window.confirm(question));
    if (!deletion) return;
    if (!deletion.result.ok) return notices.error(`Could not delete “${tag.name}”`, deletion.result.error);
    setSelected((s) => new Set([...s].filter((id) => id !== tag.id)));
    const undo = deletion.undo;
    notices.info(
      `Deleted the tag “${tag.name}”.`,
      undo
        ? [
            {
              label: 'Undo',
              run: () =>
                void undo().then((result) => {
                  if (!result.ok) notices.error(`Could not bring “${tag.name}” back`, result.error);
                }),
            },
          ]
        : [],
    );
  };

  const create = async () => {
    const name = normalizeTagName(newName);
    if (name === '') return;
    if (tags.some((t) => sameTagName(t.name, name))) return setProblem(`There is already a tag “${name}”.`);
    const result = await client.try('tags.create', { name });
    if (!result.ok) setProblem(`Could not create “${name}”: ${messageOf(result.error)}`);
    else {
      setProblem(null);
      setNewName('');
    }
  };

  const merge = async (targetId: string): Promise<string | null> => {
    const target = tags.find((t) => t.id === targetId);
    const others = chosen.filter((t) => t.id !== targetId);
    const result = await client.try('tags.merge', { targetId, otherIds: others.map((t) => t.id) });
    if (!result.ok) return `The tags could not be merged: ${messageOf(result.error)}`;
    setSelected(new Set());
    notices.info(`Merged ${others.map((t) => `“${t.name}”`).join(', ')} into “${target?.name ?? result.value.name}”.`);
    return null;
  };

  const row = (node: TagNode<Tag>) => {
    const tag = node.tag;
    const label = node.path;
    return (
      <li
        key={node.path}
        className={tag && selected.has(tag.id) ? 'tag-row selected' : 'tag-row'}
        style={{ paddingLeft: `calc(${node.depth} * 1.5rem + var(--space-2))` }}
      >
        <span className="check">
          {tag && <input type="checkbox" aria-label={label} checked={selected.has(tag.id)} onChange={(event) => toggle(tag.id, event.target.checked)} />}
        </span>
        <span className="tag-color">
          {tag && (
            <input
              type="color"
              aria-label={`Colour of ${label}`}
              className={tag.color || colors[tag.id] ? undefined : 'unset'}
              value={colors[tag.id] ?? tag.color ?? DEFAULT_COLOR}
              onChange={(event) => recolor(tag, event.target.value)}
            />
          )}
        </span>
        <span className="tag-label">
          {renaming === node.path ? (
            <RenameBox path={node.path} onDone={(name) => void rename(node.path, name)} />
          ) : (
            <>
              <span className={tag ? 'tag-leaf' : 'tag-leaf implied'}>{node.leaf}</span>
              {!tag && <span className="muted"> (holds {formatCount(node.children.length, 'tag', 'tags')})</span>}
            </>
          )}
        </span>
        <span className="tag-usage">{tag ? formatCount(tag.usage, 'claim', 'claims') : ''}</span>
        <span className="tag-actions">
          <button type="button" className="button quiet small" aria-label={`Rename ${label}`} onClick={() => setRenaming(node.path)}>
            Rename
          </button>
          {tag && (
            <>
              <a className="button quiet small" href={libraryTagHref(tag.id)} aria-label={`Show documents tagged ${label}`}>
                Documents
              </a>
              <button
                type="button"
                className="button quiet small"
                aria-label={`Annotations tagged ${label}`}
                aria-expanded={showingWhere === tag.id}
                aria-controls={showingWhere === tag.id ? whereId : undefined}
                onClick={() => setShowingWhere((current) => (current === tag.id ? null : tag.id))}
              >
                Annotations
              </button>
              <button type="button" className="button quiet small danger" aria-label={`Delete tag ${label}`} onClick={() => void remove(tag)}>
                Delete
              </button>
            </>
          )}
        </span>
        {tag && showingWhere === tag.id && <TagDocuments id={whereId} tag={tag} path={label} />}
      </li>
    );
  };

  return (
    <section className="view" aria-labelledby="tags-heading">
      <header className="view-head">
        <h1 id="tags-heading">Tags</h1>
        <p className="muted">
          A slash makes a hierarchy: <code>labour/forced</code> sits under <code>labour</code>, and filtering by <code>labour</code> includes it.
        </p>
      </header>
      <div className="view-tools">
        <input
          type="text"
          aria-label="New tag"
          placeholder="New tag, e.g. labour/forced"
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void create();
            }
          }}
        />
        <button type="button" className="button" onClick={() => void create()} disabled={normalizeTagName(newName) === ''}>
          Add tag
        </button>
        <button type="button" className="button" disabled={chosen.length < 2} onClick={() => setMerging(true)}>
          Merge selected{chosen.length > 0 ? ` (${chosen.length})` : ''}
        </button>
      </div>
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
          <p>The tags could not be loaded. {error.message}</p>
          <button type="button" className="button small" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {loaded && tags.length === 0 && !error ? (
        <p className="view-empty">No tags yet. Add one here, or type one in a claim’s Tags field and press Enter.</p>
      ) : (
        <ul className="tag-tree" aria-label="Tags">
          {rows.map(row)}
        </ul>
      )}
      <MergeDialog
        open={merging}
        noun="tags"
        choices={chosen.map((t) => ({ id: t.id, label: t.name, detail: formatCount(t.usage, 'claim', 'claims') }))}
        explanation="Every claim tagged with the others is tagged with the one you keep, and the others are removed."
        onMerge={merge}
        onClose={() => setMerging(false)}
      />
    </section>
  );
}
