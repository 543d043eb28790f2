import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { GlossError } from '../../../src/shared/errors';
import { htmlBlocks } from '../../../src/main/importers/html-blocks';
import { importHtml, importPastedHtml } from '../../../src/main/importers/html';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/html', name));
const texts = (imported: { blocks: { text: string }[] }) => imported.blocks.map((b) => b.text);
const blocksOf = (html: string) => htmlBlocks(new JSDOM(html).window.document.body);

describe('importHtml: a news article with heavy boilerplate', () => {
  const result = importHtml({
    name: 'harbour-strike-spreads',
    bytes: fixture('news-article.html'),
    mediaType: 'text/html; charset=utf-8',
    url: 'https://www.coastalherald.example/business/2024/mar/05/harbour-strike-spreads?utm_source=x',
    finalUrl: 'https://www.coastalherald.example/business/2024/mar/05/harbour-strike-spreads?utm_source=x',
  });

  it('keeps the article and nothing else, in order and with structure', () => {
    expect(result.format).toBe('html');
    expect(result.title).toBe('Harbour strike spreads to three ports as talks stall');
    expect(result.blocks).toEqual([
      {
        type: 'paragraph',
        text: 'Dock workers in three harbours went on strike on Monday, according to the port authority, as talks over pay broke down for the second time this year.',
      },
      {
        type: 'paragraph',
        text: 'The union said that at least 1,800 workers had joined the strike by noon, and that wages had not risen since 2019. “We have been patient for five years,” said Maria\u00a0Santos, a crane operator at the northern terminal.',
      },
      { type: 'heading', level: 2, text: 'Losses estimated at €3m a day' },
      {
        type: 'paragraph',
        text: "A spokesperson for the port authority estimated losses at roughly €3 million per day, a figure the union disputed. The authority's statement listed three demands:",
      },
      { type: 'list-item', level: 1, ordered: true, text: 'A return to work by Thursday' },
      { type: 'list-item', level: 1, ordered: true, text: 'Independent arbitration of the pay claim' },
      { type: 'quote', text: '“No one wins a long strike,” the authority said.' },
      { type: 'paragraph', text: 'Port\tWorkers on strike' },
      { type: 'paragraph', text: 'Northern terminal\t900' },
      { type: 'paragraph', text: 'Eastern quay\t600' },
      { type: 'paragraph', text: 'Talks are due to resume on Wednesday.\nAdditional reporting by Priya Nair.' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('takes its citation from JSON-LD (@graph, @id references) over OpenGraph', () => {
    expect(result.csl).toEqual({
      type: 'article-newspaper',
      title: 'Harbour strike spreads to three ports as talks stall',
      author: [
        { family: 'Okafor', given: 'Amara' },
        { family: 'van der Berg', given: 'Lucas' },
      ],
      'container-title': 'The Coastal Herald',
      publisher: 'The Coastal Herald',
      issued: { 'date-parts': [[2024, 3, 5]] },
      URL: 'https://www.coastalherald.example/business/2024/mar/05/harbour-strike-spreads',
      language: 'en-GB',
    });
  });
});

describe('importHtml: character sets', () => {
  const smart = 'The “fair wage” campaign says a crane operator’s day costs €180 – twice the 2019 rate.';
  const cases: [string, string | undefined, string][] = [
    ['charset-utf8-bom.html', 'text/html; charset=windows-1251', 'a UTF-8 BOM outranks the header and the meta tag'],
    ['charset-utf16le-bom.html', undefined, 'a UTF-16LE BOM outranks the meta tag'],
    ['charset-utf16be-bom.html', undefined, 'a UTF-16BE BOM'],
    ['charset-meta-windows-1252.html', undefined, 'a meta http-equiv windows-1252 with smart quotes and €'],
    ['charset-meta-windows-1252.html', 'text/html', 'a header without a charset leaves the meta tag in charge'],
    ['charset-none-utf8.html', undefined, 'no declaration, valid UTF-8'],
  ];
  for (const [file, mediaType, why] of cases) {
    it(why, () => {
      const result = importHtml({ name: file, bytes: fixture(file), mediaType });
      expect(texts(result)).toEqual([smart]);
      expect(result.title).toBe('Prices in the port');
      expect(result.warnings).toEqual([]);
    });
  }

  it('no declaration and not UTF-8: Windows-1252, with a warning', () => {
    const result = importHtml({ name: 'legacy.html', bytes: fixture('charset-none-legacy.html') });
    expect(texts(result)).toEqual([smart]);
    expect(result.warnings.join(' ')).toMatch(/Windows-1252/);
  });

  it('the HTTP header charset outranks a wrong meta tag', () => {
    const bytes = fixture('charset-header-windows-1251.html');
    expect(texts(importHtml({ name: 'ru.html', bytes, mediaType: 'text/html; charset=windows-1251' }))).toEqual(['Портовые рабочие бастуют']);
    // Without the header, the meta tag's UTF-8 is tried and the damage is reported.
    expect(importHtml({ name: 'ru.html', bytes }).warnings.join(' ')).toMatch(/invalid byte sequences/);
  });
});

describe('importHtml: short pages and failures', () => {
  it('falls back to the sanitised body when there is no article', () => {
    const page = '<html><head><title>Note</title></head><body><nav><a href="/">Home</a></nav><p>Just one line.</p><footer>© Site</footer></body></html>';
    const result = importHtml({ name: 'note.html', bytes: new TextEncoder().encode(page) });
    expect(texts(result)).toEqual(['Just one line.']);
    expect(result.title).toBe('Note');
  });

  it('refuses a page with no text as a validation error', () => {
    const page = '<html><body><script>document.write("text made by script")</script><img src="a.png"></body></html>';
    const error = (() => {
      try {
        importHtml({ name: 'app.html', bytes: new TextEncoder().encode(page) });
      } catch (e) {
        return e as GlossError;
      }
      throw new Error('expected a GlossError');
    })();
    expect(error).toBeInstanceOf(GlossError);
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/No readable text was found in “app\.html”/);
  });
});

describe('importPastedHtml', () => {
  it('converts a clipboard fragment without article extraction', () => {
    const clipboard =
      '<meta charset="utf-8"><html><body><!--StartFragment--><h3 style="color:red">Key figures</h3><p>The ILO estimates trafficking generates ' +
      '<span class="x">approximately</span> <b>US$32 billion</b>\n   per year.</p><ul><li>Asia: 56%</li><li>Africa: 18%<ul><li>West Africa</li></ul></li></ul>' +
      '<p>Share this article</p><!--EndFragment--></body></html>';
    const result = importPastedHtml(clipboard);
    expect(result.format).toBe('html');
    expect(result.blocks).toEqual([
      { type: 'heading', level: 3, text: 'Key figures' },
      { type: 'paragraph', text: 'The ILO estimates trafficking generates approximately US$32 billion per year.' },
      { type: 'list-item', level: 1, ordered: false, text: 'Asia: 56%' },
      { type: 'list-item', level: 1, ordered: false, text: 'Africa: 18%' },
      { type: 'list-item', level: 2, ordered: false, text: 'West Africa' },
    ]);
  });
});

describe('htmlBlocks: the allow-list converter', () => {
  it('collapses white space like a browser and keeps <br> as a line end', () => {
    expect(blocksOf('<p>  one\n\t two <em> three </em>four<br> five  <br/>six </p>')).toEqual([{ type: 'paragraph', text: 'one two three four\nfive\nsix' }]);
  });

  it('maps headings, quotes, preformatted text and anonymous blocks', () => {
    expect(blocksOf('<div>loose <b>text</b><h4>Head</h4>after</div><blockquote>bare<p>para</p></blockquote><pre>  a  b\n    c</pre>')).toEqual([
      { type: 'paragraph', text: 'loose text' },
      { type: 'heading', level: 4, text: 'Head' },
      { type: 'paragraph', text: 'after' },
      { type: 'quote', text: 'bare' },
      { type: 'quote', text: 'para' },
      { type: 'preformatted', text: '  a  b\n    c' },
    ]);
  });

  it('gives list items their nesting depth and kind, and keeps paragraphs inside items as items', () => {
    expect(blocksOf('<ol><li>one<ul><li><p>a</p><p>b</p></li></ul>tail</li></ol>')).toEqual([
      { type: 'list-item', level: 1, ordered: true, text: 'one' },
      { type: 'list-item', level: 2, ordered: false, text: 'a' },
      { type: 'list-item', level: 2, ordered: false, text: 'b' },
      { type: 'list-item', level: 1, ordered: true, text: 'tail' },
    ]);
  });

  it('turns tables into one paragraph per row, cells joined by tabs', () => {
    const table =
      '<table><caption>Workers</caption><thead><tr><th>Port</th><th>Count</th></tr></thead><tbody><tr><td><p>North</p><p>quay</p></td><td>9<br>00</td></tr><tr><td></td><td></td></tr></tbody></table>';
    expect(blocksOf(table).map((b) => b.text)).toEqual(['Workers', 'Port\tCount', 'North quay\t9 00']);
  });

  it('drops navigation, asides, footers, forms, media and hidden elements with their text', () => {
    const html =
      '<nav>Menu</nav><aside>Aside</aside><footer>Foot</footer><form>Form text</form><svg><text>svg</text></svg><iframe>frame</iframe>' +
      '<object>obj</object><p hidden>hidden</p><p aria-hidden="true">aria</p><script>code</script><style>p{}</style><p>kept</p>';
    expect(blocksOf(html)).toEqual([{ type: 'paragraph', text: 'kept' }]);
  });

  it('drops documented boilerplate lines and link lists, keeps prose that merely resembles them', () => {
    const html = [
      '<p>Share this article</p>',
      '<p>Facebook | Twitter | Email</p>',
      '<p>See more at: http://example.org/x#sthash.abc.dpuf</p>',
      '<p>Read more: <a href="/x">Port pay talks collapse</a></p>',
      '<p>Advertisement</p>',
      '<p>Follow us on Twitter and Instagram</p>',
      '<p>Sign up for our morning newsletter</p>',
      '<p>We use cookies to give you the best experience.</p>',
      '<p>12 comments</p>',
      '<h2>Related stories</h2>',
      '<p><a href="/a">Labour</a> <a href="/b">Ports</a> <a href="/c">Strikes</a></p>',
      '<li><a href="/home">Home</a></li>',
      '<p>Share prices fell 3% after the strike.</p>',
      '<p>The newsletter industry, the union said, has not been affected.</p>',
      '<p>Source: <a href="https://ilo.example/report">ILO, Profits and Poverty: The Economics of Forced Labour (2014)</a></p>',
      '<p>Wages have not risen. - See more at: http://example.org/x#sthash.Xy.dpuf</p>',
    ].join('');
    expect(blocksOf(html).map((b) => b.text)).toEqual([
      'Share prices fell 3% after the strike.',
      'The newsletter industry, the union said, has not been affected.',
      'Source: ILO, Profits and Poverty: The Economics of Forced Labour (2014)',
      'Wages have not risen.',
    ]);
  });
});
