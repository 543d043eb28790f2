// Figures: structured quantities read from claims. The one entry point for the rest of Gloss.
export type { Figure, Period, Qualifier, Scale } from './types';
export { PERIODS, QUALIFIERS, SCALES, SCALE_EXPONENT } from './types';
export { UNITS, UNIT_BY_ID, type Unit, type UnitKind } from './units';
export { parseFigures } from './parse';
export { formatFigure } from './format';
export { figureSchema } from './schema';
