// @vitest-environment jsdom
// The hook the list fields keep their value with, rendered: a refused save shows the stored value
// again, a stored one lets values from elsewhere through.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useEchoedValue } from './useEchoedValue';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Set = (next: readonly string[], saving?: PromiseLike<boolean>) => void;

function mount(initial: string[]) {
  const seen: { shown: readonly string[]; set: Set } = { shown: [], set: () => {} };
  function Field({ value }: { value: string[] }) {
    const [shown, set] = useEchoedValue(value, (id: string) => id);
    seen.shown = shown;
    seen.set = set;
    return null;
  }
  const root = createRoot(document.createElement('div'));
  const render = (value: string[]) => act(() => root.render(createElement(Field, { value })));
  render(initial);
  unmounts.push(() => act(() => root.unmount()));
  return { seen, render };
}

const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

function deferred() {
  let resolve!: (saved: boolean) => void;
  const promise = new Promise<boolean>((r) => (resolve = r));
  return { promise, resolve };
}

describe('useEchoedValue', () => {
  it('shows the stored value again when the save is refused', async () => {
    const { seen } = mount(['a']);
    const save = deferred();
    act(() => seen.set(['a', 'new'], save.promise));
    expect(seen.shown).toEqual(['a', 'new']);
    await act(async () => save.resolve(false));
    expect(seen.shown).toEqual(['a']);
  });

  it('keeps its value while the save is on its way, and takes values again once it is stored', async () => {
    const { seen, render } = mount(['a']);
    const save = deferred();
    act(() => seen.set(['a', 'b'], save.promise));
    render(['a', 'x']); // another window, before the save came back
    expect(seen.shown).toEqual(['a', 'b']);
    render(['a', 'x', 'b']);
    await act(async () => save.resolve(true));
    expect(seen.shown).toEqual(['a', 'x', 'b']);
    render(['x', 'b']);
    expect(seen.shown).toEqual(['x', 'b']);
  });
});
