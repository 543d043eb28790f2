// The export dialog's choices: what it offers to export, from what is on screen; and the last
// format, style and layout, remembered since a researcher tends to export the same way every time.
import { DEFAULT_STYLE, EXPORT_FORMATS, type ExportFormat, type ExportSelection } from '../../../shared/export';

export interface SelectionOption {
  label: string;
  selection: ExportSelection;
}

interface Named {
  id: string;
  name: string;
}

/** What the window shows, as far as the export dialog cares. */
export interface ExportContext {
  /** The source whose page is open. */
  source: Named | null;
  /** The tag the library is filtered by. */
  tagFilter: Named | null;
  query: string;
  openDocumentId: string | null;
  tags: Named[];
}

/** What the export dialog offers, the narrowest first: what the person is looking at is what they most likely want out. */
export function selectionOptions({ source, tagFilter, query, openDocumentId, tags }: ExportContext): SelectionOption[] {
  const options: SelectionOption[] = [];
  if (source) options.push({ label: `Claims citing “${source.name}”`, selection: { type: 'source', sourceId: source.id } });
  if (tagFilter) options.push({ label: `Claims tagged “${tagFilter.name}”`, selection: { type: 'tag', tagId: tagFilter.id } });
  const search = query.trim();
  if (search !== '') options.push({ label: `Documents found by “${search}”`, selection: { type: 'search', query: search } });
  if (openDocumentId) options.push({ label: 'The open document', selection: { type: 'documents', ids: [openDocumentId] } });
  options.push({ label: 'The whole library', selection: { type: 'library' } });
  for (const tag of tags) {
    if (tag.id !== tagFilter?.id) options.push({ label: `Claims tagged “${tag.name}”`, selection: { type: 'tag', tagId: tag.id } });
  }
  return options;
}

export interface ExportChoices {
  format: ExportFormat;
  style: string;
  grouping: 'document' | 'source' | 'tag';
  sort: 'author' | 'date' | 'title';
  include: { summary: boolean; annotations: boolean; sources: boolean; figures: boolean; tags: boolean; notes: boolean; links: boolean };
  bom: boolean;
}

export const INCLUDE_LABELS: Record<keyof ExportChoices['include'], string> = {
  summary: 'Summary note',
  annotations: 'Annotations',
  sources: 'Sources',
  figures: 'Figures',
  tags: 'Tags',
  notes: 'Notes',
  links: 'Links back to Gloss',
};

const KEY = 'gloss.export.choices';

export const DEFAULT_CHOICES: ExportChoices = {
  format: 'md',
  style: DEFAULT_STYLE,
  grouping: 'document',
  sort: 'author',
  include: { summary: true, annotations: true, sources: true, figures: true, tags: true, notes: true, links: true },
  bom: false,
};

/** The saved choices, each field checked, so a stale or hand-edited entry falls back to the defaults. */
export function parseExportChoices(saved: unknown): ExportChoices {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_CHOICES;
  const value = saved as Partial<Record<keyof ExportChoices, unknown>>;
  const include = { ...DEFAULT_CHOICES.include };
  if (typeof value.include === 'object' && value.include !== null) {
    for (const key of Object.keys(include) as (keyof ExportChoices['include'])[]) {
      const flag = (value.include as Record<string, unknown>)[key];
      if (typeof flag === 'boolean') include[key] = flag;
    }
  }
  return {
    format: EXPORT_FORMATS.includes(value.format as ExportFormat) ? (value.format as ExportFormat) : DEFAULT_CHOICES.format,
    style: typeof value.style === 'string' && value.style.length > 0 && value.style.length <= 200 ? value.style : DEFAULT_CHOICES.style,
    grouping: value.grouping === 'source' || value.grouping === 'tag' ? value.grouping : 'document',
    sort: value.sort === 'date' || value.sort === 'title' ? value.sort : 'author',
    include,
    bom: value.bom === true,
  };
}

export function loadExportChoices(): ExportChoices {
  try {
    return parseExportChoices(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
  } catch {
    return DEFAULT_CHOICES;
  }
}

export function saveExportChoices(choices: ExportChoices): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(choices));
  } catch {
    // Private windows and full storage: the dialog just starts from the defaults next time.
  }
}
