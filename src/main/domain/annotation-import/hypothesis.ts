// Reads Hypothesis's JSON: a list of annotations as its export writes them, or the API's search
// answer ({ total, rows: [...] }). Each annotation has a uri, targets with selectors
// (RangeSelector, TextPositionSelector, TextQuoteSelector), the note as `text`, tags, and
// created/updated times.
//
// Decided: a page note (a target without selectors) and a reply (`references` set) are skipped,
// each with its reason. Gloss annotations are passages of a document; a page note has no passage,
// and turning it into a zero-length highlight would give the reader a card that points nowhere.
//
// Hypothesis counts positions over the text of the page as the browser rendered it, which is
// not Gloss's canonical text; the quote and its context decide, the position only breaks ties.
// Highlights without a note become Quotes, annotations with one Notes.
import { z } from 'zod';
import { GlossError } from '../../../shared/errors';
import { nameUuid } from '../../export/w3c/ids';
import { invalidFile, parseJsonFile } from './errors';
import type { IncomingAnnotation, ParsedFile } from './types';

const FORMAT = 'Hypothesis';

const quoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() });
const positionSelector = z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

const selector = z.looseObject({ type: z.string() }).superRefine((value, ctx) => {
  const schema = value.type === 'TextQuoteSelector' ? quoteSelector : value.type === 'TextPositionSelector' ? positionSelector : null;
  const result = schema?.safeParse(value);
  if (result && !result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

const when = z.iso.datetime({ offset: true, message: 'must be a date and time with its time zone' });

const annotationSchema = z.looseObject({
  id: z.string().min(1, 'an annotation needs an id'),
  uri: z.string().min(1, 'an annotation needs the uri of its page'),
  text: z.string().default(''),
  tags: z.array(z.string()).default([]),
  created: when.optional(),
  updated: when.optional(),
  references: z.array(z.string()).default([]),
  target: z.array(z.looseObject({ source: z.string().optional(), selector: z.array(selector).optional() })).default([]),
});

const listSchema = z.array(annotationSchema);
const rowsSchema = z.looseObject({ rows: listSchema });

export function readHypothesis(raw: string, name: string): ParsedFile {
  const json = parseJsonFile(raw, FORMAT, name);
  const rows = typeof json === 'object' && json !== null && !Array.isArray(json) && 'rows' in json;
  if (!Array.isArray(json) && !rows) {
    throw new GlossError({
      code: 'validation',
      message: `“${name}” is not a ${FORMAT} file: expected a list of annotations, or an object with its annotations under "rows". Nothing was imported.`,
    });
  }
  const parsed = rows ? rowsSchema.transform((f) => f.rows).safeParse(json) : listSchema.safeParse(json);
  if (!parsed.success) throw invalidFile(FORMAT, name, parsed.error);
  const out: ParsedFile = { annotations: [], skipped: [] };
  for (const a of parsed.data) {
    if (a.references.length > 0) {
      out.skipped.push({ id: a.id, reason: 'it is a reply in a discussion, not an annotation of the text' });
      continue;
    }
    const target = a.target.find((t) => t.selector?.some((s) => s.type === 'TextQuoteSelector'));
    const quote = target ? quoteSelector.parse(target.selector!.find((s) => s.type === 'TextQuoteSelector')) : null;
    if (!target || !quote || quote.exact.trim() === '') {
      out.skipped.push({ id: a.id, reason: 'it is a page note, with no highlighted text to attach it to' });
      continue;
    }
    const position = target.selector!.find((s) => s.type === 'TextPositionSelector');
    const incoming: IncomingAnnotation = {
      id: nameUuid(`hypothesis:${a.id}`),
      label: a.id,
      source: target.source ?? a.uri,
      contentHash: null,
      quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      position: position ? { start: Number(position.start), end: Number(position.end) } : null,
      kind: { id: null, name: null, color: null },
      fallbackKindId: a.text.trim() === '' ? 'k-quote' : 'k-note',
      status: 'unverified',
      anchor: null,
      note: a.text,
      tags: a.tags,
      sources: [],
      figures: [],
      created: a.created ?? null,
      modified: a.updated ?? a.created ?? null,
    };
    out.annotations.push(incoming);
  }
  return out;
}
