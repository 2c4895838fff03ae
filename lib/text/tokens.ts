import { isWhiteSpace } from "./white-space";

export interface TokenSpan {
  /** Code point offset, inclusive. */
  start: number;
  /** Code point offset, exclusive. */
  end: number;
}

/**
 * Maximal runs of code points that are not Unicode White_Space, as code point
 * offsets: the unit of the token-level kappa and of CoNLL export. One pass over
 * the UTF-16 units; White_Space characters are all single BMP units, so only a
 * surrogate pair needs care (it counts once and is never white space).
 */
export function tokenize(text: string): TokenSpan[] {
  const tokens: TokenSpan[] = [];
  let cp = 0;
  let tokenStart = -1;
  for (let i = 0; i < text.length; i++, cp++) {
    const unit = text.charCodeAt(i);
    if (isWhiteSpace(unit)) {
      if (tokenStart >= 0) tokens.push({ start: tokenStart, end: cp });
      tokenStart = -1;
      continue;
    }
    if (tokenStart < 0) tokenStart = cp;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  if (tokenStart >= 0) tokens.push({ start: tokenStart, end: cp });
  return tokens;
}
