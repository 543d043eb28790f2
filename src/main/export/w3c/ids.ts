// Identifiers in the W3C files. Gloss ids are UUIDs and go out as `urn:uuid:` IRIs; ids that
// come from elsewhere (a Hypothesis id, an http IRI) become name-based UUIDs (RFC 9562, version 5
// layout on SHA-1), so importing the same file twice yields the same ids and skips the second time.
import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

export function nameUuid(name: string): string {
  const bytes = createHash('sha1').update(`gloss:${name}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidIri = (id: string): string => (isUuid(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:uuid:${nameUuid(id)}`);

export const documentIri = (id: string): string => `urn:gloss:document:${id}`;
export const kindIri = (id: string): string => `urn:gloss:kind:${id}`;

/** The Gloss id an IRI stands for: the UUID of a `urn:uuid:`, else a name-based one. */
export function idFromIri(iri: string): string {
  const match = /^urn:uuid:(.+)$/i.exec(iri);
  return match && isUuid(match[1]!) ? match[1]!.toLowerCase() : nameUuid(iri);
}
