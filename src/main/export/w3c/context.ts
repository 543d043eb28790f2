// The JSON-LD contexts of Gloss's W3C export. The W3C Web Annotation context is named by its IRI
// (JSON-LD processors know it, and Gloss never fetches it); Gloss's own terms are defined inline
// in this object, embedded in every file, so the file explains itself offline.
//
// Gloss terms live under the `urn:gloss:vocab:` namespace: a URN, because nothing is served and
// nothing should ever try to dereference them. Names that the W3C context already defines
// (`value`, `start`, `end`, `source`, `name`) are avoided, so the two contexts never compete.

export const W3C_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export const GLOSS_NAMESPACE = 'urn:gloss:vocab:';

export const GLOSS_CONTEXT = {
  gloss: GLOSS_NAMESPACE,
  xsd: 'http://www.w3.org/2001/XMLSchema#',

  // Annotation: how far the claim has been checked (unverified, checked, disputed).
  claimStatus: { '@id': 'gloss:claimStatus' },
  // Annotation: how it sits in the current text (anchored, moved, fuzzy; orphaned when it lost its place).
  anchorStatus: { '@id': 'gloss:anchorStatus' },
  // Target: the SHA-256 of the document's canonical text, hex, which the selectors refer to.
  contentHash: { '@id': 'gloss:contentHash' },

  // Body class: the annotation's kind (Claim, Figure, Quote, Question, Note or one of the user's).
  GlossKind: 'gloss:Kind',
  kindName: { '@id': 'gloss:kindName' },
  kindColor: { '@id': 'gloss:kindColor' },

  // Body class: a source the claim comes from (organisation, person, report, dataset, outlet, page).
  GlossSource: 'gloss:Source',
  sourceName: { '@id': 'gloss:sourceName' },
  // One of organisation, person, report, dataset, news-outlet, web-page.
  sourceKind: { '@id': 'gloss:sourceKind' },
  acronym: { '@id': 'gloss:acronym' },
  aliases: { '@id': 'gloss:alias', '@container': '@set' },
  sourceUrl: { '@id': 'gloss:sourceUrl', '@type': '@id' },
  // How the claim relates to the source: attributed-to, cites, published-by.
  sourceRole: { '@id': 'gloss:sourceRole' },
  // Where in the source, in the person's words ("table 2", "p. 14").
  sourceLocator: { '@id': 'gloss:sourceLocator' },

  // Body class: a figure the claim states, with every field of Gloss's figure record.
  GlossFigure: 'gloss:Figure',
  // The words the figure was read from, and their UTF-16 offsets within the quote.
  surface: { '@id': 'gloss:surface' },
  surfaceStart: { '@id': 'gloss:surfaceStart', '@type': 'xsd:nonNegativeInteger' },
  surfaceEnd: { '@id': 'gloss:surfaceEnd', '@type': 'xsd:nonNegativeInteger' },
  // The number as written before its scale (32 for "US$32 billion"); null for a range.
  amount: { '@id': 'gloss:amount' },
  // A range's ends, in the same scale.
  low: { '@id': 'gloss:low' },
  high: { '@id': 'gloss:high' },
  // An ISO 4217 code, 'percent', a plural counted noun, a time unit or 'count'.
  unit: { '@id': 'gloss:unit' },
  // thousand, million, billion or trillion.
  scale: { '@id': 'gloss:scale' },
  // The amount (or the range's ends) times the scale, for comparing figures across documents.
  normalized: { '@id': 'gloss:normalized' },
  normalizedLow: { '@id': 'gloss:normalizedLow' },
  normalizedHigh: { '@id': 'gloss:normalizedHigh' },
  // A rate: per day, per week, per month, per year.
  period: { '@id': 'gloss:period' },
  // The year or span the figure refers to: YYYY, YYYY-MM or YYYY-MM-DD.
  timeStart: { '@id': 'gloss:timeStart' },
  timeEnd: { '@id': 'gloss:timeEnd' },
  // approximately, more than, less than, at least, at most, up to, some, nearly, exactly.
  qualifier: { '@id': 'gloss:qualifier' },
  // What is counted or what the money is, when the text says.
  subject: { '@id': 'gloss:subject' },
} as const;

export const EXPORT_CONTEXT = [W3C_ANNOTATION_CONTEXT, GLOSS_CONTEXT] as const;
