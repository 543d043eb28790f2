// The shape of Gloss's W3C Web Annotation export, compacted against EXPORT_CONTEXT.
import type { AnchorStatus, ClaimStatus, SourceKind, SourceRole } from '../../../shared/model';
import type { Motivation } from './motivation';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Unicode code points, as the W3C model counts them. */
  start: number;
  end: number;
}

export interface W3cTarget {
  type: 'SpecificResource';
  source: string;
  contentHash?: string;
  selector: (TextQuoteSelector | TextPositionSelector)[];
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format: 'text/plain' | 'text/markdown';
}

export interface KindBody {
  type: 'GlossKind';
  id: string;
  kindName: string;
  kindColor: string;
}

export interface SourceBody {
  type: 'GlossSource';
  id: string;
  sourceName: string;
  sourceKind: SourceKind;
  acronym: string | null;
  aliases: string[];
  sourceUrl: string | null;
  sourceRole: SourceRole;
  sourceLocator: string | null;
}

export interface FigureBody {
  type: 'GlossFigure';
  id: string;
  surface: string;
  surfaceStart: number;
  surfaceEnd: number;
  amount: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  scale: string | null;
  normalized: number | null;
  normalizedLow: number | null;
  normalizedHigh: number | null;
  period: string | null;
  timeStart: string | null;
  timeEnd: string | null;
  qualifier: string | null;
  subject: string | null;
}

export type W3cBody = TextualBody | KindBody | SourceBody | FigureBody;

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  motivation: Motivation;
  claimStatus: ClaimStatus;
  anchorStatus: AnchorStatus;
  body: W3cBody[];
  target: W3cTarget;
}

export interface W3cCollection {
  '@context': readonly unknown[];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}
