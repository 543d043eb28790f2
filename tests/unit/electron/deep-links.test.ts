import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installDeepLinks } from '../../../src/main/electron/deep-links';

type Listener = (...args: unknown[]) => void;

function fakeApp() {
  const listeners = new Map<string, Listener>();
  const app = {
    setAsDefaultProtocolClient: vi.fn(() => true),
    on: (name: string, listener: Listener) => listeners.set(name, listener),
  };
  const emit = (name: string, ...args: unknown[]) => listeners.get(name)!(...args);
  return { app: app as unknown as App, registered: app.setAsDefaultProtocolClient, emit };
}

const DOC = '01930c6e-7b1a-7000-8000-000000000001';
const ANN = '01930c6e-7b1a-7000-8000-0000000000aa';

describe('gloss:// links in the Electron app', () => {
  it('registers the scheme and opens the first window at the link the app was started with', () => {
    const { app, registered } = fakeApp();
    const open = vi.fn();
    const links = installDeepLinks(app, open, ['/opt/Gloss/gloss', `gloss://documents/${DOC}/a/${ANN}`]);
    expect(registered).toHaveBeenCalledWith('gloss');
    expect(links.takeInitialRoute()).toBe(`#/documents/${DOC}/a/${ANN}`);
    expect(links.takeInitialRoute()).toBeNull();
    expect(open).not.toHaveBeenCalled();
  });

  it('keeps a link that macOS delivers before the window exists, then opens later links at once', () => {
    const { app, emit } = fakeApp();
    const open = vi.fn();
    const links = installDeepLinks(app, open, ['/Applications/Gloss.app/Contents/MacOS/Gloss']);
    const early = { preventDefault: vi.fn() };
    emit('open-url', early, `gloss://documents/${DOC}`);
    expect(early.preventDefault).toHaveBeenCalled();
    expect(links.takeInitialRoute()).toBe(`#/documents/${DOC}`);
    emit('open-url', { preventDefault: vi.fn() }, `gloss://documents/${DOC}/a/${ANN}`);
    expect(open).toHaveBeenCalledWith(`#/documents/${DOC}/a/${ANN}`);
  });

  it('opens a link forwarded by a second instance, and ignores arguments that are not well-formed links', () => {
    const { app, emit } = fakeApp();
    const open = vi.fn();
    const links = installDeepLinks(app, open, ['/opt/Gloss/gloss']);
    links.takeInitialRoute();
    emit('second-instance', {}, ['/opt/Gloss/gloss', '--flag', 'gloss://documents/../../secret']);
    emit('second-instance', {}, ['/opt/Gloss/gloss', 'gloss://sources/x']);
    expect(open).not.toHaveBeenCalled();
    emit('second-instance', {}, ['/opt/Gloss/gloss', `gloss://documents/${DOC}/a/${ANN}`]);
    expect(open).toHaveBeenCalledExactlyOnceWith(`#/documents/${DOC}/a/${ANN}`);
  });
});
