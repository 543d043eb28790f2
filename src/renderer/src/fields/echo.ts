// Tells a field's own edits coming back from the save apart from changes made elsewhere.
//
// A card saves what a field reports after a pause, then hands the saved record back as `value`.
// By then the person may have typed on; treating that older echo as news would wipe what they
// typed. So the field remembers the last few things it reported and ignores them when they return.

const REMEMBERED = 20;

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
