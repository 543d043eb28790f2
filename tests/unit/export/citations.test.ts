// Golden tests of the bundled citation styles. Every expected string below was written by hand
// from the style's manual, never taken from Gloss's output; the comment beside each names the
// rule it follows. Where the shipped CSL style (or citeproc-js) does not do what the manual says,
// the case states the rule, carries a `deviation` saying why they differ, and runs as `it.fails`:
// it keeps asserting the manual, and turns red the day the style starts to follow it.
import { describe, expect, it } from 'vitest';
import { createCitationProcessor } from '../../../src/main/export/citations/processor';
import { runsText } from '../../../src/main/export/citations/runs';
import { BUNDLED_STYLE_IDS, listStyles } from '../../../src/main/export/citations/styles';
import type { CitationProcessor, Run } from '../../../src/main/export/types';
import { LIBRARY } from '../../fixtures/export/library';

interface Expected {
  text: string;
  /** Text that the manual sets in italics (titles of whole works, container titles). */
  italic?: string[];
  /** Why the shipped style gives something else; the case then runs as it.fails. */
  deviation?: string;
}

interface StyleExpectations {
  title: string;
  /** The item ids in the order the manual sorts the reference list. */
  order: string[];
  references: Record<string, Expected>;
  /** An in-text citation of each item with the locator page 3. */
  citations: Record<string, Expected>;
}

const ILO_URL = 'https://www.ilo.org/global/publications/books/WCMS_243391/lang--en/index.htm';
const FT_URL = 'https://www.ft.com/content/thai-fishing-trafficked-migrants';
const WALK_FREE_URL = 'https://www.walkfree.org/global-slavery-index/';
const DOI_URL = 'https://doi.org/10.1007/s11292-017-9321-3';

const APA: StyleExpectations = {
  title: 'APA Style 7th edition',
  // APA 7 §9.43–9.48: alphabetical by first author's surname, letter by letter; a group author by
  // its full name; same author and year ordered by title. APA expects non-Latin names transliterated;
  // left in their scripts they collate after the Latin alphabet, Cyrillic before Chinese.
  order: ['journal', 'news', 'ilo-2014', 'okafor-debt', 'okafor-mines', 'web', 'ivanova', 'wang'],
  references: {
    // APA 7 §10.1 (newspaper article online): full date (year, month day); newspaper in italics; URL; no retrieval date (§9.16).
    news: {
      text: `Hodal, K. (2016, February 25). Thai fishing industry still relies on trafficked migrants, report finds. Financial Times. ${FT_URL}`,
      italic: ['Financial Times'],
    },
    // APA 7 §9.11 group author spelled out as author; §10.4 report; §9.29: when the author and publisher are the same, omit the publisher.
    'ilo-2014': {
      text: `International Labour Organization. (2014). Profits and poverty. ${ILO_URL}`,
      italic: ['Profits and poverty'],
      deviation: 'The CSL style cannot tell that the publisher "ILO" is the group author "International Labour Organization", so it prints the publisher.',
    },
    // APA 7 §9.8 (up to 20 authors, "&" before the last), §10.1 journal article: journal and volume in italics, issue in parentheses, en dash in the page range (§6.6), DOI as a URL (§9.35).
    journal: {
      text: `Cockbain, E., Bowers, K., & Dimitrova, G. (2018). Human trafficking for labour exploitation. Journal of Experimental Criminology, 14(3), 319–360. ${DOI_URL}`,
      italic: ['Journal of Experimental Criminology', '14'],
    },
    // APA 7 §9.17: no date → "n.d."; §9.16: retrieval date for a page designed to change; §10.16 webpage title in italics.
    web: {
      text: `Walk Free. (n.d.). Global Slavery Index. Retrieved March 12, 2024, from ${WALK_FREE_URL}`,
      italic: ['Global Slavery Index'],
    },
    // APA 7 §9.46: same author, same year → 2014a, 2014b assigned in title order; §10.2 book: title in italics, publisher without location (§9.29).
    'okafor-debt': { text: 'Okafor, C. (2014a). Debt bondage and recruitment fees. Zed Books.', italic: ['Debt bondage and recruitment fees'] },
    'okafor-mines': { text: 'Okafor, C. (2014b). Forced labour in West African mines. Zed Books.', italic: ['Forced labour in West African mines'] },
    // APA 7 §9.8: surname, comma, initials with a period and a space — applied to the Cyrillic name as written (§9.38's transliteration is the item data's job).
    ivanova: { text: 'Иванова, М. П. (2017). Трудовая миграция. Наука.' },
    // CSL 1.0.2 name-part order for names in Chinese script: family then given, no comma, never initialised (APA 7 §9.8: names as the author writes them).
    wang: { text: '王小明. (2019). 劳务派遣与强迫劳动. 社会科学文献出版社.' },
  },
  citations: {
    // APA 7 §8.11 author–date, §8.13 page locator "p."
    news: { text: '(Hodal, 2016, p. 3)' },
    // APA 7 §8.21: group author written in full.
    'ilo-2014': { text: '(International Labour Organization, 2014, p. 3)' },
    // APA 7 §8.17: three or more authors → first author "et al." from the first citation.
    journal: { text: '(Cockbain et al., 2018, p. 3)' },
    // APA 7 §8.11/§9.17: "n.d." in place of the year.
    web: { text: '(Walk Free, n.d., p. 3)' },
    // APA 7 §8.19: the year with its letter.
    'okafor-debt': { text: '(Okafor, 2014a, p. 3)' },
    'okafor-mines': { text: '(Okafor, 2014b, p. 3)' },
    // APA 7 §8.17: surname only.
    ivanova: { text: '(Иванова, 2017, p. 3)' },
    wang: { text: '(王, 2019, p. 3)' },
  },
};

