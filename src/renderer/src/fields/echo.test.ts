// A list field's own edits against values arriving from the library: pending edits win until their
// save is acknowledged, and after that the library's newer values are shown.
import { describe, expect, it } from 'vitest';
import { EchoTracker, PendingEdits } from './echo';

interface Ref {
  id: string;
  name: string;
}

const ref = (id: string, name = id): Ref => ({ id, name });
const ids = (refs: readonly Ref[]) => refs.map((r) => r.id);

/** A field as the hook drives it: what it shows, its own edits, and values from the library. */
function field(initial: Ref[]) {
  const edits = new PendingEdits<Ref>((r) => r.id);
  let shown: readonly Ref[] = initial;
  return {
    edit(next: Ref[]) {
      edits.edit(shown, next);
      shown = next;
    },
    receive(incoming: Ref[]) {
      shown = edits.receive(incoming);
    },
    get shown() {
      return shown;
    },
    get pending() {
      return edits.pending;
    },
  };
}

describe('PendingEdits', () => {
  it('shows every value from the library while the field has changed nothing', () => {
    const f = field([ref('a')]);
    f.receive([ref('a'), ref('x')]);
    expect(ids(f.shown)).toEqual(['a', 'x']);
    f.receive([]);
    expect(ids(f.shown)).toEqual([]);
  });

  it('keeps what was just chosen when another window’s value arrives before the save comes back', () => {
    const f = field([]);
    f.edit([ref('a')]);
    f.receive([ref('x')]);
    expect(ids(f.shown)).toEqual(['a']);
    expect(f.pending).toBe(true);
    // The save, rebased over the other window's edit, keeps both.
    f.receive([ref('x'), ref('a')]);
    expect(ids(f.shown)).toEqual(['x', 'a']);
    expect(f.pending).toBe(false);
  });

  it('keeps a removal while a refetch still holds the removed item', () => {
    const f = field([ref('a'), ref('b')]);
    f.edit([ref('b')]);
    f.receive([ref('a'), ref('b')]);
    expect(ids(f.shown)).toEqual(['b']);
    f.receive([ref('b')]);
    expect(f.pending).toBe(false);
  });

  it('does not let an earlier save coming back undo a later edit', () => {
    const f = field([]);
    f.edit([ref('a')]);
    f.edit([ref('a'), ref('b')]);
    f.receive([ref('a')]);
    expect(ids(f.shown)).toEqual(['a', 'b']);
    f.receive([ref('a'), ref('b')]);
    expect(ids(f.shown)).toEqual(['a', 'b']);
    expect(f.pending).toBe(false);
  });

  it('does not show an item that was added and removed again while the first save returns', () => {
    const f = field([]);
    f.edit([ref('a')]);
    f.edit([]);
    f.receive([ref('a')]);
    expect(ids(f.shown)).toEqual([]);
    f.receive([]);
    expect(f.pending).toBe(false);
  });

  it('after the save is acknowledged, shows a newer value from elsewhere, even one the field once sent', () => {
    const f = field([]);
    f.edit([ref('a')]);
    f.edit([]);
    f.receive([ref('a')]);
    f.receive([]);
    // Another window adds the same tag later: that is news, not an echo.
    f.receive([ref('a')]);
    expect(ids(f.shown)).toEqual(['a']);
    f.receive([ref('a'), ref('c')]);
    expect(ids(f.shown)).toEqual(['a', 'c']);
  });

  it('takes the stored items once acknowledged, so a rename elsewhere shows', () => {
    const f = field([]);
    f.edit([ref('t1', 'labour')]);
    f.receive([ref('t1', 'Labour')]);
    expect(f.shown[0]!.name).toBe('Labour');
    f.receive([ref('t1', 'work')]);
    expect(f.shown[0]!.name).toBe('work');
  });
});

describe('EchoTracker (figures)', () => {
  it('recognises values the field reported, even older ones', () => {
    const t = new EchoTracker();
    t.sentKey('a');
    t.sentKey('ab');
    expect(t.isEcho('a')).toBe(true);
    expect(t.isEcho('ab')).toBe(true);
    expect(t.isEcho('other window')).toBe(false);
  });

  it('remembers only the recent ones', () => {
    const t = new EchoTracker();
    for (let i = 0; i < 25; i++) t.sentKey(String(i));
    expect(t.isEcho('0')).toBe(false);
    expect(t.isEcho('24')).toBe(true);
  });
});
