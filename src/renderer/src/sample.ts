// The sample document offered by the empty library: a short, invented news story with attributed
// figures to practise on. Every name and number in it is made up, and it says so.
import type { Input } from '../../shared/api';

const TITLE = 'Sample: Money sent home keeps Marren Valley villages afloat, report finds';

const TEXT = `# ${TITLE}

This is a sample document written for Gloss. The region, the organisations, the people and the figures in it are invented.

Workers who left the Marren Valley for farm, care and building jobs abroad now send home an estimated €410 million a year, according to a report published on Tuesday by the Coastal Labour Observatory, an independent research group based in the regional capital.

The sum is larger than the value of everything the valley's farms produce, the report says, and it has grown quickly. Departures from the region rose by 38 percent between 2019 and 2024, the Observatory found, using residence records supplied by the regional statistics office.

> Almost every family in the upper valley now has someone working elsewhere. The money pays for school fees, roofs and medical bills. But the villages get older and emptier every winter.

That is how Ilse Varga, the report's lead author, described the change at its launch.

## Who leaves, and who helps

Most of those who leave are men between 20 and 40, the report says, although the share of women working in care and hospitality has grown. Many travel on short contracts arranged by private agencies, some of which charge fees the Observatory calls "hard to justify".

The Harbour Workers' Centre, a charity that advises migrants before and after they travel, said it assisted 2,350 people last year, most of them over unpaid wages or lost documents. Its director, Tomas Reyes, said the real need was "several times higher" than the centre could meet.

## A disputed estimate

Not everyone accepts the Observatory's figures. The regional development agency puts the money sent home closer to €300 million a year, and says the report counts some transfers twice. The Observatory said it stood by its method, which combines bank data with a survey of 1,200 households.

The regional council is expected to debate a proposal for a public advice office for migrant workers in the spring. Its sponsors say the office would cost about €1.5 million a year.
`;

export const SAMPLE_DOCUMENT: Input<'documents.create'> = {
  title: TITLE,
  text: TEXT,
  format: 'markdown',
  csl: {
    type: 'article-newspaper',
    title: TITLE,
    'container-title': 'Gloss sample (fictional)',
    issued: { 'date-parts': [[2025, 3, 18]] },
    language: 'en',
  },
};