const CHICAGO: StyleExpectations = {
  title: 'Chicago Manual of Style 17th edition (author-date)',
  // CMOS 17 ch. 15 (reference lists): alphabetical by author; same author, same year ordered by title with letters.
  order: ['journal', 'news', 'ilo-2014', 'okafor-debt', 'okafor-mines', 'web', 'ivanova', 'wang'],
  references: {
    // CMOS 17 §15.9 reference-list form, §8.159 headline-style capitalisation of English titles, §14.191 newspapers: month day, year after the paper's name; no access date when the item is dated (§14.12).
    news: {
      text: `Hodal, Kate. 2016. “Thai Fishing Industry Still Relies on Trafficked Migrants, Report Finds.” Financial Times, February 25, 2016. ${FT_URL}.`,
      italic: ['Financial Times'],
    },
    // CMOS 17 §15.36 organisation as author; ch. 14, reports and working papers: styled like books, title in italics, place: publisher.
    'ilo-2014': {
      text: `International Labour Organization. 2014. Profits and Poverty. Geneva: ILO. ${ILO_URL}.`,
      italic: ['Profits and Poverty'],
      deviation: 'The shipped chicago-author-date style (2018 revision) sets a report’s title in quotation marks instead of italics.',
    },
    // CMOS 17 §15.9 (all three authors, first inverted), §15.47 journal: volume (issue): pages; §9.61 page range abbreviated (319–60); §14.8 DOI as URL.
    journal: {
      text: `Cockbain, Ella, Kate Bowers, and Galina Dimitrova. 2018. “Human Trafficking for Labour Exploitation.” Journal of Experimental Criminology 14 (3): 319–60. ${DOI_URL}.`,
      italic: ['Journal of Experimental Criminology'],
    },
    // CMOS 17 §15.44 "n.d."; §14.12 access date for an undated web page; §14.206 title of a page in quotation marks.
    web: { text: `Walk Free. n.d. “Global Slavery Index.” Accessed March 12, 2024. ${WALK_FREE_URL}.`, italic: [] },
    // CMOS 17 §15.19 letters after the year; §15.17 a 3-em dash replaces the repeated name; ch. 14, books: place: publisher.
    'okafor-debt': { text: 'Okafor, Chidi. 2014a. Debt Bondage and Recruitment Fees. London: Zed Books.', italic: ['Debt Bondage and Recruitment Fees'] },
    'okafor-mines': { text: '———. 2014b. Forced Labour in West African Mines. London: Zed Books.', italic: ['Forced Labour in West African Mines'] },
    // CMOS 17 ch. 11 (Russian): titles capitalise only the first word and proper nouns; first author inverted, given name in full (§15.9).
    ivanova: { text: 'Иванова, Мария Петровна. 2017. Трудовая миграция. Москва: Наука.', italic: ['Трудовая миграция'] },
    // CMOS 17 §8.14: a Chinese name is family name first, not inverted; ch. 11: Chinese characters are not set in italics.
    wang: { text: '王小明. 2019. 劳务派遣与强迫劳动. 北京: 社会科学文献出版社.', italic: [] },
  },
  citations: {
    // CMOS 17 §15.22: (Author year, page) — no comma before the year, the page alone after a comma.
    news: { text: '(Hodal 2016, 3)' },
    'ilo-2014': { text: '(International Labour Organization 2014, 3)' },
    // CMOS 17 §15.29: up to three authors are all named in the text citation.
    journal: { text: '(Cockbain, Bowers, and Dimitrova 2018, 3)' },
    // CMOS 17 §15.44: "n.d." in place of the year.
    web: { text: '(Walk Free n.d., 3)' },
    // CMOS 17 §15.19: the letter follows the year in the text citation too.
    'okafor-debt': { text: '(Okafor 2014a, 3)' },
    'okafor-mines': { text: '(Okafor 2014b, 3)' },
    ivanova: { text: '(Иванова 2017, 3)' },
    wang: { text: '(王 2019, 3)' },
  },
};

