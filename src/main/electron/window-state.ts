// Remembers the main window's size and position between runs, in a small JSON file in userData,
// and puts it back on a display that still exists (a monitor may have been unplugged since).
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeAtomically } from '../files/write-atomically';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 840 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A saved state, or null when the file is missing, damaged or from something else. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: Partial<Rect>; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds;
  if (!finite(x) || !finite(y) || !finite(width) || !finite(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * Where to put the window: the saved bounds moved (and if need be shrunk) to lie wholly inside
 * the work area of the display they overlap most; centred on the primary display when they
 * overlap none or nothing was saved.
 */
export function placeWindow(saved: Rect | null, workAreas: Rect[], primary: Rect): Rect {
  if (!saved) return centred(DEFAULT_SIZE, primary);
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const shared = overlap(saved, area);
    if (shared > bestOverlap) {
      best = area;
      bestOverlap = shared;
    }
  }
  const size = { width: Math.max(Math.round(saved.width), MIN_SIZE.width), height: Math.max(Math.round(saved.height), MIN_SIZE.height) };
  if (!best) return centred(size, primary);
  const width = Math.min(size.width, best.width);
  const height = Math.min(size.height, best.height);
  return {
    x: Math.round(clamp(saved.x, best.x, best.x + best.width - width)),
    y: Math.round(clamp(saved.y, best.y, best.y + best.height - height)),
    width,
    height,
  };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Written whole, so a crash mid-write leaves the old state rather than half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeAtomically(file, `${JSON.stringify(state)}\n`);
}
