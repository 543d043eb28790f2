// Keyboard shortcuts for kinds: captured from a key press, stored as "Mod+Shift+6", shown the platform's way.

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export const isMacPlatform = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The key itself from its physical code, so Shift+6 is "6" and not "^" (or "&" on a French layout). */
function keyName(press: KeyPress): string | null {
  let m = /^Key([A-Z])$/.exec(press.code);
  if (m) return m[1]!;
  m = /^(?:Digit|Numpad)(\d)$/.exec(press.code);
  if (m) return m[1]!;
  m = /^F([1-9]|1[0-2])$/.exec(press.code);
  if (m) return `F${m[1]}`;
  return null;
}

/**
 * What a key press makes as a shortcut: null while only modifiers are down, an error for keys
 * that cannot be shortcuts. Letters and digits need Mod or Alt, so typing never triggers them.
 */
export function shortcutFromPress(press: KeyPress, mac: boolean): { shortcut: string } | { error: string } | null {
  if (['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock'].includes(press.key)) return null;
  const key = keyName(press);
  const mod = mac ? press.metaKey : press.ctrlKey;
  if (!key) return { error: 'Use a letter, a digit or F1–F12, with Ctrl (⌘ on a Mac) or Alt.' };
  if (!key.startsWith('F') && !mod && !press.altKey) return { error: `Add Ctrl (⌘ on a Mac) or Alt to ${key}, so that typing never sets a kind.` };
  const parts = [mod ? 'Mod' : null, press.altKey ? 'Alt' : null, press.shiftKey ? 'Shift' : null, key].filter(Boolean);
  return { shortcut: parts.join('+') };
}

/** "Mod+Shift+6" as Ctrl+Shift+6, or ⌘⇧6 on a Mac. */
export function formatShortcut(shortcut: string, mac: boolean): string {
  const parts = shortcut.split('+');
  if (!mac) return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)).join('+');
  const symbols: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧' };
  return parts.map((p) => symbols[p] ?? p).join('');
}
