// A list field's own copy of its value, so edits show at once while the card saves them in the background.
import { useCallback, useState } from 'react';
import { PendingEdits, type Saving } from './echo';

/**
 * Shows `value` until the field changes it; then the field's copy wins until an incoming `value`
 * agrees with every change the field made (its save came back), and from then on `value` again.
 * `itemKey` names one item of the list; it must not depend on ids the save assigns. `set` takes
 * what the card's save returned, if anything: a refused save gives its items back to `value`.
 */
export function useEchoedValue<T>(value: readonly T[], itemKey: (item: T) => string): [readonly T[], (next: readonly T[], saving?: Saving) => void] {
  const [edits] = useState(() => new PendingEdits(itemKey));
  const [state, setState] = useState({ shown: value, prev: value });
  let shown = state.shown;
  if (state.prev !== value) {
    shown = edits.receive(value);
    setState({ shown, prev: value });
  }
  const set = useCallback(
    (next: readonly T[], saving?: Saving) => {
      const token = {};
      // In the updater, so two edits before a render build on each other; recording one twice changes nothing.
      setState((s) => {
        edits.edit(s.shown, next, token);
        return { ...s, shown: next };
      });
      saving?.then((saved) => setState((s) => ({ ...s, shown: edits.settle(token, saved, s.prev) })));
    },
    [edits],
  );
  return [shown, set];
}
