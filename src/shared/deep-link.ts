// gloss:// links: exports carry one per claim, so a reader of an annotated bibliography can jump
// from a quote back to its highlight. The link names only ids; the app turns it into its own
// route, so nothing in a link can reach anything but the library's documents and annotations.

export const DEEP_LINK_SCHEME = 'gloss';

/** The whole link, matched strictly on its raw text (no URL normalisation, which would resolve `..`). */
const LINK = /^gloss:\/\/documents\/([A-Za-z0-9-]{1,100})(?:\/a\/([A-Za-z0-9-]{1,100}))?$/i;

/** The link to a document, or to one annotation in it. */
export function deepLink(documentId: string, annotationId?: string | null): string {
  const base = `${DEEP_LINK_SCHEME}://documents/${encodeURIComponent(documentId)}`;
  return annotationId ? `${base}/a/${encodeURIComponent(annotationId)}` : base;
}

/**
 * The window's route (`#/documents/<id>` or `#/documents/<id>/a/<annotationId>`) for a link, or
 * null for anything that is not a well-formed Gloss link (other schemes, other paths, odd ids,
 * dot segments, queries or fragments), which the app then ignores.
 */
export function routeOfDeepLink(link: string): string | null {
  const match = LINK.exec(link);
  if (!match) return null;
  const [, documentId, annotationId] = match;
  return annotationId ? `#/documents/${documentId}/a/${annotationId}` : `#/documents/${documentId}`;
}

/** The first Gloss link among a process's arguments (how Windows and Linux hand a clicked link to the app). */
export function deepLinkInArgs(args: readonly string[]): string | null {
  return args.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
}