const MLA: StyleExpectations = {
  title: 'Modern Language Association 9th edition',
  // MLA 9, works-cited list: alphabetical by the first element of each entry; one author's works by title.
  order: ['journal', 'news', 'ilo-2014', 'okafor-debt', 'okafor-mines', 'web', 'ivanova', 'wang'],
  references: {
    // MLA 9 core elements: Author. “Title of article.” Container, day month year with long months abbreviated, URL; no access date when the work is dated.
    news: {
      text: `Hodal, Kate. “Thai Fishing Industry Still Relies on Trafficked Migrants, Report Finds.” Financial Times, 25 Feb. 2016, ${FT_URL}.`,
      italic: ['Financial Times'],
    },
    // MLA 9, organisation as author: when an organisation is both author and publisher, start with the title and give the organisation only as publisher.
    'ilo-2014': {
      text: `Profits and Poverty. ILO, 2014, ${ILO_URL}.`,
      italic: ['Profits and Poverty'],
      deviation: 'The CSL style cannot tell that the publisher "ILO" is the author "International Labour Organization", so it keeps the author.',
    },
    // MLA 9: three or more authors → first author "et al."; vol., no., year, pp. with the second number to two digits; DOI as a URL.
    journal: {
      text: `Cockbain, Ella, et al. “Human Trafficking for Labour Exploitation.” Journal of Experimental Criminology, vol. 14, no. 3, 2018, pp. 319–60, ${DOI_URL}.`,
      italic: ['Journal of Experimental Criminology'],
    },
    // MLA 9, optional elements: no publication date → the date of access at the end.
    web: { text: `Walk Free. Global Slavery Index. ${WALK_FREE_URL}. Accessed 12 Mar. 2024.`, italic: ['Global Slavery Index'] },
    // MLA 9: three hyphens for the same author's next work; publisher without city.
    'okafor-debt': { text: 'Okafor, Chidi. Debt Bondage and Recruitment Fees. Zed Books, 2014.', italic: ['Debt Bondage and Recruitment Fees'] },
    'okafor-mines': { text: '---. Forced Labour in West African Mines. Zed Books, 2014.', italic: ['Forced Labour in West African Mines'] },
    // MLA 9: titles in languages other than English keep that language's capitalisation; names as written.
    ivanova: { text: 'Иванова, Мария Петровна. Трудовая миграция. Наука, 2017.', italic: ['Трудовая миграция'] },
    wang: { text: '王小明. 劳务派遣与强迫劳动. 社会科学文献出版社, 2019.' },
  },
  citations: {
    // MLA 9, in-text citations: (Author page) with no comma and no "p."
    news: { text: '(Hodal 3)' },
    // MLA 9, in-text citations: the citation begins with the entry's first element, here the title (see the reference above).
    'ilo-2014': {
      text: '(Profits and Poverty 3)',
      deviation: 'Follows from the reference keeping the organisation as author.',
    },
    journal: { text: '(Cockbain et al. 3)' },
    web: { text: '(Walk Free 3)' },
    // MLA 9, in-text citations: several works by one author → add a shortened title, in italics for a book.
    'okafor-debt': { text: '(Okafor, Debt Bondage 3)', italic: ['Debt Bondage'] },
    'okafor-mines': { text: '(Okafor, Forced Labour 3)', italic: ['Forced Labour'] },
    ivanova: { text: '(Иванова 3)' },
    wang: { text: '(王 3)' },
  },
};

