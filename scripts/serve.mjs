// `npm run serve`: web mode. Builds once if the build is missing, then runs out/main/serve.js with
// the given arguments (the library defaults to .gloss-data/ in this folder), passing signals on
// and ending with its exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out', 'main', 'serve.js');
const needed = [entry, join(root, 'out', 'main', 'worker.js'), join(root, 'out', 'renderer', 'index.html')];

if (needed.some((file) => !existsSync(file))) {
  console.error('Gloss: building first (npx electron-vite build)…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('Gloss: the build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
}

const args = process.argv.slice(2);
if (!args.some((arg) => arg === '--data' || arg.startsWith('--data=')) && !args.includes('--help')) args.push('--data', join(root, '.gloss-data'));

const child = spawn(process.execPath, [entry, ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
});
child.on('error', (error) => {
  console.error(`Gloss: could not run ${entry} (${error.message}).`);
  process.exit(1);
});
