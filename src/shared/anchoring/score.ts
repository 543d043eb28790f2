// The thresholds that decide whether a place is good enough for an annotation: one place to trade recall for precision.
//
// The rule throughout is that an orphan is a visible, recoverable state, while an annotation
// attached to the wrong words misleads silently, so every doubt resolves towards 'orphaned'.

/**
 * Relative weights when choosing among acceptable places: quote, prefix, suffix and position as
 * in the Hypothesis client, plus how much of a place is the quote's own surviving text (which the
 * edits vouch for, where text inserted nearby may merely look like it).
 */
export const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2, own: 30 } as const;

/**
 * Errors (insertions, deletions, substitutions in UTF-16 units) a fuzzy match may have: none below
 * 9 characters, since a short quote one letter off is usually a different word or figure
 * ("ILO"/"ILA", "$32bn"/"$33bn"); then one more per 5 characters, which stays under 20%.
 */
export function errorBudget(length: number): number {
  return Math.max(0, Math.floor((length - 4) / 5));
}

/**
 * Mean context agreement an exact copy of the quote needs when it lies in text this revision
 * inserted (so it may be the annotated passage, moved or pasted back). Unrelated text agrees
 * at about 0.15 by this measure, rarely above 0.35. Short quotes occur by chance, so they need their context;
 * a long quote is evidence on its own.
 */
export function movedContextRequired(length: number): number {
  return Math.min(0.7, Math.max(0, 0.75 - length / 128));
}

/**
 * Mean context agreement an exact copy needs when it was already in the old text elsewhere (or
 * when the annotation's old position is unknown): that copy is other text which happens to read
 * the same, and only matching surroundings make it the same passage.
 */
export const PREEXISTING_CONTEXT_REQUIRED = 0.8;

/**
 * Characters of a fuzzy match that may come from old text outside the quote: alignment slop at
 * its edges, no more. Beyond that the match is absorbing neighbouring words to make up for the
 * quote's lost ones ("US$90 billion" becoming "US$90 of re…").
 */
export function foreignAllowed(budget: number): number {
  return Math.floor(budget / 2);
}

/**
 * Mean context agreement a fuzzy match needs on top of its error budget, unless it is made mostly
 * of the quote's own surviving characters (then the edits vouch for it).
 */
export const FUZZY_CONTEXT_REQUIRED = 0.5;

/** How far beyond the mapped range (besides the error budget) a fuzzy match may begin or end. */
export const FUZZY_SLACK = 32;
