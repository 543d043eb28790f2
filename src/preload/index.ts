// The preload of every app window: exposes `window.gloss` (see src/shared/bridge.ts) through the
// context bridge, and nothing else; page script never gets ipcRenderer or a generic invoke.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld('gloss', buildBridge(ipcRenderer));
