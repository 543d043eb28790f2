// An export set as one W3C AnnotationCollection with a single embedded page. The collection's id
// is derived from the annotations it holds, so exporting the same annotations twice gives the
// same file, byte for byte.
import type { ExportSet } from '../types';
import { toW3cAnnotation } from './annotation';
import { EXPORT_CONTEXT } from './context';
import { nameUuid } from './ids';
import type { W3cCollection } from './types';

export function toW3cCollection(set: ExportSet, label = 'Gloss annotations'): W3cCollection {
  const kinds = new Map(set.kinds.map((k) => [k.id, k]));
  const items = set.entries.flatMap((entry) => entry.annotations.map((a) => toW3cAnnotation(entry.document, a, kinds, set.sources)));
  const name = items.map((item) => item.id).join(' ');
  return {
    '@context': EXPORT_CONTEXT,
    id: `urn:uuid:${nameUuid(`collection ${name}`)}`,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `urn:uuid:${nameUuid(`page ${name}`)}`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function writeW3c(set: ExportSet, label?: string): string {
  return `${JSON.stringify(toW3cCollection(set, label), null, 2)}\n`;
}
