// Which link targets may leave Gloss in an export. Notes are typed by people and references come
// from imported metadata, so a `javascript:` or `data:` target could run code in whatever opens
// the file; only web pages, mail addresses and Gloss's own deep links are kept as links.
const SAFE_TARGET = /^(?:https?:\/\/|mailto:|gloss:\/\/)/i;

/** The target when it is safe to write out as a link, else undefined (its text stays, as text). */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  // Browsers strip these before reading a scheme ("java\tscript:"), so they must not slip past the test.
  // eslint-disable-next-line no-control-regex -- control characters are what is being refused
  if (/[\u0000-\u0020\u007f]/.test(href)) return undefined;
  return SAFE_TARGET.test(href) ? href : undefined;
}

/** The deep link that opens an annotation in Gloss, the app's own `#/documents/<id>/a/<annotationId>` route. */
export const annotationLink = (documentId: string, annotationId: string): string =>
  `gloss://documents/${encodeURIComponent(documentId)}/a/${encodeURIComponent(annotationId)}`;
