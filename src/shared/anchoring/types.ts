// The types that cross the anchoring engine's boundary: edits, stored selectors and re-anchoring results.
import type { AnchorStatus } from '../model';

export type { AnchorStatus };

/**
 * One change from the old text to the new: `old.slice(start, end)` becomes `text`.
 * Positions are UTF-16 indices into the OLD text. A list of edits describes one revision and is
 * applied all at once (not one after another), so edits in a list must not overlap; their order
 * does not matter.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A W3C TextQuoteSelector. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** What the engine needs of a stored annotation: its position and quote selectors into the old text. */
export interface AnchorInput extends QuoteSelector {
  id: string;
  start: number;
  end: number;
}

/**
 * Where an annotation now is. For every status but 'orphaned' the selectors describe the new
 * text (`exact === newText.slice(start, end)`); an orphan keeps its old selectors untouched so its
 * quote can be shown and re-attached by hand.
 */
export interface AnchorResult extends AnchorInput {
  status: AnchorStatus;
}
