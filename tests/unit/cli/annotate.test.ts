import { describe, expect, it } from 'vitest';
import { findQuote } from '../../../src/main/cli/annotate';
import { run } from '../../../src/main/cli/main';
import type { Annotation } from '../../../src/shared/model';
import { tempDir } from '../support/library';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

async function gloss(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ARTICLE = `Trafficking in Southeast Asia

Trafficking is estimated by the International Labor Organization [ILO] to generate approximately US$32 billion per year.

As of 2014, IOM assisted more than 7,000 victims. IOM assisted more than 7,000 victims is repeated here.`;

async function libraryWithArticle(): Promise<{ data: string; id: string }> {
  const data = tempDir();
  const file = join(data, '..', `article-${Date.now()}.txt`);
  writeFileSync(file, ARTICLE);
  const imported = await gloss('import', file, '--data', data, '--json');
  return { data, id: (JSON.parse(imported.out) as { id: string }[])[0]!.id };
}

describe('gloss annotate', () => {
  it('anchors a quote with kind, tags, sources and prefilled figures, and lists it back', async () => {
    const { data, id } = await libraryWithArticle();
    const result = await gloss(
      'annotate',
      id,
      '--data',
      data,
      '--json',
      '--quote',
      'estimated by the International Labor Organization [ILO] to generate approximately US$32 billion per year',
      '--kind',
      'claim',
      '--tag',
      'revenue/global',
      '--source',
      'ILO',
      '--source',
      'International Labor Organization',
      '--note',
      'headline figure',
    );
    expect(result.code, result.err).toBe(0);
    const annotation = JSON.parse(result.out) as Annotation;
    expect(ARTICLE.slice(annotation.start, annotation.end)).toBe(annotation.exact);
    expect(annotation).toMatchObject({ kindId: 'k-claim', note: 'headline figure', anchor: 'anchored' });
    expect(annotation.tags.map((t) => t.name)).toEqual(['revenue/global']);
    expect(annotation.sources.map((s) => s.name)).toEqual(['ILO', 'International Labor Organization']);
    expect(annotation.figures).toHaveLength(1);
    expect(annotation.figures[0]).toMatchObject({ value: 32, unit: 'USD', scale: 'billion', period: 'per year', qualifier: 'approximately' });

    // A second annotation reuses the tag and the source by name, acronym or alias.
    const again = await gloss(
      'annotate',
      id,
      '--data',
      data,
      '--json',
      '--quote',
      'IOM assisted more than 7,000 victims',
      '--occurrence',
      '2',
      '--tag',
      'Revenue / Global',
      '--source',
      'ilo',
    );
    const second = JSON.parse(again.out) as Annotation;
    expect(second.start).toBe(ARTICLE.lastIndexOf('IOM assisted more than 7,000 victims'));
    expect(second.tags[0]!.id).toBe(annotation.tags[0]!.id);
    expect(second.sources[0]!.sourceId).toBe(annotation.sources[0]!.sourceId);
    expect(second.figures[0]).toMatchObject({ value: 7000, unit: 'victims', qualifier: 'more than' });

    const listed = await gloss('annotations', id, '--data', data, '--json');
    expect((JSON.parse(listed.out) as Annotation[]).map((a) => a.id)).toEqual([annotation.id, second.id]);
  });

  it('says plainly when the quote is not there, or not that often, and writes nothing', async () => {
    const { data, id } = await libraryWithArticle();
    const missing = await gloss('annotate', id, '--data', data, '--quote', 'US$33 billion');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^gloss: The quote “US\$33 billion” is not in “Trafficking in Southeast Asia”\.$/);
    const tooFar = await gloss('annotate', id, '--data', data, '--quote', 'IOM assisted', '--occurrence', '3');
    expect(tooFar.code).toBe(1);
    expect(tooFar.err).toMatch(/occurs 2 times/);
    expect((await gloss('annotate', id, '--data', data, '--quote', 'IOM', '--kind', 'Nonsense')).err).toMatch(/no kind named “Nonsense”/);
    expect((await gloss('annotate', id, '--data', data)).code).toBe(2);
    expect(JSON.parse((await gloss('annotations', id, '--data', data, '--json')).out)).toEqual([]);
  });

  it('matches a quote across line breaks and runs of spaces', () => {
    expect(findQuote('one two\nthree  four', 'two three four', 1)).toEqual({ start: 4, end: 19 });
    expect(findQuote('abc', 'x', 1)).toEqual({ found: 0 });
    expect(findQuote('a.b a.b', 'a.b', 2)).toEqual({ start: 4, end: 7 });
  });
});
