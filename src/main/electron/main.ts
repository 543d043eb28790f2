// The Electron entry: one window onto the library, with the API host in a worker thread and the
// security checklist applied to every web contents the app ever creates.
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, screen, session, shell, type WebContents } from 'electron';
import type { ApiHost } from '../host/types';
import { startWorkerHost } from '../host/worker-host';
import { installDeepLinks, type DeepLinks } from './deep-links';
import { installIpc } from './ipc';
import { menuTemplate } from './menu';
import { registerAppScheme, serveAppScheme } from './protocol';
import {
  APP_ENTRY_URL,
  PRODUCTION_CSP,
  denyPermissionCheck,
  denyPermissionRequest,
  devCsp,
  isTrustedSender,
  navigationGuard,
  secureWebPreferences,
  windowOpenHandler,
} from './security';
import { loadWindowState, MIN_SIZE, placeWindow, saveWindowState, WINDOW_STATE_FILE } from './window-state';

/** How long quitting waits for the library to close (a running import finishes its batch) before giving up on it. */
const CLOSE_TIMEOUT_MS = 10_000;

// A packaged app ignores the variable, so nothing in the environment can widen what is trusted.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = join(__dirname, '../renderer');
const preloadFile = join(__dirname, '../preload/index.cjs');
// Named here, in the entry, because code shared between entries lands in out/main/chunks/, where
// a default computed from the shared module's own __dirname would point at the wrong folder.
const workerFile = join(__dirname, 'worker.js');

let host: ApiHost | null = null;
let mainWindow: BrowserWindow | null = null;
let deepLinks: DeepLinks | null = null;

const isTrusted = (url: string) => isTrustedSender(url, devServerUrl);

function openExternal(url: string): void {
  shell.openExternal(url).catch(() => undefined);
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', navigationGuard(openExternal));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.setDevicePermissionHandler(() => false);
  if (devServerUrl) {
    // The dev server sends no CSP of its own; give its pages the relaxed development policy.
    const policy = devCsp(devServerUrl);
    ses.webRequest.onHeadersReceived({ urls: [`${new URL(devServerUrl).origin}/*`] }, (details, callback) => {
      const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
      callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
    });
  }
}

/** The renderer's own address; a route is its fragment, so opening one never reloads the page. */
const entryUrl = (route: string | null) => `${devServerUrl ?? APP_ENTRY_URL}${route ?? ''}`;

function createWindow(route: string | null = null): BrowserWindow {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const saved = loadWindowState(stateFile);
  const bounds = placeWindow(
    saved?.bounds ?? null,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Gloss',
    webPreferences: secureWebPreferences(preloadFile),
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // Losing the window's position is not worth stopping the app from closing.
    }
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'error',
      message: 'The Gloss window stopped unexpectedly.',
      detail: `Reason: ${details.reason}. Your saved work is safe.`,
      buttons: ['Reload', 'Close'],
      defaultId: 0,
    });
    if (choice === 0) window.webContents.reload();
    else window.close();
  });
  void window.loadURL(entryUrl(route));
  return window;
}

function openRoute(route: string): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createWindow(route);
    return;
  }
  void mainWindow.loadURL(entryUrl(route));
  focusMainWindow();
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function fail(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function onReady(): Promise<void> {
  hardenSession();
  serveAppScheme(protocol, rendererDir, PRODUCTION_CSP);
  try {
    host = await startWorkerHost({ dataDir: join(app.getPath('userData'), 'library'), workerFile, nativeRoots: [process.resourcesPath, app.getAppPath()] });
  } catch (error) {
    fail('Gloss could not open your library', error);
    return;
  }
  installIpc(host, isTrusted);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        appName: app.name,
        isMac: process.platform === 'darwin',
        isDev: !app.isPackaged,
        openLibraryFolder: () => void shell.openPath(join(app.getPath('userData'), 'library')),
      }),
    ),
  );
  mainWindow = createWindow(deepLinks?.takeInitialRoute() ?? null);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

function closeHostThenQuit(): void {
  let closing = false;
  app.on('will-quit', (event) => {
    if (!host) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const current = host;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    void Promise.race([current.close().catch(() => undefined), timeout]).finally(() => {
      host = null;
      app.quit();
    });
  });
}

function main(): void {
  // An explicit profile folder (tests, a second separate library) must also move the library with it.
  const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
  if (userDataDir) app.setPath('userData', resolve(userDataDir));
  // Privileged schemes can only be registered before ready.
  registerAppScheme(protocol);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);
  deepLinks = installDeepLinks(app, openRoute);
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  closeHostThenQuit();
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => fail('Gloss could not start', error));
}

main();
