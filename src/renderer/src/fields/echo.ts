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

export class PendingEdits<T> {
  /** Keys of the items the field added or removed since the library last agreed with it. */
  private readonly touched = new Set<string>();
  private local: readonly T[] | null = null;

  constructor(private readonly itemKey: (item: T) => string) {}

  get pending(): boolean {
    return this.local !== null;
  }

  /** The field changed what it shows from `shown` to `next`, and will report `next` for saving. */
  edit(shown: readonly T[], next: readonly T[]): void {
    const before = new Set(shown.map(this.itemKey));
    const after = new Set(next.map(this.itemKey));
    for (const key of before) if (!after.has(key)) this.touched.add(key);
    for (const key of after) if (!before.has(key)) this.touched.add(key);
    this.local = next;
  }

  /** A value from the library (a save's answer, a refetch, another window): what the field should show. */
  receive(incoming: readonly T[]): readonly T[] {
    const local = this.local;
    if (local === null) return incoming;
    const has = new Set(incoming.map(this.itemKey));
    const wants = new Set(local.map(this.itemKey));
    for (const key of this.touched) if (has.has(key) !== wants.has(key)) return local;
    this.touched.clear();
    this.local = null;
    return incoming;
  }
}

const REMEMBERED = 20;

/**
 * The older scheme, still used by the figures field, whose new figures only gain their ids when
 * saved: values the field reported are remembered, and ignored when they come back.
 */
export class EchoTracker {
  private readonly sent: string[] = [];

  /** Records a value the field reported; `key` must not depend on ids the save assigns. */
  sentKey(key: string): void {
    this.sent.push(key);
    if (this.sent.length > REMEMBERED) this.sent.shift();
  }

  /** True when `key` is one of ours coming back, so the field keeps what it shows. */
  isEcho(key: string): boolean {
    return this.sent.includes(key);
  }

  forget(): void {
    this.sent.length = 0;
  }
}
