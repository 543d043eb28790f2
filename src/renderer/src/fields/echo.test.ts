// A list field's own edits against values arriving from the library: pending edits win until their
// save is acknowledged or settled, and after that the library's newer values are shown. The figures
// field uses the same logic under its forms.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../shared/figures';
import { PendingEdits } from './echo';
import { draftFromFigure, emptyDraft, figureFromDraft, figureKey, reconcileDrafts, type FigureDraft } from './figureForm';

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
    /** Returns the edit's token, for `settle`. */
    edit(next: Ref[]) {
      const token = {};
      edits.edit(shown, next, token);
      shown = next;
      return token;
    },
    receive(incoming: Ref[]) {
      shown = edits.receive(incoming);
    },
    settle(token: object, saved: boolean, latest: Ref[]) {
      shown = edits.settle(token, saved, latest);
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

describe('PendingEdits, told how each save ended', () => {
  it('shows the stored value again when a save is refused', () => {
    const f = field([ref('a')]);
    const token = f.edit([ref('a'), ref('new')]);
    f.settle(token, false, [ref('a')]);
    expect(ids(f.shown)).toEqual(['a']);
    expect(f.pending).toBe(false);
    // And takes values from elsewhere again.
    f.receive([ref('a'), ref('x')]);
    expect(ids(f.shown)).toEqual(['a', 'x']);
  });

  it('gives back a refused removal', () => {
    const f = field([ref('a'), ref('b')]);
    const token = f.edit([ref('b')]);
    f.settle(token, false, [ref('a'), ref('b')]);
    expect(ids(f.shown).sort()).toEqual(['a', 'b']);
  });

  it('takes back only the refused edit, keeping a later one still on its way', () => {
    const f = field([]);
    const first = f.edit([ref('a')]);
    f.edit([ref('a'), ref('b')]);
    f.settle(first, false, []);
    expect(ids(f.shown)).toEqual(['b']);
    expect(f.pending).toBe(true);
    f.receive([ref('b')]);
    expect(f.pending).toBe(false);
  });

  it('stops holding a stored edit’s items, so another window removing one shows', () => {
    const f = field([]);
    const first = f.edit([ref('a')]);
    const second = f.edit([ref('a'), ref('b')]);
    f.receive([ref('a')]); // the first save came back
    f.settle(first, true, [ref('a')]);
    f.receive([]); // another window took a off
    f.receive([ref('b')]); // the second save, made over that
    f.settle(second, true, [ref('b')]);
    expect(ids(f.shown)).toEqual(['b']);
    expect(f.pending).toBe(false);
  });
});

type FigureValue = Figure & { id?: string };

const figure = (value: number, id?: string): FigureValue => ({
  ...(id ? { id } : {}),
  surface: 'the workers',
  start: 0,
  end: 0,
  value,
  low: null,
  high: null,
  unit: 'workers',
  scale: null,
  normalized: value,
  normalizedLow: null,
  normalizedHigh: null,
  period: null,
  timeStart: null,
  timeEnd: null,
  qualifier: null,
  subject: null,
});

/** The figures field as FiguresField drives it: the shared pending edits, and drafts reconciled with them. */
function figuresField(initial: FigureValue[]) {
  const edits = new PendingEdits<FigureValue>(figureKey);
  let latest: readonly FigureValue[] = initial;
  let figures: readonly FigureValue[] = initial;
  let source = figures;
  let drafts = initial.map(draftFromFigure);
  const sync = () => {
    if (figures === source) return;
    drafts = reconcileDrafts(drafts, source, figures);
    source = figures;
  };
  return {
    get drafts() {
      return drafts;
    },
    get values() {
      return drafts.map((d) => d.value);
    },
    /** The person changes the forms; returns the save's token, or null while a figure is half-typed (nothing is saved). */
    type(next: FigureDraft[]): { token: object; saved: FigureValue[] } | null {
      drafts = next;
      const results = next.map(figureFromDraft);
      const saved = results.flatMap((r) => ('figure' in r ? [r.figure] : []));
      if (saved.length !== results.length) return null;
      const token = {};
      edits.edit(figures, saved, token);
      figures = source = saved;
      return { token, saved };
    },
    receive(value: FigureValue[]) {
      latest = value;
      figures = edits.receive(value);
      sync();
    },
    settle(token: object, saved: boolean) {
      figures = edits.settle(token, saved, latest);
      sync();
    },
  };
}

describe('the figures field', () => {
  it('shows another window’s saved figures, even a list it once saved itself', () => {
    const f = figuresField([]);
    f.type([draftFromFigure(figure(7))]);
    f.receive([figure(7, 'f1')]);
    f.type([...f.drafts, draftFromFigure(figure(9))]);
    f.receive([figure(7, 'f1'), figure(9, 'f2')]);
    // Another window removes the second figure: back to a list this field once saved.
    f.receive([figure(7, 'f1')]);
    expect(f.values).toEqual(['7']);
    f.receive([figure(8, 'f1')]);
    expect(f.values).toEqual(['8']);
  });

  it('gives a new figure the id its save was given, so the next save keeps it', () => {
    const f = figuresField([]);
    f.type([draftFromFigure(figure(7))]);
    f.receive([figure(7, 'f1')]);
    expect(f.drafts[0]!.id).toBe('f1');
    expect(f.type([{ ...f.drafts[0]!, value: '70' }])!.saved[0]!.id).toBe('f1');
  });

  it('keeps figures changed here while their save is on its way', () => {
    const f = figuresField([figure(7, 'f1')]);
    f.type([{ ...f.drafts[0]!, value: '70' }]);
    f.receive([figure(7, 'f1')]); // a refetch from before the save
    expect(f.values).toEqual(['70']);
    f.receive([figure(70, 'f1'), figure(3, 'f9')]); // the save, merged with another window's
    expect(f.values).toEqual(['70', '3']);
  });

  it('keeps what is half-typed while another window’s save changes the other figures', () => {
    const f = figuresField([figure(7, 'f1'), figure(9, 'f2')]);
    expect(f.type([f.drafts[0]!, { ...f.drafts[1]!, value: '9,5x' }, emptyDraft()])).toBeNull();
    f.receive([figure(8, 'f1'), figure(9, 'f2')]);
    expect(f.values).toEqual(['8', '9,5x', '']);
  });

  it('shows the stored figures again when a save is refused', () => {
    const f = figuresField([figure(7, 'f1')]);
    const added = f.type([...f.drafts, draftFromFigure(figure(9))])!;
    f.settle(added.token, false);
    expect(f.values).toEqual(['7']);
    const changed = f.type([{ ...f.drafts[0]!, value: '70' }])!;
    f.settle(changed.token, false);
    expect(f.values).toEqual(['7']);
  });
});
