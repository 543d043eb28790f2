// Character classes the anchoring engine agrees on: what makes a word, and where UTF-16 surrogate pairs must not be split.

export const CharClass = {
  Word: 0,
  Space: 1,
  /** Punctuation and ideographs: each character stands alone. */
  Single: 2,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

export function charClass(c: number): CharClass {
  if (c < 128) {
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return CharClass.Word;
    if (c === 32 || (c >= 9 && c <= 13)) return CharClass.Space;
    return CharClass.Single;
  }
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) {
    return CharClass.Space;
  }
  // Dashes, typographic quotes, ellipsis: punctuation that Latin-1 does not cover.
  if (c >= 0x2010 && c <= 0x205e) return CharClass.Single;
  // Scripts written without spaces: one character per token keeps a changed character from
  // turning a whole sentence into one replaced "word".
  if ((c >= 0x3001 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) {
    return CharClass.Single;
  }
  // Everything else, surrogates included, counts as a word character, so a non-BMP letter or
  // emoji stays inside one token.
  return CharClass.Word;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when index `i` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1));
}

/** True at the edge of a word: the start or end of the text, or between a word character and a non-word one. */
export function isWordBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  return (charClass(text.charCodeAt(i - 1)) === CharClass.Word) !== (charClass(text.charCodeAt(i)) === CharClass.Word);
}
