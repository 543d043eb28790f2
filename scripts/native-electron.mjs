// Builds better-sqlite3 for Electron's ABI beside the Node build, so that tests and the CLI
// (Node) and the app (Electron) each load a matching binary without a manual rebuild.
// Runs after `npm install`; it never fails the install: offline or without the Electron
// binary it says what it skipped and how to get it later.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const force = process.argv.includes('--force');
const say = (line) => console.log(`gloss: ${line}`);

function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    return null;
  }
}

const version = electronVersion();
if (!version) process.exit(0);
const target = join(root, 'native', `electron-v${version}-${process.platform}-${process.arch}`);
const binary = join(target, 'better_sqlite3.node');
if (existsSync(binary) && !force) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && !force) {
  say(
    'Electron binary download skipped, so the Electron build of better-sqlite3 was not made; tests, the CLI and web mode use the Node build. Run `npm run rebuild:electron` once Electron is installed.',
  );
  process.exit(0);
}

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'gloss-native-'));
try {
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
  try {
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--arch', process.arch], {
      cwd: work,
      env,
      stdio: 'inherit',
    });
  } catch {
    const gyp = process.env.npm_config_node_gyp;
    if (!gyp) throw new Error('no prebuilt binary and node-gyp not found');
    execFileSync(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], {
      cwd: work,
      env,
      stdio: 'inherit',
    });
  }
  mkdirSync(target, { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), binary);
  say(`built better-sqlite3 for Electron ${version} in ${target}`);
} catch (error) {
  say(
    `could not build better-sqlite3 for Electron ${version} (${error.message}); the app needs it, tests and the CLI do not. Retry with \`npm run rebuild:electron\` when online.`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
