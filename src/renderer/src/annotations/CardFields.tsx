// The tag, source and figure fields of an open card, wired to the store: each change is saved at
// once and can be undone. The fields fetch and create tags and sources themselves.
import type { Annotation } from '../../../shared/model';
import { FiguresField, SourcesField, TagsField } from '../fields';
import type { AnnotationStore } from './store';

export function CardFields({ row, store, disabled }: { row: Annotation; store: AnnotationStore; disabled: boolean }) {
  return (
    <>
      <TagsField value={row.tags} disabled={disabled} onChange={(tagIds) => store.update(row.id, { tagIds }, { label: 'tags' })} />
      <SourcesField value={row.sources} disabled={disabled} onChange={(sources) => store.update(row.id, { sources }, { label: 'sources' })} />
      <FiguresField value={row.figures} quote={row.exact} disabled={disabled} onChange={(figures) => store.update(row.id, { figures }, { label: 'figures' })} />
    </>
  );
}