const HARVARD: StyleExpectations = {
  title: 'Cite Them Right 12th edition (author-date/Harvard)',
  // Cite Them Right: alphabetical by author; same author and year by title with a, b.
  order: ['journal', 'news', 'ilo-2014', 'okafor-debt', 'okafor-mines', 'web', 'ivanova', 'wang'],
  references: {
    // Cite Them Right, newspaper article online: Surname, Initial. (Year) ‘Title’, Newspaper, day Month. Available at: URL (Accessed: day Month year).
    news: {
      text: `Hodal, K. (2016) ‘Thai fishing industry still relies on trafficked migrants, report finds’, Financial Times, 25 February. Available at: ${FT_URL} (Accessed: 12 March 2024).`,
      italic: ['Financial Times'],
    },
    // Cite Them Right, report by an organisation: Organisation (Year) Title. Place: Publisher. Available at: URL (Accessed: date).
    'ilo-2014': {
      text: `International Labour Organization (2014) Profits and poverty. Geneva: ILO. Available at: ${ILO_URL} (Accessed: 12 March 2024).`,
      italic: ['Profits and poverty'],
    },
    // Cite Them Right, journal article with DOI: up to three authors all named, "and" before the last; ‘title’, Journal, volume(issue), pp. range. Available at: DOI URL.
    journal: {
      text: `Cockbain, E., Bowers, K. and Dimitrova, G. (2018) ‘Human trafficking for labour exploitation’, Journal of Experimental Criminology, 14(3), pp. 319–360. Available at: ${DOI_URL}.`,
      italic: ['Journal of Experimental Criminology'],
    },
    // Cite Them Right: no date → "(no date)"; web page title in italics; access date always given.
    web: { text: `Walk Free (no date) Global Slavery Index. Available at: ${WALK_FREE_URL} (Accessed: 12 March 2024).`, italic: ['Global Slavery Index'] },
    // Cite Them Right, books: Surname, Initial. (Year) Title. Place: Publisher; letters for one author's works of one year.
    'okafor-debt': { text: 'Okafor, C. (2014a) Debt bondage and recruitment fees. London: Zed Books.', italic: ['Debt bondage and recruitment fees'] },
    'okafor-mines': { text: 'Okafor, C. (2014b) Forced labour in West African mines. London: Zed Books.', italic: ['Forced labour in West African mines'] },
    // Cite Them Right: initials closed up without spaces; the name as written in its script.
    ivanova: { text: 'Иванова, М.П. (2017) Трудовая миграция. Москва: Наука.', italic: ['Трудовая миграция'] },
    wang: { text: '王小明 (2019) 劳务派遣与强迫劳动. 北京: 社会科学文献出版社.' },
  },
  citations: {
    // Cite Them Right, citing in the text: (Surname, year, p. page).
    news: { text: '(Hodal, 2016, p. 3)' },
    'ilo-2014': { text: '(International Labour Organization, 2014, p. 3)' },
    // Cite Them Right: up to three authors named in the citation, "and" before the last.
    journal: { text: '(Cockbain, Bowers and Dimitrova, 2018, p. 3)' },
    web: { text: '(Walk Free, no date, p. 3)' },
    'okafor-debt': { text: '(Okafor, 2014a, p. 3)' },
    'okafor-mines': { text: '(Okafor, 2014b, p. 3)' },
    ivanova: { text: '(Иванова, 2017, p. 3)' },
    wang: { text: '(王, 2019, p. 3)' },
  },
};

