// The export dialog remembers the last format, style and layout, since a researcher tends to
// export the same way every time.
import { DEFAULT_STYLE, EXPORT_FORMATS, type ExportFormat } from '../../../shared/export';

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
