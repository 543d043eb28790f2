// The zod schema of a Figure, for the API to validate figures that come back from the form.
import { z } from 'zod';
import { PERIODS, QUALIFIERS, SCALES, type Figure } from './types';

const amount = z.number().finite().nullable();
const time = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a time is written YYYY, YYYY-MM or YYYY-MM-DD')
  .nullable();
const words = (max: number) => z.string().max(max, `at most ${max} characters`);

/**
 * Units are not limited to UNITS: people may record a figure in a unit the parser does not know
 * ("hectares"), and the form should keep it. The parser itself only ever emits UNITS ids.
 */
export const figureSchema = z
  .object({
    surface: words(2_000),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    value: amount,
    low: amount,
    high: amount,
    unit: words(100).trim().min(1, 'a unit is required'),
    scale: z.enum(SCALES).nullable(),
    normalized: amount,
    normalizedLow: amount,
    normalizedHigh: amount,
    period: z.enum(PERIODS).nullable(),
    timeStart: time,
    timeEnd: time,
    qualifier: z.enum(QUALIFIERS).nullable(),
    subject: words(500).nullable(),
  })
  .refine((f) => f.end >= f.start, { message: 'end comes before start', path: ['end'] })
  .refine((f) => f.value === null || (f.low === null && f.high === null), { message: 'a figure is a value or a range, not both', path: ['value'] });

// Keeps the schema and the hand-written type from drifting apart: this line stops compiling if they differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _figureSchemaMatchesType: Same<z.infer<typeof figureSchema>, Figure> = true;
