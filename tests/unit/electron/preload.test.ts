import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/api';
import { type GlossBridge, IPC } from '../../../src/shared/bridge';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    invoke: electron.invoke,
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(listener);
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      electron.listeners.get(channel)?.delete(listener);
    },
  },
}));

await import('../../../src/preload/index');
const bridge = electron.exposed.get('gloss') as GlossBridge;

describe('preload bridge', () => {
  it('exposes window.gloss and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['gloss']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent']);
  });

  it('has exactly one function per API method', () => {
    expect(Object.keys(bridge.api)).toEqual(METHOD_NAMES);
    for (const name of METHOD_NAMES) expect(typeof bridge.api[name]).toBe('function');
    expect(bridge.api).not.toHaveProperty('invoke');
  });

  it('calls the one IPC channel with the fixed method name', async () => {
    await bridge.api['documents.get']({ id: 'd1' });
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.call, 'documents.get', { id: 'd1' });
  });

  it('delivers pushed events without the IPC event object, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    const pushed = { type: 'changed', entity: 'tag', ids: ['t1'] };
    for (const forward of electron.listeners.get(IPC.event) ?? []) forward({ sender: 'secret' }, pushed);
    expect(listener).toHaveBeenCalledExactlyOnceWith(pushed);
    unsubscribe();
    expect(electron.listeners.get(IPC.event)?.size).toBe(0);
  });
});
