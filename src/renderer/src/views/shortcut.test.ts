// Shortcut capture: physical keys, required modifiers, and how shortcuts read on each platform.
import { describe, expect, it } from 'vitest';
import { formatShortcut, shortcutFromPress, type KeyPress } from './shortcut';
import { withRebase } from './rebase';

const press = (code: string, mods: Partial<KeyPress> = {}, key = 'x'): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutFromPress', () => {
  it('reads Mod+Shift+6 from the physical key, not the shifted character', () => {
    expect(shortcutFromPress(press('Digit6', { ctrlKey: true, shiftKey: true }, '^'), false)).toEqual({ shortcut: 'Mod+Shift+6' });
    expect(shortcutFromPress(press('Digit6', { metaKey: true, shiftKey: true }, '^'), true)).toEqual({ shortcut: 'Mod+Shift+6' });
    expect(shortcutFromPress(press('KeyH', { altKey: true }), false)).toEqual({ shortcut: 'Alt+H' });
    expect(shortcutFromPress(press('F5'), false)).toEqual({ shortcut: 'F5' });
  });

  it('waits while only modifiers are down', () => {
    expect(shortcutFromPress(press('ShiftLeft', { shiftKey: true }, 'Shift'), false)).toBeNull();
  });

  it('refuses bare letters and keys that cannot be shortcuts', () => {
    expect(shortcutFromPress(press('KeyH'), false)).toHaveProperty('error');
    expect(shortcutFromPress(press('KeyH', { shiftKey: true }), false)).toHaveProperty('error');
    expect(shortcutFromPress(press('Space', { ctrlKey: true }, ' '), false)).toHaveProperty('error');
    // Cmd on Windows and Linux is not Mod.
    expect(shortcutFromPress(press('KeyH', { metaKey: true }), false)).toHaveProperty('error');
  });

  it('matches the API’s pattern', () => {
    const pattern = /^(?:(?:Mod|Alt|Shift)\+)*(?:[A-Za-z0-9]|F[1-9]|F1[0-2])$/;
    for (const p of [press('KeyQ', { ctrlKey: true, altKey: true, shiftKey: true }), press('F12', { shiftKey: true }), press('Numpad3', { altKey: true })]) {
      const result = shortcutFromPress(p, false);
      expect(result && 'shortcut' in result && pattern.test(result.shortcut)).toBe(true);
    }
  });
});

describe('formatShortcut', () => {
  it('reads the platform’s way', () => {
    expect(formatShortcut('Mod+Shift+6', false)).toBe('Ctrl+Shift+6');
    expect(formatShortcut('Mod+Shift+6', true)).toBe('⌘⇧6');
  });
});

describe('withRebase', () => {
  it('retries a refused edit once on the current version', async () => {
    const seen: number[] = [];
    const result = await withRebase(async (version) => {
      seen.push(version);
      return version === 3
        ? { ok: true as const, value: 'saved' }
        : { ok: false as const, error: { code: 'conflict' as const, message: 'moved on', current: { version: 3 } } };
    }, 1);
    expect(result).toEqual({ ok: true, value: 'saved' });
    expect(seen).toEqual([1, 3]);
  });

  it('leaves other failures alone', async () => {
    let calls = 0;
    const result = await withRebase(async () => {
      calls++;
      return { ok: false as const, error: { code: 'conflict' as const, message: 'There is already a tag “x”.' } };
    }, 1);
    expect(result.ok).toBe(false);
    expect(calls).toBe(1);
  });
});
