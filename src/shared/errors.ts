// Errors that cross the API boundary. A call never throws across it: it returns a Result, and a
// failed Result carries one of these codes with a sentence a person can act on.

export type ErrorCode = 'validation' | 'not-found' | 'conflict' | 'too-large' | 'unsupported' | 'newer-version' | 'unavailable' | 'cancelled' | 'internal';

export interface GlossErrorData {
  code: ErrorCode;
  message: string;
  /** For `conflict`: the row as it now stands, so the client can rebase its edit on it. */
  current?: unknown;
  /** For `validation`: which fields were wrong. */
  fields?: { path: string; message: string }[];
}

export class GlossError extends Error {
  readonly code: ErrorCode;
  readonly current?: unknown;
  readonly fields?: { path: string; message: string }[];

  constructor(data: GlossErrorData) {
    super(data.message);
    this.name = 'GlossError';
    this.code = data.code;
    this.current = data.current;
    this.fields = data.fields;
  }

  toData(): GlossErrorData {
    const data: GlossErrorData = { code: this.code, message: this.message };
    if (this.current !== undefined) data.current = this.current;
    if (this.fields !== undefined) data.fields = this.fields;
    return data;
  }

  static from(data: GlossErrorData): GlossError {
    return new GlossError(data);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: GlossErrorData };

export const notFound = (what: string, id: string): GlossError =>
  new GlossError({ code: 'not-found', message: `No ${what} with id ${id}; it may have been deleted.` });

export function isGlossErrorData(value: unknown): value is GlossErrorData {
  return (
    typeof value === 'object' && value !== null && typeof (value as GlossErrorData).code === 'string' && typeof (value as GlossErrorData).message === 'string'
  );
}
