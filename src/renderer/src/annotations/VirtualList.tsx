// A list that puts in the page only the items near the part of its scroller in view, so that a
// document with thousands of annotations opens, and changes, at the cost of a screenful of cards.
// Items are measured once rendered; those never rendered count at an estimated height, and spacers
// stand in for the runs left out so the scrollbar keeps the list's length. The pinned item (the
// selected card) and the focused one are always rendered, so a card can be scrolled to, edited or
// left with the keyboard wherever it is; arrow keys, Home and End move between items' focus points.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

interface Props<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** The element that scrolls the list (it may hold more than this list). */
  scroller: RefObject<HTMLElement | null>;
  /** An item kept rendered wherever it is. */
  pinned?: string | null;
  /** The height an item is taken to have before it has been measured, in pixels. */
  estimate: number;
  className: string;
  label: string;
}

/** How far beyond the visible part of the scroller items are rendered, in pixels. */
const OVERSCAN = 800;
/** Scroll positions are rounded to this many pixels, so scrolling re-renders every few frames rather than every one. */
const STEP = 64;
/** What each item's element says is the element to focus when moving between items. */
const FOCUS_POINT = ':scope > [tabindex]';

interface Viewport {
  /** The top of the visible part of the scroller, in the list's own coordinates. */
  top: number;
  height: number;
}

/** The item whose start is at or before `y`, by binary search over the items' starts. */
function indexAt(tops: Float64Array, count: number, y: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (tops[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function VirtualList<T>({ items, keyOf, renderItem, scroller, pinned = null, estimate, className, label }: Props<T>) {
  const list = useRef<HTMLOListElement>(null);
  const heights = useRef(new Map<string, number>());
  const gap = useRef(0);
  const [measured, setMeasured] = useState(0);
  const [viewport, setViewport] = useState<Viewport>(() => ({ top: 0, height: typeof window === 'undefined' ? 1000 : window.innerHeight }));
  const [focused, setFocused] = useState<string | null>(null);
  /** An item to focus once it is rendered (after an arrow key moved past the rendered ones). */
  const [focusWanted, setFocusWanted] = useState<string | null>(null);

  const keys = useMemo(() => items.map(keyOf), [items, keyOf]);
  const indexOf = useMemo(() => new Map(keys.map((key, i) => [key, i])), [keys]);
  // tops[i] is where item i starts, counting the gap after each item; tops[count] is the end.
  const tops = useMemo(() => {
    const out = new Float64Array(keys.length + 1);
    let y = 0;
    keys.forEach((key, i) => {
      out[i] = y;
      y += (heights.current.get(key) ?? estimate) + gap.current;
    });
    out[keys.length] = y;
    return out;
    // `measured` changes whenever a height in the ref does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys, estimate, measured]);

  const readViewport = useCallback(() => {
    const box = scroller.current;
    const own = list.current;
    if (!box || !own) return;
    const top = box.getBoundingClientRect().top - own.getBoundingClientRect().top;
    const next = { top: Math.floor(top / STEP) * STEP, height: Math.ceil(box.clientHeight / STEP) * STEP };
    setViewport((known) => (known.top === next.top && known.height === next.height ? known : next));
  }, [scroller]);

  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    let frame: number | null = null;
    const onScroll = () => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        readViewport();
      });
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    const resized = new ResizeObserver(onScroll);
    resized.observe(box);
    readViewport();
    return () => {
      box.removeEventListener('scroll', onScroll);
      resized.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [scroller, readViewport]);

  const count = keys.length;
  const rendered = useMemo(() => {
    if (count === 0) return [];
    const first = indexAt(tops, count, viewport.top - OVERSCAN);
    const last = indexAt(tops, count, viewport.top + viewport.height + OVERSCAN);
    const out = new Set<number>();
    for (let i = first; i <= last; i++) out.add(i);
    for (const key of [pinned, focused, focusWanted]) {
      const at = key === null ? undefined : indexOf.get(key);
      if (at !== undefined) out.add(at);
    }
    return [...out].sort((a, b) => a - b);
  }, [count, tops, viewport, pinned, focused, focusWanted, indexOf]);

  // Items are measured by a ResizeObserver, which reports each as it is first laid out and again
  // whenever it changes (a card opening, a note growing), after layout and without forcing one.
  const resized = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const own = list.current;
    if (own) gap.current = parseFloat(getComputedStyle(own).rowGap) || 0;
    resized.current = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        const key = element.dataset.key;
        if (!key || !element.isConnected) continue;
        const height = entry.borderBoxSize[0]?.blockSize ?? element.getBoundingClientRect().height;
        if (Math.abs((heights.current.get(key) ?? -1) - height) > 0.5) {
          heights.current.set(key, height);
          changed = true;
        }
      }
      if (changed) setMeasured((n) => n + 1);
    });
    return () => resized.current?.disconnect();
  }, []);
  useEffect(() => {
    const observer = resized.current;
    const own = list.current;
    if (!observer || !own) return;
    const elements = [...own.querySelectorAll<HTMLElement>(':scope > li[data-key]')];
    for (const element of elements) observer.observe(element);
    return () => {
      for (const element of elements) observer.unobserve(element);
    };
  }, [rendered]);

  useLayoutEffect(() => {
    if (focusWanted === null) return;
    const element = list.current?.querySelector<HTMLElement>(`:scope > li[data-key="${CSS.escape(focusWanted)}"]`);
    const target = element?.querySelector<HTMLElement>(FOCUS_POINT);
    if (!target) return;
    setFocusWanted(null);
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
  }, [focusWanted, rendered]);

  const keyOfElement = (target: EventTarget | null): string | null => {
    const item = (target as HTMLElement | null)?.closest?.<HTMLElement>('li[data-key]');
    return item && item.parentElement === list.current ? (item.dataset.key ?? null) : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const key = keyOfElement(event.target);
    const item = key === null ? null : (event.target as HTMLElement).closest('li');
    // Only from an item's own focus point: keys typed in its fields are theirs.
    if (key === null || !item || item.querySelector(FOCUS_POINT) !== event.target) return;
    const at = indexOf.get(key)!;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(count - 1, at + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    if (next === null) return;
    event.preventDefault();
    setFocusWanted(keys[next]!);
  };

  const children: ReactNode[] = [];
  const spacer = (from: number, height: number) =>
    children.push(<li key={`gap-${from}`} className="virtual-gap" aria-hidden="true" style={{ height: Math.max(0, height) }} />);
  rendered.forEach((index, n) => {
    const previous = n === 0 ? -1 : rendered[n - 1]!;
    // A spacer sits between two gaps of the list, so it stands for the skipped items less one gap.
    if (index > previous + 1) spacer(previous + 1, tops[index]! - tops[previous + 1]! - gap.current);
    const item = items[index]!;
    const key = keys[index]!;
    children.push(
      <li key={key} data-key={key} aria-setsize={count} aria-posinset={index + 1}>
        {renderItem(item)}
      </li>,
    );
  });
  const lastRendered = rendered.at(-1);
  if (lastRendered !== undefined && lastRendered < count - 1) spacer(lastRendered + 1, tops[count]! - tops[lastRendered + 1]! - gap.current);

  return (
    <ol
      ref={list}
      className={className}
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={(event) => setFocused(keyOfElement(event.target))}
      onBlur={(event) => {
        if (!list.current?.contains(event.relatedTarget as Node | null)) setFocused(null);
      }}
    >
      {children}
    </ol>
  );
}
