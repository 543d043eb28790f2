// Annotation kinds: the user's own categories of highlight, each with a colour and a shortcut.
import { GlossError, notFound } from '../../shared/errors';
import type { Kind } from '../../shared/model';
import type { Database } from './native';
import { stmt } from './sql';
import { claimVersion } from './versioned';

export function listKinds(db: Database): Kind[] {
  return stmt(db, 'SELECT id, name, color, shortcut, position, version FROM kinds ORDER BY position, name').all() as Kind[];
}

export function getKind(db: Database, id: string): Kind {
  const kind = stmt(db, 'SELECT id, name, color, shortcut, position, version FROM kinds WHERE id = ?').get(id) as Kind | undefined;
  if (!kind) throw notFound('annotation kind', id);
  return kind;
}

function assertFree(db: Database, name: string, shortcut: string | null | undefined, self: string | null): void {
  const byName = stmt(db, 'SELECT id FROM kinds WHERE name = ? COLLATE NOCASE').get(name) as { id: string } | undefined;
  if (byName && byName.id !== self) throw new GlossError({ code: 'conflict', message: `There is already a kind named “${name}”. Choose another name.` });
  if (shortcut) {
    const byKey = stmt(db, 'SELECT id, name FROM kinds WHERE shortcut = ?').get(shortcut) as { id: string; name: string } | undefined;
    if (byKey && byKey.id !== self)
      throw new GlossError({ code: 'conflict', message: `The shortcut ${shortcut} already belongs to the kind “${byKey.name}”.` });
  }
}

export function createKind(db: Database, input: { id: string; name: string; color: string; shortcut: string | null }): Kind {
  assertFree(db, input.name, input.shortcut, null);
  const { next } = stmt(db, 'SELECT coalesce(max(position) + 1, 0) AS next FROM kinds').get() as { next: number };
  stmt(db, 'INSERT INTO kinds (id, name, color, shortcut, position) VALUES (?, ?, ?, ?, ?)').run(input.id, input.name, input.color, input.shortcut, next);
  return getKind(db, input.id);
}

export function updateKind(
  db: Database,
  id: string,
  basedOn: number,
  patch: { name?: string; color?: string; shortcut?: string | null; position?: number },
): Kind {
  claimVersion(db, 'kinds', id, basedOn, () => getKind(db, id));
  const current = getKind(db, id);
  assertFree(db, patch.name ?? current.name, patch.shortcut, id);
  stmt(db, 'UPDATE kinds SET name = ?, color = ?, shortcut = ?, position = ? WHERE id = ?').run(
    patch.name ?? current.name,
    patch.color ?? current.color,
    patch.shortcut === undefined ? current.shortcut : patch.shortcut,
    patch.position ?? current.position,
    id,
  );
  return getKind(db, id);
}

export function deleteKind(db: Database, id: string, basedOn: number): void {
  const kind = getKind(db, id);
  const { used } = stmt(db, 'SELECT count(*) AS used FROM annotations WHERE kind_id = ?').get(id) as { used: number };
  if (used > 0) {
    throw new GlossError({
      code: 'conflict',
      message: `The kind “${kind.name}” is used by ${used} annotation${used === 1 ? '' : 's'}; give them another kind first.`,
    });
  }
  claimVersion(db, 'kinds', id, basedOn, () => kind);
  stmt(db, 'DELETE FROM kinds WHERE id = ?').run(id);
}
