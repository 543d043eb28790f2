import { describe, expect, it } from 'vitest';
import { deepLink, deepLinkInArgs, routeOfDeepLink } from '../../../src/shared/deep-link';

const DOC = '01930c6e-7b1a-7000-8000-000000000001';
const ANN = '01930c6e-7b1a-7000-8000-0000000000aa';

describe('gloss:// deep links', () => {
  it('round-trips a document and an annotation link into the window route', () => {
    expect(deepLink(DOC, ANN)).toBe(`gloss://documents/${DOC}/a/${ANN}`);
    expect(routeOfDeepLink(deepLink(DOC, ANN))).toBe(`#/documents/${DOC}/a/${ANN}`);
    expect(routeOfDeepLink(deepLink(DOC))).toBe(`#/documents/${DOC}`);
  });

  it.each([
    ['another scheme', `https://documents/${DOC}`],
    ['another host', `gloss://sources/${DOC}`],
    ['a query', `gloss://documents/${DOC}?x=1`],
    ['a fragment', `gloss://documents/${DOC}#/tags`],
    ['credentials', `gloss://user:pw@documents/${DOC}`],
    ['a path that climbs', `gloss://documents/../../etc/passwd`],
    ['a dot segment before an id', `gloss://documents/../${DOC}`],
    ['an encoded slash', `gloss://documents/${DOC}%2Fa%2Fx`],
    ['an id with markup', `gloss://documents/<script>`],
    ['extra segments', `gloss://documents/${DOC}/a/${ANN}/x`],
    ['a wrong segment', `gloss://documents/${DOC}/b/${ANN}`],
    ['nothing', `gloss://documents/`],
    ['not a URL', 'gloss:'],
  ])('ignores %s', (_label, link) => {
    expect(routeOfDeepLink(link)).toBeNull();
  });

  it('finds the link among the arguments a second instance was started with', () => {
    expect(deepLinkInArgs(['/opt/Gloss/gloss', '--no-sandbox', `GLOSS://documents/${DOC}`])).toBe(`GLOSS://documents/${DOC}`);
    expect(deepLinkInArgs(['/opt/Gloss/gloss', '--user-data-dir=/tmp/x'])).toBeNull();
  });
});
