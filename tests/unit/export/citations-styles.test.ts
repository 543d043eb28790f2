// User styles: .csl files in the library's styles/ folder are offered beside the bundled ones when
// they are CSL a processor can run, and refused with a sentence that says what is wrong otherwise.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlossError } from '../../../src/shared/errors';
import { createCitationProcessor } from '../../../src/main/export/citations/processor';
import { runsText } from '../../../src/main/export/citations/runs';
import { BUNDLED_STYLE_IDS, checkStyle, listStyles, loadStyle } from '../../../src/main/export/citations/styles';
import { NEWS, SAME_YEAR_A } from '../../fixtures/export/library';

// A minimal author–title style written for this test.
const VALID = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info>
    <title>Gloss Test Style</title>
    <id>https://gloss.invalid/styles/test</id>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout prefix="[" suffix="]" delimiter="; ">
      <names variable="author"><name form="short"/></names>
      <group delimiter=" " prefix=", "><label variable="locator" form="short"/><text variable="locator"/></group>
    </layout>
  </citation>
  <bibliography>
    <sort><key variable="title"/></sort>
    <layout>
      <names variable="author"><name/></names>
      <text variable="title" prefix=": " font-style="italic"/>
    </layout>
  </bibliography>
</style>
`;

const DEPENDENT = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>A Journal That Uses APA</title>
    <id>https://gloss.invalid/styles/dependent</id>
    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
</style>
`;

let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-styles-'));
  writeFileSync(file('test.csl'), VALID);
  writeFileSync(file('broken.csl'), VALID.replace('</citation>', ''));
  writeFileSync(file('page.csl'), '<html><body><p>Not a style</p></body></html>');
  writeFileSync(file('no-version.csl'), VALID.replace(' version="1.0" default-locale', ' default-locale'));
  writeFileSync(file('other-namespace.csl'), VALID.replace('http://purl.org/net/xbiblio/csl', 'https://example.invalid/ns'));
  writeFileSync(file('dependent.csl'), DEPENDENT);
  writeFileSync(file('notes.txt'), 'not a style, and not offered');
  mkdirSync(file('folder.csl'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('user styles', () => {
  it('lists a valid .csl file after the bundled styles, under the title it declares', () => {
    const { styles } = listStyles(dir);
    expect(styles.slice(0, BUNDLED_STYLE_IDS.length).map((style) => style.id)).toEqual(BUNDLED_STYLE_IDS);
    expect(styles.slice(BUNDLED_STYLE_IDS.length)).toEqual([{ id: file('test.csl'), title: 'Gloss Test Style', defaultLocale: 'en-GB', bundled: false }]);
  });

  it('reports each unusable file with what is wrong with it', () => {
    const problems = Object.fromEntries(listStyles(dir).problems.map((problem) => [problem.file, problem.message]));
    expect(Object.keys(problems).sort()).toEqual(
      ['broken.csl', 'dependent.csl', 'folder.csl', 'no-version.csl', 'other-namespace.csl', 'page.csl'].map(file).sort(),
    );
    expect(problems[file('broken.csl')]).toMatch(/“broken\.csl” is not a usable CSL style: it is not well-formed XML/);
    expect(problems[file('page.csl')]).toMatch(/its root element is <html>, not a CSL <style>/);
    expect(problems[file('other-namespace.csl')]).toMatch(/root element is <style>, not a CSL <style> in the http:\/\/purl\.org\/net\/xbiblio\/csl namespace/);
    expect(problems[file('no-version.csl')]).toMatch(/no version attribute/);
    expect(problems[file('dependent.csl')]).toMatch(/dependent style that only points to http:\/\/www\.zotero\.org\/styles\/apa/);
    expect(problems[file('folder.csl')]).toMatch(/could not be read/);
  });

  it('offers only the bundled styles when the folder does not exist yet', () => {
    const listing = listStyles(join(dir, 'absent'));
    expect(listing.styles.map((style) => style.id)).toEqual(BUNDLED_STYLE_IDS);
    expect(listing.problems).toEqual([]);
  });

  it('formats with a user style loaded by path', () => {
    const processor = createCitationProcessor({ style: file('test.csl'), items: [NEWS, SAME_YEAR_A] });
    expect(processor.styleTitle).toBe('Gloss Test Style');
    // CSL 1.0.2: the short name form is the family name; the short locator label for a page is "p."
    expect(runsText(processor.citation('news', { label: 'page', value: '3' }))).toBe('[Hodal, p. 3]');
    // CSL 1.0.2: the long form of a name is given name then family name; the sort key is the title.
    expect(processor.order()).toEqual(['okafor-mines', 'news']);
    const reference = processor.reference('news');
    expect(runsText(reference)).toBe('Kate Hodal: Thai fishing industry still relies on trafficked migrants, report finds');
    expect(reference.filter((run) => run.italic).map((run) => run.text)).toEqual(['Thai fishing industry still relies on trafficked migrants, report finds']);
  });

  it('gives a style whose language Gloss ships no locale for the en-US terms', () => {
    writeFileSync(file('portuguese.csl'), VALID.replace('default-locale="en-GB"', 'default-locale="pt-BR"').replace('Gloss Test Style', 'Estilo'));
    const processor = createCitationProcessor({ style: file('portuguese.csl'), items: [NEWS] });
    // CSL 1.0.2, locale fallback: a term missing from every locale in the chain comes from en-US.
    expect(runsText(processor.citation('news', { label: 'page', value: '3' }))).toBe('[Hodal, p. 3]');
    rmSync(file('portuguese.csl'));
  });

  it('formats in the locale asked for instead of the style’s own', () => {
    const processor = createCitationProcessor({ style: 'apa', locale: 'de-DE', items: [NEWS] });
    // German CSL locale: "S." (Seite) for a page.
    expect(runsText(processor.citation('news', { label: 'page', value: '3' }))).toBe('(Hodal, 2016, S. 3)');
  });

  it('says so when a style file does not exist', () => {
    const missing = file('missing.csl');
    expect(() => loadStyle(missing)).toThrow(GlossError);
    expect(() => loadStyle(missing)).toThrow(`The style file “${missing}” does not exist.`);
    try {
      loadStyle(missing);
    } catch (error) {
      expect((error as GlossError).code).toBe('not-found');
    }
  });

  it('refuses malformed XML and XML that is not CSL when loaded by path', () => {
    expect(() => loadStyle(file('broken.csl'))).toThrow(/not well-formed XML/);
    expect(() => loadStyle(file('page.csl'))).toThrow(/not a CSL <style>/);
  });

  it('refuses a style with neither a citation nor a bibliography', () => {
    const bare = VALID.replace(/<citation>[\s\S]*<\/bibliography>/, '');
    expect(() => checkStyle(bare, 'bare.csl')).toThrow('“bare.csl” is not a usable CSL style: it has neither a <citation> nor a <bibliography> element.');
  });

  it('refuses an unknown style id', () => {
    expect(() => loadStyle('harvard')).toThrow(/There is no citation style “harvard”/);
  });
});
