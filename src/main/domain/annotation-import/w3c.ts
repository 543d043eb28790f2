// Reads W3C Web Annotation JSON-LD: Gloss's own export (an AnnotationCollection with its page
// embedded) and what other tools write (a single Annotation, an AnnotationPage, or an array of
// annotations). The JSON is read in its compacted form against the W3C context and Gloss's
// context (src/main/export/w3c/context.ts); no remote context is ever fetched.
//
// An annotation is imported when one of its targets quotes text (a TextQuoteSelector); one that
// selects otherwise (a region of an image, a whole page) is skipped with its reason. Structural
// faults anywhere refuse the whole file, so nothing half-read reaches the library.
import { z } from 'zod';
import { figureSchema } from '../../../shared/figures';
import { SCALES, PERIODS, QUALIFIERS } from '../../../shared/figures/types';
import { GlossError } from '../../../shared/errors';
import { idFromIri } from '../../export/w3c/ids';
import { kindForMotivation } from '../../export/w3c/motivation';
import { invalidFile, parseJsonFile } from './errors';
import type { IncomingAnnotation, IncomingSource, ParsedFile } from './types';

const FORMAT = 'W3C Web Annotation';

const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
const when = z.iso.datetime({ offset: true, message: 'must be a date and time with its time zone (xsd:dateTime)' });
const text = z.string();

const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: text.min(1, 'the quoted text is empty'),
  prefix: text.optional(),
  suffix: text.optional(),
});
const positionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, { message: 'end comes before start', path: ['end'] });

const textualBody = z.object({
  type: z.literal('TextualBody'),
  value: text,
  purpose: z.string().optional(),
  format: z.string().optional(),
  language: z.string().optional(),
});
const kindBody = z.object({ type: z.literal('GlossKind'), id: z.string().min(1), kindName: text.min(1), kindColor: z.string().optional() });
const sourceBody = z.object({
  type: z.literal('GlossSource'),
  id: z.string().min(1).optional(),
  sourceName: text.trim().min(1, 'a source needs a name'),
  sourceKind: z.enum(['organisation', 'person', 'report', 'dataset', 'news-outlet', 'web-page']).default('organisation'),
  acronym: text.nullable().default(null),
  aliases: z.array(text).default([]),
  sourceUrl: z.string().nullable().default(null),
  sourceRole: z.enum(['attributed-to', 'cites', 'published-by']).default('attributed-to'),
  sourceLocator: text.nullable().default(null),
});
const amount = z.number().nullable().default(null);
const figureBody = z.object({
  type: z.literal('GlossFigure'),
  id: z.string().min(1).optional(),
  surface: text,
  surfaceStart: z.number().int().nonnegative(),
  surfaceEnd: z.number().int().nonnegative(),
  amount,
  low: amount,
  high: amount,
  unit: text,
  scale: z.enum(SCALES).nullable().default(null),
  normalized: amount,
  normalizedLow: amount,
  normalizedHigh: amount,
  period: z.enum(PERIODS).nullable().default(null),
  timeStart: z.string().nullable().default(null),
  timeEnd: z.string().nullable().default(null),
  qualifier: z.enum(QUALIFIERS).nullable().default(null),
  subject: text.nullable().default(null),
});

