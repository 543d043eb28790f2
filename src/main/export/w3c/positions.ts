// Gloss counts positions in UTF-16 code units (as JavaScript strings do); the W3C
// TextPositionSelector counts Unicode code points. The two differ after any character outside
// the Basic Multilingual Plane (emoji, some CJK), so every position crossing the boundary is converted.

export function toCodePoints(text: string, utf16: number): number {
  let points = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: count it once, at its second half.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) continue;
    }
    points++;
  }
  return points;
}

/** The UTF-16 offset of a code-point position; positions past the end land on the end. */
export function fromCodePoints(text: string, points: number): number {
  let i = 0;
  for (let n = 0; n < points && i < text.length; n++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}
