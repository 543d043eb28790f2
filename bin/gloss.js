#!/usr/bin/env node
// The `gloss` command: runs the built CLI (npm run build makes out/main/cli.js).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('gloss: the CLI is not built yet. Run `npm run build` in the Gloss folder first.\n');
  process.exit(1);
}
require(cli)
  .run(process.argv.slice(2), { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) })
  .then((code) => {
    process.exitCode = code;
  });
