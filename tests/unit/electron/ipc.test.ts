import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../../src/shared/bridge';
import type { PushEvent } from '../../../src/shared/events';
import type { ApiHost } from '../../../src/main/host/types';
import { isTrustedSender } from '../../../src/main/electron/security';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  windows: [] as { webContents: { isDestroyed(): boolean; getURL(): string; send: ReturnType<typeof vi.fn> } }[],
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  BrowserWindow: { getAllWindows: () => electron.windows },
}));

const { installIpc } = await import('../../../src/main/electron/ipc');

function fakeHost() {
  const listeners = new Set<(event: PushEvent) => void>();
  const host = {
    call: vi.fn(async (method: string, args: unknown) => ({ ok: true as const, value: { method, args } })),
    subscribe: vi.fn((listener: (event: PushEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    close: vi.fn(async () => undefined),
  } satisfies ApiHost;
  return { host, emit: (event: PushEvent) => listeners.forEach((listener) => listener(event)), listeners };
}

const frame = (url: string) => ({ senderFrame: { url } });

beforeEach(() => {
  electron.handlers.clear();
  electron.windows.length = 0;
});

describe('IPC call handler', () => {
  it('forwards a call from the app page to the host', async () => {
    const { host } = fakeHost();
    installIpc(host, (url) => isTrustedSender(url));
    const handler = electron.handlers.get(IPC.call)!;
    await expect(handler(frame('gloss-app://app/index.html'), 'documents.get', { id: 'd1' })).resolves.toEqual({
      ok: true,
      value: { method: 'documents.get', args: { id: 'd1' } },
    });
    expect(host.call).toHaveBeenCalledExactlyOnceWith('documents.get', { id: 'd1' });
  });

  it.each([['file:///etc/passwd'], ['https://evil.example/'], ['gloss-app://app.evil.example/'], ['not a url']])(
    'answers a forged sender (%s) with a failed Result and never calls the host',
    async (url) => {
      const { host } = fakeHost();
      installIpc(host, (frameUrl) => isTrustedSender(frameUrl));
      const result = (await electron.handlers.get(IPC.call)!(frame(url), 'documents.purge', { id: 'd1' })) as { ok: boolean; error?: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('unavailable');
      expect(host.call).not.toHaveBeenCalled();
    },
  );

  it('refuses a destroyed or missing sender frame without throwing', async () => {
    const { host } = fakeHost();
    installIpc(host, (url) => isTrustedSender(url));
    const handler = electron.handlers.get(IPC.call)!;
    await expect(handler({ senderFrame: null }, 'kinds.list', {})).resolves.toMatchObject({ ok: false });
    const destroyed = {
      get senderFrame() {
        return {
          get url(): string {
            throw new Error('Render frame was disposed');
          },
        };
      },
    };
    await expect(handler(destroyed, 'kinds.list', {})).resolves.toMatchObject({ ok: false });
    expect(host.call).not.toHaveBeenCalled();
  });

  it('turns a host that throws into a failed Result', async () => {
    const { host } = fakeHost();
    host.call.mockRejectedValueOnce(new Error('boom'));
    installIpc(host, (url) => isTrustedSender(url));
    await expect(electron.handlers.get(IPC.call)!(frame('gloss-app://app/'), 'kinds.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('pushed events', () => {
  it('go to every app window, and to no foreign page', () => {
    const { host, emit, listeners } = fakeHost();
    const make = (url: string, destroyed = false) => ({ webContents: { isDestroyed: () => destroyed, getURL: () => url, send: vi.fn() } });
    const first = make('gloss-app://app/index.html');
    const second = make('gloss-app://app/index.html');
    const foreign = make('https://evil.example/');
    const gone = make('gloss-app://app/index.html', true);
    electron.windows.push(first, second, foreign, gone);
    const dispose = installIpc(host, (url) => isTrustedSender(url));
    const event: PushEvent = { type: 'changed', entity: 'document', ids: ['d1'] };
    emit(event);
    expect(first.webContents.send).toHaveBeenCalledExactlyOnceWith(IPC.event, event);
    expect(second.webContents.send).toHaveBeenCalledExactlyOnceWith(IPC.event, event);
    expect(foreign.webContents.send).not.toHaveBeenCalled();
    expect(gone.webContents.send).not.toHaveBeenCalled();
    dispose();
    expect(listeners.size).toBe(0);
    expect(electron.handlers.has(IPC.call)).toBe(false);
  });
});