const VANCOUVER: StyleExpectations = {
  title: 'NLM/Vancouver: Citing Medicine 2nd edition (citation-sequence)',
  // ICMJE/Citing Medicine: references numbered in the order they are first cited (here, the order given).
  order: ['news', 'ilo-2014', 'journal', 'web', 'okafor-mines', 'okafor-debt', 'wang', 'ivanova'],
  references: {
    // Citing Medicine, newspaper articles on the Internet: Author. Title. Newspaper [Internet]. Year Mon Day [cited year Mon day]. Available from: URL
    news: {
      text: `1. Hodal K. Thai fishing industry still relies on trafficked migrants, report finds. Financial Times [Internet]. 2016 Feb 25 [cited 2024 Mar 12]. Available from: ${FT_URL}`,
    },
    // Citing Medicine, reports on the Internet: Organisation. Title [Internet]. Place: Publisher; Year [cited date]. Available from: URL
    'ilo-2014': {
      text: `2. International Labour Organization. Profits and poverty [Internet]. Geneva: ILO; 2014 [cited 2024 Mar 12]. Available from: ${ILO_URL}`,
    },
    // Citing Medicine, journal articles: surname and initials without periods, abbreviated journal title (J Exp Criminol), Year;Vol(Issue):pages with a hyphen and repeated digits dropped, then the DOI.
    journal: {
      text: '3. Cockbain E, Bowers K, Dimitrova G. Human trafficking for labour exploitation. J Exp Criminol. 2018;14(3):319-60. doi:10.1007/s11292-017-9321-3',
      deviation: 'citeproc-js joins page ranges with the locale’s en dash; the style does not override it with the hyphen Citing Medicine prescribes.',
    },
    // Citing Medicine, homepages: begins with the title; unknown place and date are stated in brackets; [cited date]; Available from: URL
    web: {
      text: `4. Global Slavery Index [Internet]. [place unknown]: Walk Free; [date unknown] [cited 2024 Mar 12]. Available from: ${WALK_FREE_URL}`,
      deviation: 'The CSL style treats the site owner as author and leaves out the bracketed "[place unknown]" and "[date unknown]".',
    },
    // Citing Medicine, books: Author. Title. Place: Publisher; Year.
    'okafor-mines': { text: '5. Okafor C. Forced labour in West African mines. London: Zed Books; 2014.' },
    'okafor-debt': { text: '6. Okafor C. Debt bondage and recruitment fees. London: Zed Books; 2014.' },
    // CSL name order for Chinese script (family then given, closed up); Citing Medicine's romanisation is the item data's job.
    wang: { text: '7. 王小明. 劳务派遣与强迫劳动. 北京: 社会科学文献出版社; 2019.' },
    // Citing Medicine, names: surname then initials, no periods or spaces.
    ivanova: { text: '8. Иванова МП. Трудовая миграция. Москва: Наука; 2017.' },
  },
  citations: {
    // ICMJE: the reference's number in parentheses; Citing Medicine gives no form for a page, and this style leaves it out.
    news: { text: '(1)' },
    'ilo-2014': { text: '(2)' },
    journal: { text: '(3)' },
    web: { text: '(4)' },
    'okafor-mines': { text: '(5)' },
    'okafor-debt': { text: '(6)' },
    wang: { text: '(7)' },
    ivanova: { text: '(8)' },
  },
};

const EXPECTATIONS: Record<string, StyleExpectations> = {
  apa: APA,
  'chicago-author-date': CHICAGO,
  'modern-language-association': MLA,
  'harvard-cite-them-right': HARVARD,
  vancouver: VANCOUVER,
};

const italics = (runs: Run[]): string[] => runs.filter((run) => run.italic).map((run) => run.text);

// citeproc-js takes a while to build an engine from a style, so the tests share one per style,
// made with the whole library as an export would.
const processors = new Map<string, CitationProcessor>();
function processorFor(styleId: string): CitationProcessor {
  let processor = processors.get(styleId);
  if (!processor) processors.set(styleId, (processor = createCitationProcessor({ style: styleId, items: LIBRARY })));
  return processor;
}

