// One build for the three Electron targets. The main-side bundle also carries the entries that
// run under plain Node: web mode (serve), the CLI (cli) and the database worker (worker).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/electron/main.ts'),
          serve: resolve('src/main/web/serve.ts'),
          cli: resolve('src/main/cli/main.ts'),
          worker: resolve('src/main/host/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with nothing to require but electron.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      minify: true,
      // A desktop app's bundle is read from disk, not fetched: one chunk is the fast path.
      chunkSizeWarningLimit: 2_000,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
