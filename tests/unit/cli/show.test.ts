// `gloss show ID --json` after `gloss import`, for one document of every format: what a script reads
// back must be the title, the citation fields the file carries and the canonical text.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/main/cli/main';
import { type Block, checkCanonical } from '../../../src/shared/canonical';
import type { CslItem } from '../../../src/shared/model';
import { tempDir } from '../support/library';

const FIXTURES = resolve(__dirname, '../../fixtures');

interface Shown {
  id: string;
  title: string;
  csl: CslItem;
  text: string;
  blocks: Block[];
}

async function gloss(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FILES = {
  text: join(FIXTURES, 'text/harbour-labour.txt'),
  markdown: join(FIXTURES, 'text/migrant-workers.md'),
  html: join(FIXTURES, 'html/meta-citation.html'),
  pdf: join(FIXTURES, 'pdf/report.pdf'),
  docx: join(FIXTURES, 'docx/sample.docx'),
};

describe('gloss show --json', () => {
  const shown = {} as Record<keyof typeof FILES, Shown>;

  beforeAll(async () => {
    const data = tempDir();
    const imported = await gloss('import', ...Object.values(FILES), '--data', data, '--json');
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const lines = JSON.parse(imported.out) as { file: string; status: string; id: string }[];
    expect(lines.map((l) => l.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
    for (const [format, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
      const id = lines.find((l) => l.file === file)!.id;
      const result = await gloss('show', id, '--data', data, '--json');
      expect(result.code, result.err).toBe(0);
      shown[format] = JSON.parse(result.out) as Shown;
      expect(shown[format].id).toBe(id);
    }
  }, 60_000);

  it('prints canonical text for every format: NFC, \\n only, blocks one blank line apart', () => {
    for (const [format, doc] of Object.entries(shown)) {
      expect(checkCanonical(doc.text, doc.blocks), format).toBeNull();
      expect(doc.text, format).not.toMatch(/\r|\n{3}|^\s|\s$/);
      expect(doc.csl.title, format).toBe(doc.title);
    }
  });

  it('plain text: the file as written, its first line the title', () => {
    const file = readFileSync(FILES.text, 'utf8');
    expect(shown.text.text).toBe(file.trim());
    expect(shown.text.title).toBe(file.split('\n')[0]);
  });

  it('Markdown: the heading is the title and inline markup is gone', () => {
    expect(shown.markdown.title).toBe('Recruitment fees and forced labour in the Gulf corridor');
    expect(shown.markdown.text).toMatch(/^Recruitment fees and forced labour in the Gulf corridor\n\nA report written for Gloss's tests\. /);
    expect(shown.markdown.text).toContain('approximately US$4.2 billion per year.');
    expect(shown.markdown.text).not.toMatch(/^#|\*A report/m);
  });

  it('HTML: citation_* metadata becomes the title and the CSL fields', () => {
    expect(shown.html.title).toBe('Recruitment fees and forced labour in Gulf construction');
    expect(shown.html.csl).toMatchObject({
      type: 'article-journal',
      author: [{ family: 'Haddad', given: 'Leila' }, { family: 'da Silva', given: 'Pedro Alvarez' }, { literal: 'International Labour Organization' }],
      'container-title': 'Journal of Migration Studies',
      publisher: 'Meridian Academic Press',
      issued: { 'date-parts': [[2021, 11, 8]] },
      DOI: '10.5555/jms.2021.0143',
      volume: '14',
      issue: '3',
    });
    expect(shown.html.text).toBe("Abstract. Workers recruited for construction projects paid fees averaging four months' wages.");
  });

  it('PDF: the document info gives title, author and date; the text is in reading order without running heads', () => {
    expect(shown.pdf.title).toBe('Forced Labour in Supply Chains');
    expect(shown.pdf.csl).toMatchObject({ author: [{ literal: 'Global Labour Institute' }], issued: { 'date-parts': [[2023, 4, 15]] } });
    const text = shown.pdf.text;
    expect(text).toContain('approximately US$236 billion in illegal profits per year. Much of this trafficking happens across borders');
    expect(text).toContain('the cross-border nature of the trade');
    expect(text).not.toContain('Briefing 2023/4');
    expect(text).not.toMatch(/^Page \d+$/m);
    // The left column is read to its end before the right one starts.
    expect(text.indexOf('Debts averaged four months of wages.')).toBeLessThan(text.indexOf('In Southeast Asia, fishing crews'));
  });

  it('DOCX: the core properties give title, authors and date; lists and tables are kept as text', () => {
    expect(shown.docx.title).toBe('Recruitment Fees & Labour Migration');
    expect(shown.docx.csl).toMatchObject({
      author: [{ family: 'Okafor', given: 'Amara' }, { literal: 'Migration Research Unit' }],
      issued: { 'date-parts': [[2024, 3, 5]] },
    });
    expect(shown.docx.text).toMatch(/^Recruitment Fees in Labour Migration\n\nSummary\n\nWorkers paid an average of US\$1,200 in recruitment fees/);
    expect(shown.docx.text).toContain('Fees were highest in construction\n\nOften charged twice');
    expect(shown.docx.text).toContain('Sector\tAverage fee (US$)\n\nConstruction\t1,500');
  });

  it('prints the title and the text without --json', async () => {
    const data = tempDir();
    const imported = JSON.parse((await gloss('import', FILES.markdown, '--data', data, '--json')).out) as { id: string }[];
    const plain = await gloss('show', imported[0]!.id, '--data', data);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(
      /^Recruitment fees and forced labour in the Gulf corridor\n\nRecruitment fees and forced labour in the Gulf corridor\n\nA report/,
    );
  });
});