describe('bundled citation styles', () => {
  it('offers the five bundled styles under their titles and locales', () => {
    const styles = listStyles().styles;
    expect(styles.map((style) => style.id)).toEqual(BUNDLED_STYLE_IDS);
    expect(styles.map((style) => [style.id, style.title, style.defaultLocale])).toEqual([
      ['apa', APA.title, 'en-US'],
      ['chicago-author-date', CHICAGO.title, 'en-US'],
      ['modern-language-association', MLA.title, 'en-US'],
      ['harvard-cite-them-right', HARVARD.title, 'en-GB'],
      ['vancouver', VANCOUVER.title, 'en-US'],
    ]);
  });

  for (const [styleId, expected] of Object.entries(EXPECTATIONS)) {
    describe(styleId, () => {
      const get = (): CitationProcessor => processorFor(styleId);

      it('names itself and sorts the bibliography as the manual does', () => {
        expect(get().styleTitle).toBe(expected.title);
        expect(get().order()).toEqual(expected.order);
      });

      for (const item of LIBRARY) {
        const reference = expected.references[item.id]!;
        const citation = expected.citations[item.id]!;
        (reference.deviation ? it.fails : it)(`formats the reference of ${item.id}`, () => {
          const runs = get().reference(item.id);
          expect(runsText(runs)).toBe(reference.text);
          if (reference.italic) expect(italics(runs)).toEqual(expect.arrayContaining(reference.italic));
          // Citing Medicine sets nothing in italics; `italic: []` marks a reference with no italic title.
          if (reference.italic?.length === 0 || styleId === 'vancouver') expect(italics(runs)).toEqual([]);
        });
        if (reference.deviation) {
          // The case above only shows that the text differs; this shows the reference is still made.
          it(`still formats a reference of ${item.id} that names its title`, () => {
            expect(runsText(get().reference(item.id)).toLowerCase()).toContain(String(item.title).toLowerCase());
          });
        }
        (citation.deviation ? it.fails : it)(`cites ${item.id} at page 3`, () => {
          const runs = get().citation(item.id, { label: 'page', value: '3' });
          expect(runsText(runs)).toBe(citation.text);
          if (citation.italic) expect(italics(runs)).toEqual(citation.italic);
        });
        if (citation.deviation) {
          it(`still cites ${item.id} with its page`, () => {
            expect(runsText(get().citation(item.id, { label: 'page', value: '3' }))).toMatch(/^\(.+ 3\)$/);
          });
        }
      }
    });
  }

  it('links URLs and DOIs in references, leaving sentence punctuation outside the link', () => {
    const processor = processorFor('chicago-author-date');
    const links = processor
      .reference('journal')
      .filter((run) => run.href)
      .map((run) => [run.text, run.href]);
    // CMOS 17 §14.175: the DOI as a URL, followed by the entry's closing period.
    expect(links).toEqual([[DOI_URL, DOI_URL]]);
    expect(runsText(processor.reference('journal')).endsWith(`${DOI_URL}.`)).toBe(true);
  });

  it('cites paragraphs with the label each manual uses', () => {
    const paragraph = { label: 'paragraph', value: '4' } as const;
    // APA 7 §8.13: "para." for a paragraph number.
    expect(runsText(processorFor('apa').citation('news', paragraph))).toBe('(Hodal, 2016, para. 4)');
    // CMOS 17 §15.22 with a paragraph in place of a page: "para." and the number.
    expect(runsText(processorFor('chicago-author-date').citation('news', paragraph))).toBe('(Hodal 2016, para. 4)');
    // Cite Them Right: "para." for works without page numbers.
    expect(runsText(processorFor('harvard-cite-them-right').citation('news', paragraph))).toBe('(Hodal, 2016, para. 4)');
  });

  // MLA 9, in-text citations: "par." (plural "pars.") after a comma for paragraph numbers. The shipped style prints citeproc's en-US
  // term "para." and runs it into the number ("para.4").
  it.fails('cites an MLA paragraph as the handbook does', () => {
    expect(runsText(processorFor('modern-language-association').citation('news', { label: 'paragraph', value: '4' }))).toBe('(Hodal, par. 4)');
  });

  it('cites without a locator', () => {
    // APA 7 §8.11: author and year alone.
    expect(runsText(processorFor('apa').citation('ilo-2014'))).toBe('(International Labour Organization, 2014)');
  });
});

