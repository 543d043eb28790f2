import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/main/cli/main';
import type { SearchResult } from '../../../src/shared/model';
import { testLibrary } from '../support/library';

const quiet = { out: () => undefined, err: () => undefined };

describe('one library, two programs', () => {
  it('lets the CLI write while the app has the library open, and each sees the other’s writes', async () => {
    const app = await testLibrary();
    await app.call('documents.create', { title: 'Written by the app', text: 'Opened in the app window first.' });
    const fixture = join(resolve(__dirname, '../../fixtures/text'), 'harbour-labour.txt');
    expect(await run(['import', fixture, '--data', app.dir], quiet)).toBe(0);

    const hits = (await app.call('search.query', { query: 'harbour' })) as SearchResult;
    expect(hits.hits).toHaveLength(1);
    await app.call('documents.create', { text: 'Written by the app after the CLI.' });
    const lines: string[] = [];
    expect(await run(['list', '--data', app.dir, '--json'], { out: (l) => lines.push(l), err: () => undefined })).toBe(0);
    expect(JSON.parse(lines.join('\n'))).toHaveLength(3);
  });
});
