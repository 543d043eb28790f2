// JSON columns: parsed defensively, since a row written by an older or newer Gloss may differ.
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
