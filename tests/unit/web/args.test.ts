import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs, ServeUsageError } from '../../../src/main/web/args';

describe('serve arguments', () => {
  it('reads port, data folder and allowed hosts', () => {
    expect(parseServeArgs(['--port', '8123', '--data', 'lib', '--allow-host', 'gloss.lan', '--allow-host', 'box:9000'])).toEqual({
      port: 8123,
      dataDir: resolve('lib'),
      allowHosts: ['gloss.lan', 'box:9000'],
    });
  });

  it('picks a free port when none is given', () => {
    expect(parseServeArgs(['--data', 'lib']).port).toBe(0);
  });

  it.each([
    [[]],
    [['--port', '80']],
    [['--data', 'lib', '--port', 'http']],
    [['--data', 'lib', '--port', '70000']],
    [['--data', 'lib', '--bogus']],
    [['--data', 'lib', 'extra']],
    [['--data', 'lib', '--allow-host', 'a/b']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseServeArgs(argv)).toThrow(ServeUsageError);
  });
});
