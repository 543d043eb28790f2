// One Gloss annotation as a W3C Web Annotation: the document as target with quote and position
// selectors, and as bodies its tags, note, kind, sources and figures.
import type { Annotation, DocumentRecord, Kind, Source } from '../../../shared/model';
import { documentIri, kindIri, uuidIri } from './ids';
import { motivationOf } from './motivation';
import { toCodePoints } from './positions';
import type { FigureBody, SourceBody, W3cAnnotation, W3cBody, W3cTarget } from './types';

/** Where the document lives on the web, else its stable Gloss IRI. */
export function documentSource(doc: DocumentRecord): string {
  const url = [doc.csl.URL, doc.origin.finalUrl, doc.origin.url].find((u): u is string => typeof u === 'string' && /^https?:\/\//i.test(u));
  return url ?? documentIri(doc.id);
}

function target(doc: DocumentRecord, a: Annotation): W3cTarget {
  const quote = { type: 'TextQuoteSelector' as const, exact: a.exact, prefix: a.prefix, suffix: a.suffix };
  // An orphan's offsets point into a text that no longer exists; only its quote still means something.
  const selector: W3cTarget['selector'] =
    a.anchor === 'orphaned' ? [quote] : [quote, { type: 'TextPositionSelector', start: toCodePoints(doc.text, a.start), end: toCodePoints(doc.text, a.end) }];
  return { type: 'SpecificResource', source: documentSource(doc), ...(doc.contentHash ? { contentHash: `sha256:${doc.contentHash}` } : {}), selector };
}

function sourceBodies(a: Annotation, sources: Map<string, Source>): SourceBody[] {
  return a.sources.map((link) => {
    const s = sources.get(link.sourceId);
    return {
      type: 'GlossSource',
      id: uuidIri(link.sourceId),
      sourceName: s?.name ?? link.name,
      sourceKind: s?.kind ?? 'organisation',
      acronym: s?.acronym ?? null,
      aliases: s?.aliases ?? [],
      sourceUrl: s?.url ?? null,
      sourceRole: link.role,
      sourceLocator: link.locator,
    };
  });
}

function figureBodies(a: Annotation): FigureBody[] {
  return a.figures.map((f) => ({
    type: 'GlossFigure',
    id: uuidIri(f.id),
    surface: f.surface,
    surfaceStart: f.start,
    surfaceEnd: f.end,
    amount: f.value,
    low: f.low,
    high: f.high,
    unit: f.unit,
    scale: f.scale,
    normalized: f.normalized,
    normalizedLow: f.normalizedLow,
    normalizedHigh: f.normalizedHigh,
    period: f.period,
    timeStart: f.timeStart,
    timeEnd: f.timeEnd,
    qualifier: f.qualifier,
    subject: f.subject,
  }));
}

export function toW3cAnnotation(doc: DocumentRecord, a: Annotation, kinds: ReadonlyMap<string, Kind>, sources: Map<string, Source>): W3cAnnotation {
  const kind = kinds.get(a.kindId);
  const body: W3cBody[] = [
    { type: 'GlossKind', id: kindIri(a.kindId), kindName: kind?.name ?? a.kindId, kindColor: kind?.color ?? '#999999' },
    ...a.tags.map((t) => ({ type: 'TextualBody' as const, purpose: 'tagging' as const, value: t.name, format: 'text/plain' as const })),
    ...(a.note.trim() === '' ? [] : [{ type: 'TextualBody' as const, purpose: 'commenting' as const, value: a.note, format: 'text/markdown' as const }]),
    ...sourceBodies(a, sources),
    ...figureBodies(a),
  ];
  return {
    id: uuidIri(a.id),
    type: 'Annotation',
    created: a.createdAt,
    modified: a.updatedAt,
    motivation: motivationOf(a),
    claimStatus: a.status,
    anchorStatus: a.anchor,
    body,
    target: target(doc, a),
  };
}
