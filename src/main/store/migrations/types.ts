import type { Database } from '../native';

/** One numbered step of the schema. `up` runs inside the transaction the runner opens. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
