// `npm start`: the desktop app in development. Says in one line what is missing when the Electron
// binary is not installed, makes the Electron build of better-sqlite3 if it is missing, then runs
// `electron-vite dev`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    'Gloss: the Electron binary is not installed (its download was skipped or failed). Run `npm install` with internet access and without ELECTRON_SKIP_BINARY_DOWNLOAD, or use web mode: `npm run serve`.',
  );
  process.exit(1);
}

const electronVersion = require('electron/package.json').version;
const nativeBuild = join(root, 'native', `electron-v${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
if (!existsSync(nativeBuild)) {
  // --force: the binary is present now even if the install that ran postinstall had skipped it.
  spawnSync(process.execPath, [join(root, 'scripts', 'native-electron.mjs'), '--force'], { cwd: root, stdio: 'inherit' });
}

const viteDir = dirname(require.resolve('electron-vite/package.json'));
const viteBin = join(viteDir, JSON.parse(readFileSync(join(viteDir, 'package.json'), 'utf8')).bin['electron-vite']);
const child = spawn(process.execPath, [viteBin, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
