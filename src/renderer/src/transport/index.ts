// Chooses how this page reaches the library: the Electron bridge when present, HTTP otherwise.
import { createClient, type GlossClient } from '../../../shared/client';
import { httpTransport } from './http';
import { electronBridge, ipcTransport } from './ipc';

export function connect(): GlossClient {
  const bridge = electronBridge();
  return createClient(bridge ? ipcTransport(bridge) : httpTransport());
}
