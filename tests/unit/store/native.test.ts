import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding, electronBindingPath, explainLoadFailure, loadSqlite } from '../../../src/main/store/native';
import { tempDir } from '../support/library';

describe('native module loader', () => {
  it('uses the package’s own build under Node', () => {
    expect(chooseNativeBinding({ electronVersion: undefined, roots: ['/nowhere'] })).toEqual({ runtime: 'node', nativeBinding: undefined });
    expect(loadSqlite().choice.runtime).toBe('node');
  });

  it('finds the Electron build kept beside the Node build', () => {
    const root = tempDir();
    const file = electronBindingPath(root, '41.6.1');
    mkdirSync(file.replace(/better_sqlite3\.node$/, ''), { recursive: true });
    writeFileSync(file, '');
    expect(chooseNativeBinding({ electronVersion: '41.6.1', roots: ['/nowhere', root] })).toEqual({ runtime: 'electron', nativeBinding: file });
    expect(chooseNativeBinding({ electronVersion: '42.0.0', roots: [root] })).toEqual({ runtime: 'electron', nativeBinding: undefined });
  });

  it('names the missing build and the command that makes it', () => {
    const abi = new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.');
    const electron = explainLoadFailure({ runtime: 'electron', nativeBinding: undefined }, '41.6.1', abi);
    expect(electron.message).toMatch(/Electron 41\.6\.1 build of better-sqlite3/);
    expect(electron.message).toMatch(/npm run rebuild:electron/);
    const node = explainLoadFailure({ runtime: 'node', nativeBinding: undefined }, undefined, abi);
    expect(node.message).toMatch(/npm rebuild better-sqlite3/);
  });
});
