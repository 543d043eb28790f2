// Undo and redo of annotation actions. Steps run one after another, in the order they were asked
// for, however fast the shortcut is pressed; a step that fails stays where it was.
export interface UndoStep {
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Steps with the same group pushed close together become one (typing a note). */
  group?: string;
}

const GROUP_MS = 2_000;

export class UndoStack {
  private done: (UndoStep & { at: number })[] = [];
  private undone: UndoStep[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  push(step: UndoStep): void {
    const top = this.done.at(-1);
    const at = this.now();
    if (step.group && top?.group === step.group && at - top.at < GROUP_MS) {
      // Keep the oldest "undo" and the newest "redo": the group undoes as one.
      this.done[this.done.length - 1] = { ...top, redo: step.redo, at };
    } else {
      this.done.push({ ...step, at });
    }
    this.undone = [];
    this.changed();
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The label of the step an undo would take back. */
  get nextUndo(): string | null {
    return this.done.at(-1)?.label ?? null;
  }

  /** Undoes the latest step; resolves with its label, or null when there was nothing to undo. */
  undo(): Promise<string | null> {
    return this.enqueue(async () => {
      const step = this.done.pop();
      if (!step) return null;
      try {
        await step.undo();
      } catch (error) {
        this.done.push(step);
        throw error;
      }
      this.undone.push(step);
      return step.label;
    });
  }

  redo(): Promise<string | null> {
    return this.enqueue(async () => {
      const step = this.undone.pop();
      if (!step) return null;
      try {
        await step.redo();
      } catch (error) {
        this.undone.push(step);
        throw error;
      }
      this.done.push({ ...step, group: undefined, at: this.now() });
      return step.label;
    });
  }

  /** Forgets every step (after the text itself changed, old positions no longer hold). */
  clear(): void {
    this.done = [];
    this.undone = [];
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Settles when every step asked for so far has run. */
  idle(): Promise<void> {
    return this.chain.then(
      () => undefined,
      () => undefined,
    );
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const next = this.chain.then(run, run);
    this.chain = next.then(
      () => this.changed(),
      () => this.changed(),
    );
    return next;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
