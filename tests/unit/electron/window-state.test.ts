import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, parseWindowState, placeWindow, saveWindowState } from '../../../src/main/electron/window-state';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('placeWindow', () => {
  it('keeps bounds that fit on a display', () => {
    expect(placeWindow({ x: 100, y: 100, width: 1000, height: 700 }, [laptop, external], laptop)).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
    expect(placeWindow({ x: 2000, y: 200, width: 1200, height: 800 }, [laptop, external], laptop)).toEqual({ x: 2000, y: 200, width: 1200, height: 800 });
  });

  it('centres on the primary display when the saved display is gone', () => {
    const placed = placeWindow({ x: 2000, y: 200, width: 1200, height: 800 }, [laptop], laptop);
    expect(placed).toEqual({ x: 120, y: 63, width: 1200, height: 800 });
  });

  it('pulls a window that hangs off the edge back inside', () => {
    expect(placeWindow({ x: 1000, y: -300, width: 1000, height: 700 }, [laptop], laptop)).toEqual({ x: 440, y: 25, width: 1000, height: 700 });
  });

  it('shrinks a window larger than the display', () => {
    expect(placeWindow({ x: 0, y: 0, width: 5000, height: 3000 }, [laptop], laptop)).toEqual(laptop);
  });

  it('enlarges a window below the minimum size', () => {
    const placed = placeWindow({ x: 10, y: 30, width: 50, height: 40 }, [laptop], laptop);
    expect(placed).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });

  it('uses the default size, centred, when nothing was saved', () => {
    expect(placeWindow(null, [external], external)).toEqual({
      x: external.x + (external.width - DEFAULT_SIZE.width) / 2,
      y: (external.height - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
    });
  });
});

describe('window state file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through an atomic write, leaving no temp file', () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-window-'));
    const file = join(dir, 'nested', 'window-state.json');
    const state = { bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('ignores a missing, damaged or foreign file', () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-window-'));
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{"bounds":');
    expect(loadWindowState(file)).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: -5, height: 10 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 'a', y: 0, width: 5, height: 10 } })).toBeNull();
    expect(parseWindowState([1, 2])).toBeNull();
  });
});
