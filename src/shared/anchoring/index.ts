// The anchoring engine's public face: re-anchor annotations after a text changes, and the helpers callers need around it.
export { diffTexts, applyEdits } from './diff';
export { reanchor } from './reanchor';
export { quoteSelectorAt, CONTEXT_LENGTH } from './quote';
export { errorBudget } from './score';
export type { AnchorInput, AnchorResult, AnchorStatus, Edit, QuoteSelector } from './types';
