import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../src/main/electron/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

const options = { appName: 'Gloss', openLibraryFolder: () => undefined };

describe('menu', () => {
  it('has the usual edit and view roles', () => {
    const all = roles(menuTemplate({ ...options, isMac: false, isDev: false }));
    expect(all).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit']),
    );
  });

  it('offers reload and devtools only in development', () => {
    for (const isMac of [false, true]) {
      expect(roles(menuTemplate({ ...options, isMac, isDev: false }))).not.toEqual(expect.arrayContaining(['reload']));
      expect(roles(menuTemplate({ ...options, isMac, isDev: false }))).not.toContain('toggleDevTools');
      expect(roles(menuTemplate({ ...options, isMac, isDev: true }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    }
  });

  it('has an app menu on macOS only', () => {
    expect(menuTemplate({ ...options, isMac: true, isDev: false })[0]?.label).toBe('Gloss');
    expect(menuTemplate({ ...options, isMac: false, isDev: false })[0]?.label).toBe('File');
  });
});