describe('disambiguation over the whole item set', () => {
  it('gives 2014a/2014b even when a group holds only one of the two works', () => {
    const processor = processorFor('apa');
    // APA 7 §8.19: the letter belongs to the work wherever it is cited.
    expect(runsText(processor.citation('okafor-mines', { label: 'page', value: '3' }))).toBe('(Okafor, 2014b, p. 3)');
    expect(runsText(processor.reference('okafor-mines'))).toBe('Okafor, C. (2014b). Forced labour in West African mines. Zed Books.');
  });

  it('gives no letter when the set holds one work of that author and year', () => {
    const alone = LIBRARY.filter((item) => item.id !== 'okafor-debt');
    const processor = createCitationProcessor({ style: 'apa', items: alone });
    expect(runsText(processor.citation('okafor-mines', { label: 'page', value: '3' }))).toBe('(Okafor, 2014, p. 3)');
  });

  it('adds initials to tell apart authors who share a surname', () => {
    const items = [
      { id: 'j', type: 'book', title: 'Supply chains', author: [{ family: 'Smith', given: 'John' }], publisher: 'Polity', issued: { 'date-parts': [[2020]] } },
      { id: 'a', type: 'book', title: 'Debt and work', author: [{ family: 'Smith', given: 'Anna' }], publisher: 'Polity', issued: { 'date-parts': [[2020]] } },
    ];
    const processor = createCitationProcessor({ style: 'apa', items });
    // APA 7 §8.20: first authors with the same surname → their initials in every citation.
    expect(runsText(processor.citation('j'))).toBe('(J. Smith, 2020)');
    expect(runsText(processor.citation('a'))).toBe('(A. Smith, 2020)');
  });

  it('never inverts or initialises a corporate author', () => {
    for (const styleId of BUNDLED_STYLE_IDS) {
      const text = runsText(processorFor(styleId).reference('ilo-2014'));
      expect(text).toContain('International Labour Organization');
      expect(text).not.toMatch(/Organization, I|I\. ?L\. ?O\./);
    }
  });
});

describe('processors that share an engine', () => {
  it('keep their own items when used in turn', () => {
    const whole = processorFor('apa');
    const alone = createCitationProcessor({ style: 'apa', items: LIBRARY.filter((item) => item.id === 'okafor-mines') });
    const page = { label: 'page', value: '3' } as const;
    expect(runsText(whole.citation('okafor-mines', page))).toBe('(Okafor, 2014b, p. 3)');
    expect(runsText(alone.citation('okafor-mines', page))).toBe('(Okafor, 2014, p. 3)');
    expect(runsText(whole.citation('okafor-mines', page))).toBe('(Okafor, 2014b, p. 3)');
    expect(() => alone.citation('okafor-debt')).toThrow(/not part of this export/);
  });

  it('read an item afresh when its fields changed under the same id', () => {
    const news = LIBRARY.find((item) => item.id === 'news')!;
    const renamed = createCitationProcessor({ style: 'apa', items: [{ ...news, author: [{ family: 'Kelly', given: 'Annie' }] }] });
    expect(runsText(renamed.citation('news'))).toBe('(Kelly, 2016)');
    expect(runsText(processorFor('apa').citation('news'))).toBe('(Hodal, 2016)');
    expect(runsText(renamed.citation('news'))).toBe('(Kelly, 2016)');
  });

  it('number a citation-sequence style from 1 for each set', () => {
    processorFor('vancouver').citation('ivanova');
    const two = createCitationProcessor({ style: 'vancouver', items: LIBRARY.filter((item) => item.id === 'web' || item.id === 'wang') });
    // Citing Medicine: numbered in the order of first citation, from 1.
    expect(two.order()).toEqual(['web', 'wang']);
    expect(runsText(two.citation('wang'))).toBe('(2)');
    expect(runsText(two.reference('web')).startsWith('1. Walk Free.')).toBe(true);
  });
});

describe('processor errors', () => {
  it('refuses an unknown style id with the ids it knows', () => {
    expect(() => createCitationProcessor({ style: 'apa-6th', items: LIBRARY })).toThrow(/no citation style “apa-6th”.*apa, chicago-author-date/);
  });

  it('refuses an item that is not part of the set', () => {
    const processor = processorFor('apa');
    expect(() => processor.reference('missing')).toThrow(/“missing” is not part of this export/);
    expect(() => processor.citation('missing')).toThrow(/“missing” is not part of this export/);
  });

  it('hands out copies of its runs', () => {
    const processor = processorFor('apa');
    processor.reference('news')[0]!.text = 'changed';
    expect(runsText(processor.reference('news')).startsWith('Hodal')).toBe(true);
  });
});
