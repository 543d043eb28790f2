// The desktop app end to end: launches the built app (out/main/index.js) in Electron with a
// throwaway profile and checks the library shows. Skipped, with the reason, where the Electron
// binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD); web mode covers the UI there.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(__dirname, '../..');
const mainEntry = join(root, 'out', 'main', 'index.js');

function missingElectron(): string | null {
  let binary: unknown;
  try {
    binary = createRequire(join(root, 'package.json'))('electron');
  } catch (error) {
    return `the Electron binary is not installed (${(error as Error).message.split('\n')[0]}); run \`npm install\` without ELECTRON_SKIP_BINARY_DOWNLOAD to test the desktop app`;
  }
  if (typeof binary !== 'string' || !existsSync(binary))
    return `the Electron binary is missing at ${String(binary)}; run \`npm install\` without ELECTRON_SKIP_BINARY_DOWNLOAD`;
  if (!existsSync(mainEntry)) return `the app is not built (${mainEntry} is missing); run \`npm run build\``;
  return null;
}

test('the desktop app opens on the library', async () => {
  const reason = missingElectron();
  if (reason) {
    console.log(`Skipping the Electron end-to-end test: ${reason}.`);
    // Skipped only where the Electron binary is absent (offline installs, CI); web mode covers the UI there.
    test.skip(true, reason);
  }

  const userData = mkdtempSync(join(tmpdir(), 'gloss-e2e-electron-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL'),
  );
  const app = await electron.launch({ args: [mainEntry, `--user-data-dir=${userData}`], cwd: root, env });
  try {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^gloss-app:\/\/app\//);
    const library = page.getByRole('heading', { name: /library/i }).or(page.getByRole('region', { name: /library/i }));
    await expect(library.first()).toBeVisible({ timeout: 20_000 });
    // The page itself gets the bridge and nothing of Node.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { gloss: { api: object } }).gloss.api).length)).toBeGreaterThan(0);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
