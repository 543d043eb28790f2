// Tells a field's own edits coming back from the save apart from changes made elsewhere.
//
// A card saves what a field reports and later hands the stored record back as `value`. Values also
// arrive from refetches and from other windows, in any order relative to the field's own saves.
// Remembering "values we sent" and ignoring them when they return is not enough: an outside value
// arriving mid-save would replace what was just chosen, and once a value had been sent, the same
// value set later in another window would be ignored for good.
//
// So a list field keeps what it changed since the library last agreed with it. While any of those
// changes is missing from an incoming value, the field's own value wins (its save is still on the
// way). Once an incoming value agrees on every item the field touched, the save is acknowledged:
// that value is shown (with whatever another window merged into it, and fresh names and colours),
// and every later value is taken as it comes.
//
// When the card says how a save ended, that settles it without waiting for agreement: a stored
// change stops holding its items (another window may have changed them since, and agreement would
// never come), and a refused one gives its items back to the stored value.

/** Tells the field how a save ended: true once stored, false when it was refused and given up. */
export type Saving = PromiseLike<boolean> | void;

interface Edit {
  token: object;
  /** Keys of the items this edit added or removed. */
  keys: Set<string>;
}

export class PendingEdits<T> {
  /** The field's edits since the library last agreed with it, oldest first. */
  private edits: Edit[] = [];
  private local: readonly T[] | null = null;

  constructor(private readonly itemKey: (item: T) => string) {}

  get pending(): boolean {
    return this.local !== null;
  }

  /**
   * The field changed what it shows from `shown` to `next`, and will report `next` for saving.
   * `token` names the edit for `settle`; recording the same token twice changes nothing.
   */
  edit(shown: readonly T[], next: readonly T[], token: object = {}): void {
    if (this.edits.some((edit) => edit.token === token)) return;
    const before = new Set(shown.map(this.itemKey));
    const after = new Set(next.map(this.itemKey));
    const keys = new Set<string>();
    for (const key of before) if (!after.has(key)) keys.add(key);
    for (const key of after) if (!before.has(key)) keys.add(key);
    this.edits.push({ token, keys });
    this.local = next;
  }

  /** A value from the library (a save's answer, a refetch, another window): what the field should show. */
  receive(incoming: readonly T[]): readonly T[] {
    const local = this.local;
    if (local === null) return incoming;
    const has = new Set(incoming.map(this.itemKey));
    const wants = new Set(local.map(this.itemKey));
    for (const key of this.touched()) if (has.has(key) !== wants.has(key)) return local;
    this.edits = [];
    this.local = null;
    return incoming;
  }

  /**
   * The save of the edit `token` ended (`saved` false: refused); `latest` is the newest value from
   * the library. Returns what the field should show.
   */
  settle(token: object, saved: boolean, latest: readonly T[]): readonly T[] {
    const at = this.edits.findIndex((edit) => edit.token === token);
    if (at < 0 || this.local === null) return this.local ?? latest;
    const [done] = this.edits.splice(at, 1);
    if (this.edits.length === 0) {
      this.local = null;
      return latest;
    }
    if (!saved) {
      // Its items go back to what is stored, except those a later edit (still on its way) changed.
      const later = this.touched();
      const back = new Set([...done!.keys].filter((key) => !later.has(key)));
      const stored = new Map(latest.map((item) => [this.itemKey(item), item] as const));
      const kept = this.local.filter((item) => !back.has(this.itemKey(item)) || stored.has(this.itemKey(item)));
      const keptKeys = new Set(kept.map(this.itemKey));
      this.local = [...kept, ...latest.filter((item) => back.has(this.itemKey(item)) && !keptKeys.has(this.itemKey(item)))];
    }
    return this.receive(latest);
  }

  private touched(): Set<string> {
    return new Set(this.edits.flatMap((edit) => [...edit.keys]));
  }
}
