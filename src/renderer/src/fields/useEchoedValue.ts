// A list field's own copy of its value, so edits show at once while the card saves them in the background.
import { useCallback, useState } from 'react';
import { PendingEdits } from './echo';

/**
 * Shows `value` until the field changes it; then the field's copy wins until an incoming `value`
 * agrees with every change the field made (its save came back), and from then on `value` again.
 * `itemKey` names one item of the list; it must not depend on ids the save assigns.
 */
export function useEchoedValue<T>(value: readonly T[], itemKey: (item: T) => string): [readonly T[], (next: readonly T[]) => void] {
  const [edits] = useState(() => new PendingEdits(itemKey));
  const [state, setState] = useState({ shown: value, prev: value });
  let shown = state.shown;
  if (state.prev !== value) {
    shown = edits.receive(value);
    setState({ shown, prev: value });
  }
  const set = useCallback(
    (next: readonly T[]) =>
      // In the updater, so two edits before a render build on each other; recording one twice changes nothing.
      setState((s) => {
        edits.edit(s.shown, next);
        return { ...s, shown: next };
      }),
    [edits],
  );
  return [shown, set];
}
