// Loads better-sqlite3 with the binary built for the runtime at hand. Node (tests, CLI, web
// mode) uses the package's own build; Electron uses the build that `npm install` made beside it
// under native/ (scripts/native-electron.mjs), or in a packaged app the one electron-builder
// rebuilt. When neither fits, the error names the missing build and the command that makes it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { GlossError } from '../../shared/errors';

const requireHere = createRequire(__filename);

export type DatabaseConstructor = typeof BetterSqlite3;
export type Database = BetterSqlite3.Database;

export interface NativeChoice {
  runtime: 'node' | 'electron';
  /** Absolute path of the binary to load, or undefined for the package's default build. */
  nativeBinding: string | undefined;
}

/** Where the Electron build lives, relative to the project (or the app's resources). */
export function electronBindingPath(root: string, electronVersion: string, platform = process.platform, arch = process.arch): string {
  return join(root, 'native', `electron-v${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

export function chooseNativeBinding(env: { electronVersion: string | undefined; roots: string[] }): NativeChoice {
  if (!env.electronVersion) return { runtime: 'node', nativeBinding: undefined };
  for (const root of env.roots) {
    const candidate = electronBindingPath(root, env.electronVersion);
    if (existsSync(candidate)) return { runtime: 'electron', nativeBinding: candidate };
  }
  return { runtime: 'electron', nativeBinding: undefined };
}

export function explainLoadFailure(choice: NativeChoice, electronVersion: string | undefined, cause: Error): GlossError {
  const abi = /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF|Module did not self-register/i.test(cause.message);
  const message =
    choice.runtime === 'electron'
      ? `The Electron ${electronVersion} build of better-sqlite3 is missing or does not load (${abi ? 'built for another runtime' : cause.message}). Run \`npm run rebuild:electron\` with internet access, then start Gloss again.`
      : `better-sqlite3 has no working build for Node ${process.versions.node} (${abi ? 'built for another runtime' : cause.message}). Run \`npm rebuild better-sqlite3\`, then try again.`;
  return new GlossError({ code: 'unavailable', message });
}

let cached: { Database: DatabaseConstructor; choice: NativeChoice } | undefined;

/** The better-sqlite3 constructor and the binding it must be given. */
export function loadSqlite(roots: string[] = defaultRoots()): { Database: DatabaseConstructor; choice: NativeChoice } {
  if (cached) return cached;
  const electronVersion = process.versions.electron;
  const choice = chooseNativeBinding({ electronVersion, roots });
  const Database = requireHere('better-sqlite3') as DatabaseConstructor;
  try {
    new Database(':memory:', choice.nativeBinding ? { nativeBinding: choice.nativeBinding } : {}).close();
  } catch (error) {
    throw explainLoadFailure(choice, electronVersion, error as Error);
  }
  cached = { Database, choice };
  return cached;
}

/** The checkout or app folder: the nearest folder above this bundle that holds package.json. */
function packageRoot(): string | null {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

function defaultRoots(): string[] {
  const roots = [process.cwd()];
  const root = packageRoot();
  if (root) roots.unshift(root);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) roots.unshift(resources);
  return roots;
}
