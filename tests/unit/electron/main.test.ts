import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GlossError } from '../../../src/shared/errors';

type Listener = (...args: unknown[]) => unknown;

const state = vi.hoisted(() => ({
  appListeners: new Map<string, Listener[]>(),
  ready: null as null | (() => void),
  windows: [] as unknown[],
  errorBoxes: [] as [string, string][],
  exitCodes: [] as number[],
  sessionHandlers: {} as Record<string, unknown>,
  hostResult: null as null | (() => Promise<unknown>),
  scheme: [] as unknown[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    webContents = { on: vi.fn(), reload: vi.fn() };
    constructor(readonly options: unknown) {
      state.windows.push(this);
    }
    once = vi.fn();
    on = vi.fn();
    maximize = vi.fn();
    loadURL = vi.fn(async () => undefined);
  }
  return {
    app: {
      isPackaged: true,
      name: 'Gloss',
      commandLine: { getSwitchValue: () => '' },
      setPath: vi.fn(),
      getPath: () => '/tmp/gloss-user-data',
      getAppPath: () => '/tmp/gloss-app',
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: () => true,
      setAsDefaultProtocolClient: vi.fn(() => true),
      on: (name: string, listener: Listener) => state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), listener]),
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      quit: vi.fn(),
      exit: (code: number) => state.exitCodes.push(code),
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, body: string) => state.errorBoxes.push([title, body]), showMessageBoxSync: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => state.scheme.push(...schemes), handle: vi.fn() },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: unknown) => (state.sessionHandlers.request = handler),
        setPermissionCheckHandler: (handler: unknown) => (state.sessionHandlers.check = handler),
        setDevicePermissionHandler: (handler: unknown) => (state.sessionHandlers.device = handler),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  };
});

vi.mock('../../../src/main/host/worker-host', () => ({
  startWorkerHost: vi.fn(() => state.hostResult!()),
}));

beforeEach(() => {
  vi.resetModules();
  state.appListeners.clear();
  state.windows.length = 0;
  state.errorBoxes.length = 0;
  state.exitCodes.length = 0;
  state.scheme.length = 0;
  state.sessionHandlers = {};
});

async function boot(host: () => Promise<unknown>): Promise<void> {
  state.hostResult = host;
  await import('../../../src/main/electron/main');
  state.ready!();
  await vi.waitFor(() => expect(state.windows.length + state.exitCodes.length).toBeGreaterThan(0));
}

describe('Electron entry', () => {
  it('registers the app scheme and hardens every web contents it creates', async () => {
    await boot(async () => ({ call: vi.fn(), subscribe: () => () => undefined, close: vi.fn(async () => undefined) }));
    expect(state.scheme).toEqual([expect.objectContaining({ scheme: 'gloss-app' })]);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    for (const listener of state.appListeners.get('web-contents-created') ?? []) listener({}, contents);
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => unknown;
    expect(openHandler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect((state.sessionHandlers.check as () => boolean)()).toBe(false);
  });

  it('opens one window with the secure preferences on the app scheme', async () => {
    await boot(async () => ({ call: vi.fn(), subscribe: () => () => undefined, close: vi.fn(async () => undefined) }));
    const [window] = state.windows as { options: { webPreferences: Record<string, unknown> }; loadURL: ReturnType<typeof vi.fn> }[];
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window!.loadURL).toHaveBeenCalledWith('gloss-app://app/index.html');
  });

  it('shows the reason and quits, without a window, when the library cannot open', async () => {
    const message = 'This library was written by a newer version of Gloss. Update Gloss to open it.';
    await boot(async () => {
      throw new GlossError({ code: 'newer-version', message });
    });
    expect(state.errorBoxes).toEqual([['Gloss could not open your library', message]]);
    expect(state.exitCodes).toEqual([1]);
    expect(state.windows).toEqual([]);
  });
});
