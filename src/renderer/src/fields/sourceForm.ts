// The new-source form's pure parts: kinds and roles as people read them, and checking what was typed.
import type { SourceKind, SourceRole } from '../../../shared/model';

export const SOURCE_KINDS: readonly { kind: SourceKind; label: string }[] = [
  { kind: 'organisation', label: 'Organisation' },
  { kind: 'person', label: 'Person' },
  { kind: 'report', label: 'Report' },
  { kind: 'dataset', label: 'Dataset' },
  { kind: 'news-outlet', label: 'News outlet' },
  { kind: 'web-page', label: 'Web page' },
];

export const SOURCE_KIND_LABEL: Readonly<Record<SourceKind, string>> = Object.fromEntries(SOURCE_KINDS.map((k) => [k.kind, k.label])) as Record<
  SourceKind,
  string
>;

export const SOURCE_ROLES: readonly { role: SourceRole; label: string }[] = [
  { role: 'attributed-to', label: 'attributed to' },
  { role: 'cites', label: 'cites' },
  { role: 'published-by', label: 'published by' },
];

/** Kinds that are published by someone, so the form offers a publisher. */
export const PUBLISHED_KINDS: ReadonlySet<SourceKind> = new Set(['report', 'dataset', 'web-page']);
/** Kinds that can publish. */
export const PUBLISHER_KINDS: ReadonlySet<SourceKind> = new Set(['organisation', 'news-outlet', 'person']);

export interface SourceDraft {
  kind: SourceKind;
  name: string;
  acronym: string;
  aliases: string;
  url: string;
  publisherId: string;
}

export interface SourceInput {
  kind: SourceKind;
  name: string;
  acronym: string | null;
  aliases: string[];
  url: string | null;
  publisherId: string | null;
}

/** One alias a line (names may hold commas: "Organisation for Economic Co-operation and Development, Paris"). */
export function parseAliases(typed: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of typed.split(/\r?\n/)) {
    const alias = line.trim().replace(/\s+/g, ' ');
    const key = alias.toLocaleLowerCase();
    if (alias === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

export function sourceFromDraft(draft: SourceDraft): { source: SourceInput } | { errors: Partial<Record<keyof SourceDraft, string>> } {
  const errors: Partial<Record<keyof SourceDraft, string>> = {};
  const name = draft.name.trim().replace(/\s+/g, ' ');
  const acronym = draft.acronym.trim();
  const url = draft.url.trim();
  const aliases = parseAliases(draft.aliases).filter((alias) => alias.toLocaleLowerCase() !== name.toLocaleLowerCase());
  if (name === '') errors.name = 'Give the source a name.';
  if (acronym.length > 50) errors.acronym = 'An acronym is at most 50 characters.';
  if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) errors.url = 'Write the whole address, starting with https://';
  if (aliases.length > 50) errors.aliases = 'At most 50 aliases.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    source: {
      kind: draft.kind,
      name,
      acronym: acronym === '' ? null : acronym,
      aliases,
      url: url === '' ? null : url,
      publisherId: PUBLISHED_KINDS.has(draft.kind) && draft.publisherId !== '' ? draft.publisherId : null,
    },
  };
}

/** Whether a typed name looks like an acronym ("ILO", "UNODC"), so the form can put it in the right box. */
export function looksLikeAcronym(typed: string): boolean {
  return /^[A-Z][A-Z0-9&.-]{1,9}$/.test(typed.trim());
}
