// The claim fields (tags, sources, figures) the annotation cards and the views are built from.
import '../styles/fields.css';

export { TagsField, type TagsFieldProps } from './TagsField';
export { SourcesField, type SourcesFieldProps, type SourceLinkInput } from './SourcesField';
export { FiguresField, type FiguresFieldProps } from './FiguresField';
export { SourceForm } from './SourceForm';
export { TagName, ColorDot } from './TagName';
export { useTagList } from './useTagList';
export { SOURCE_KIND_LABEL, SOURCE_ROLES } from './sourceForm';
