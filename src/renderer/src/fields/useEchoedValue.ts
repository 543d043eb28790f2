// A field's own copy of its value, so edits show at once while the card saves them in the background.
import { useCallback, useState } from 'react';
import { EchoTracker } from './echo';

/**
 * Shows `value` until the field changes it; afterwards shows the field's copy, and takes `value`
 * again only when it is not an echo of something the field itself reported.
 */
export function useEchoedValue<T>(value: T, keyOf: (value: T) => string): [T, (next: T) => void] {
  const [tracker] = useState(() => new EchoTracker());
  const [state, setState] = useState({ shown: value, prev: value });
  let shown = state.shown;
  if (state.prev !== value) {
    shown = tracker.isEcho(keyOf(value)) ? state.shown : value;
    setState({ shown, prev: value });
  }
  const set = useCallback(
    (next: T) => {
      tracker.sentKey(keyOf(next));
      setState((s) => ({ ...s, shown: next }));
    },
    // keyOf is expected to be a module-level function; a new one each render would not change the result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tracker],
  );
  return [shown, set];
}
