// Keyboard shortcuts as kinds store them ("Mod+Shift+1"), matched against key events by physical
// key, so that Shift+1 is still "1" whatever the keyboard layout prints for it.

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The shortcut that highlights the selection as the kind used last. */
export const LAST_KIND_SHORTCUT = 'Mod+Shift+H';

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function matchesShortcut(shortcut: string | null, event: KeyLike, mac = isMac): boolean {
  if (!shortcut) return false;
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts);
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (mods.has('Mod') !== mod || mods.has('Shift') !== event.shiftKey || mods.has('Alt') !== event.altKey) return false;
  if (!mac && event.metaKey) return false;
  if (mac && event.ctrlKey) return false;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}` || event.code === `Numpad${key}`;
  if (/^[A-Za-z]$/.test(key)) return event.code === `Key${key.toUpperCase()}`;
  return event.key === key;
}

/** How a shortcut reads on this system ("Ctrl+Shift+1", "⌘⇧1"). */
export function describeShortcut(shortcut: string, mac = isMac): string {
  if (!mac) return shortcut.replace('Mod', 'Ctrl');
  return shortcut.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥');
}

/** The same shortcut written for aria-keyshortcuts. */
export function ariaShortcut(shortcut: string, mac = isMac): string {
  return shortcut.replace('Mod', mac ? 'Meta' : 'Control');
}
