// Which document of the library an imported annotation belongs to. The file names a document by
// a Gloss IRI, a content hash or a URL; failing those, the document whose text holds most of the
// quotes made on that page is taken, and only when exactly one does.
import type { DocumentRecord } from '../../../shared/model';
import { getDocument, listDocuments } from '../../store/documents';
import type { Database } from '../../store/native';
import type { IncomingAnnotation } from './types';

/** Query parameters that track a click and never select content. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/**
 * One spelling per web page: scheme (http or https), `www.`, fragment, trailing slash, tracking
 * parameters and parameter order do not make a different page. Non-web IRIs compare as written.
 */
export function normaliseUrl(raw: string): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  const params = [...url.searchParams].filter(([key]) => !TRACKING.test(key)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

export class DocumentMatcher {
  private documents: DocumentRecord[] | null = null;
  private readonly resolved = new Map<string, DocumentRecord | null>();

  constructor(private readonly db: Database) {}

  private all(): DocumentRecord[] {
    if (this.documents) return this.documents;
    const docs: DocumentRecord[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = listDocuments(this.db, { offset, limit: 500, sort: 'created', direction: 'asc', trashed: false });
      docs.push(...page.items.filter((d) => d.status === 'ready').map((d) => getDocument(this.db, d.id)));
      if (page.items.length < 500) break;
    }
    return (this.documents = docs);
  }

  /** The document for every source named in `annotations`, null where none matches. */
  resolve(annotations: readonly IncomingAnnotation[]): Map<string, DocumentRecord | null> {
    const bySource = new Map<string, IncomingAnnotation[]>();
    for (const a of annotations) bySource.set(a.source, [...(bySource.get(a.source) ?? []), a]);
    for (const [source, group] of bySource) if (!this.resolved.has(source)) this.resolved.set(source, this.named(source, group) ?? this.byQuotes(group));
    return this.resolved;
  }

  private named(source: string, group: readonly IncomingAnnotation[]): DocumentRecord | null {
    const docs = this.all();
    const gloss = /^urn:gloss:document:(.+)$/.exec(source)?.[1];
    const byId = gloss === undefined ? undefined : docs.find((d) => d.id === gloss);
    if (byId) return byId;
    // Another library's copy of the same text has another id but the same canonical text.
    const hashes = new Set(group.map((a) => a.contentHash?.replace(/^sha256:/, '')).filter(Boolean));
    const byHash = docs.find((d) => hashes.has(d.contentHash));
    if (byHash || gloss !== undefined) return byHash ?? null;
    const wanted = normaliseUrl(source);
    return docs.find((d) => [d.csl.URL, d.origin.url, d.origin.finalUrl].some((u) => typeof u === 'string' && normaliseUrl(u) === wanted)) ?? null;
  }

  private byQuotes(group: readonly IncomingAnnotation[]): DocumentRecord | null {
    let best: DocumentRecord | null = null;
    let bestCount = 0;
    let tied = false;
    for (const doc of this.all()) {
      const text = collapse(doc.text);
      const count = group.filter((a) => text.includes(collapse(a.quote.exact))).length;
      if (count > bestCount) [best, bestCount, tied] = [doc, count, false];
      else if (count === bestCount && count > 0) tied = true;
    }
    return tied ? null : best;
  }
}

/** Quotes taken from a rendered page differ from the canonical text in white space only. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