/** Checks the parts Gloss reads in full; other kinds of selector and body pass through unread. */
function typed(schemas: Record<string, z.ZodType>) {
  return z.looseObject({ type: z.string().optional() }).superRefine((value, ctx) => {
    const schema = value.type === undefined ? undefined : schemas[value.type];
    const result = schema?.safeParse(value);
    if (result && !result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
}

const selector = typed({ TextQuoteSelector: quoteSelector, TextPositionSelector: positionSelector });
const body = z.union([z.string(), typed({ TextualBody: textualBody, GlossKind: kindBody, GlossSource: sourceBody, GlossFigure: figureBody })]);
const target = z.union([
  z.string(),
  z.looseObject({
    id: z.string().optional(),
    source: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
    contentHash: z.string().optional(),
    selector: oneOrMore(selector).optional(),
  }),
]);

const annotationSchema = z.looseObject({
  id: z.string().min(1, 'an annotation needs an id'),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'), 'must include Annotation')]),
  created: when.optional(),
  modified: when.optional(),
  motivation: oneOrMore(z.string()).optional(),
  claimStatus: z.enum(['unverified', 'checked', 'disputed']).optional(),
  anchorStatus: z.enum(['anchored', 'moved', 'fuzzy', 'orphaned']).optional(),
  bodyValue: text.optional(),
  body: oneOrMore(body).optional(),
  target: oneOrMore(target).refine((t) => t.length > 0, 'an annotation needs a target'),
});
type W3cInput = z.output<typeof annotationSchema>;

/** The annotations of whatever shape the file has, still unchecked. */
function items(json: unknown, name: string): unknown[] {
  if (Array.isArray(json)) return json;
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : null;
  const type = object?.type;
  const is = (t: string) => type === t || (Array.isArray(type) && type.includes(t));
  if (object && is('Annotation')) return [object];
  if (object && is('AnnotationPage') && Array.isArray(object.items)) return object.items;
  if (object && is('AnnotationCollection')) {
    const first = object.first as Record<string, unknown> | string | undefined;
    if (first === undefined && object.total === 0) return [];
    if (typeof first === 'object' && first !== null && Array.isArray(first.items)) return first.items;
    throw new GlossError({
      code: 'validation',
      message: `“${name}” is an AnnotationCollection whose pages are not in the file (its first page is ${typeof first === 'string' ? `only linked, ${first}` : 'missing'}). Gloss reads collections with their annotations embedded; nothing was imported.`,
    });
  }
  throw new GlossError({
    code: 'validation',
    message: `“${name}” is not a ${FORMAT} file: it should hold an Annotation, an AnnotationPage, an AnnotationCollection or a list of annotations. Nothing was imported.`,
  });
}

function sourceOf(t: Exclude<z.output<typeof target>, string>): string | null {
  if (typeof t.source === 'string') return t.source;
  return t.source?.id ?? t.id ?? null;
}

function toIncoming(a: W3cInput, index: number): IncomingAnnotation | { skip: string } {
  const targets = a.target.filter((t): t is Exclude<typeof t, string> => typeof t !== 'string');
  const quoted = targets.find((t) => t.selector?.some((s) => s.type === 'TextQuoteSelector') && sourceOf(t) !== null);
  if (!quoted) return { skip: 'it quotes no text (no TextQuoteSelector on a target with a source), so there is nothing to attach it to' };
  const selectors = quoted.selector ?? [];
  const quote = quoteSelector.parse(selectors.find((s) => s.type === 'TextQuoteSelector'));
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const bodies = (a.body ?? []).filter((b): b is Exclude<typeof b, string> => typeof b !== 'string');
  const ofType = <S extends z.ZodType>(type: string, schema: S) => bodies.filter((b) => b.type === type).map((b) => schema.parse(b) as z.output<S>);
  const kind = ofType('GlossKind', kindBody)[0];
  const textual = ofType('TextualBody', textualBody);
  const notes = [
    ...(a.bodyValue === undefined ? [] : [a.bodyValue]),
    // Commenting, describing, assessing…: whatever the reader wrote that is not a tag is their note.
    ...textual.filter((b) => b.purpose !== 'tagging' && b.value.trim() !== '').map((b) => b.value),
  ];
  const sources: IncomingSource[] = ofType('GlossSource', sourceBody).map((s) => ({
    id: s.id ? idFromIri(s.id) : null,
    name: s.sourceName,
    kind: s.sourceKind,
    acronym: s.acronym,
    aliases: s.aliases,
    url: s.sourceUrl,
    role: s.sourceRole,
    locator: s.sourceLocator,
  }));
  const figures = ofType('GlossFigure', figureBody).map((f, n) => {
    const figure = figureSchema.safeParse({
      surface: f.surface,
      start: f.surfaceStart,
      end: f.surfaceEnd,
      value: f.amount,
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
    });
    if (!figure.success) {
      throw new z.ZodError(figure.error.issues.map((issue) => ({ ...issue, path: [index, 'body', `figure ${n + 1}`, ...issue.path] })));
    }
    return f.id ? { ...figure.data, id: idFromIri(f.id) } : figure.data;
  });
  const kindId = kind ? (/^urn:gloss:kind:(.+)$/.exec(kind.id)?.[1] ?? null) : null;
  return {
    id: idFromIri(a.id),
    label: a.id,
    source: sourceOf(quoted)!,
    contentHash: quoted.contentHash ?? null,
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: position ? { start: Number(position.start), end: Number(position.end) } : null,
    kind: { id: kindId, name: kind?.kindName ?? null, color: kind?.kindColor ?? null },
    fallbackKindId: kindForMotivation(a.motivation?.[0] ?? null),
    status: a.claimStatus ?? 'unverified',
    anchor: a.anchorStatus ?? null,
    note: notes.join('\n\n'),
    tags: textual.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    sources,
    figures,
    created: a.created ?? null,
    modified: a.modified ?? null,
  };
}

export function readW3c(raw: string, name: string): ParsedFile {
  const list = items(parseJsonFile(raw, FORMAT, name), name);
  const parsed = z.array(annotationSchema).safeParse(list);
  if (!parsed.success) throw invalidFile(FORMAT, name, parsed.error);
  const out: ParsedFile = { annotations: [], skipped: [] };
  try {
    parsed.data.forEach((a, index) => {
      const incoming = toIncoming(a, index);
      if ('skip' in incoming) out.skipped.push({ id: a.id, reason: incoming.skip });
      else out.annotations.push(incoming);
    });
  } catch (error) {
    if (error instanceof z.ZodError) throw invalidFile(FORMAT, name, error);
    throw error;
  }
  return out;
}
