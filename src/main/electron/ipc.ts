// Carries API calls from the app's windows to the API host and pushed events back to them. Every
// call is checked to come from the app's own page: a frame that got into a web contents some other
// way (a navigation we missed, an injected frame) must not reach the library.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import type { ApiHost } from '../host/types';

export type SenderCheck = (frameUrl: string) => boolean;

const refused: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'This page is not part of Gloss, so it cannot use the library.' },
};

/** Answers one `IPC.call`; never throws, so the renderer always gets a Result. */
export async function answerCall(
  host: ApiHost,
  isTrusted: SenderCheck,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  method: unknown,
  args: unknown,
): Promise<Result<unknown>> {
  let frameUrl: string | undefined;
  try {
    // A frame that has navigated away or been destroyed has no usable URL; that is a refusal too.
    frameUrl = event.senderFrame?.url;
  } catch {
    frameUrl = undefined;
  }
  if (frameUrl === undefined || !isTrusted(frameUrl)) return refused;
  if (typeof method !== 'string') return { ok: false, error: { code: 'validation', message: 'The method name must be a string.' } };
  try {
    return await host.call(method, args);
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `The call failed unexpectedly (${(error as Error).message}).` } };
  }
}

/** Installs the call handler and event forwarding; returns what undoes both. */
export function installIpc(host: ApiHost, isTrusted: SenderCheck): () => void {
  ipcMain.handle(IPC.call, (event, method: unknown, args: unknown) => answerCall(host, isTrusted, event, method, args));
  const unsubscribe = host.subscribe((pushed) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      // Only a page of the app hears about the library, the same rule as for calls.
      if (contents.isDestroyed() || !isTrusted(contents.getURL())) continue;
      contents.send(IPC.event, pushed);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC.call);
  };
}
