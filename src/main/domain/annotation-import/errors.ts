// One message for a file that is not what it claims to be: which file, where, and what was wrong.
import type { z } from 'zod';
import { GlossError } from '../../../shared/errors';

export function invalidFile(format: string, name: string, error: z.ZodError): GlossError {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'the file'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return new GlossError({
    code: 'validation',
    message: `“${name}” is not a ${format} file Gloss can read: ${issues.join('; ')}${more}. Nothing was imported.`,
    fields: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

export function parseJsonFile(text: string, format: string, name: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GlossError({
      code: 'validation',
      message: `“${name}” is not valid JSON (${(error as Error).message}), so it is not a ${format} file. Nothing was imported.`,
    });
  }
}
