let table: Uint8Array | undefined;

/** Marks every BMP code unit that `/\p{White_Space}/u` matches (all of them are in the BMP). */
function whiteSpaceTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0x10000);
  const bmp = Array.from({ length: 0x10000 }, (_, unit) =>
    unit >= 0xd800 && unit <= 0xdfff ? "x" : String.fromCharCode(unit),
  ).join("");
  for (const match of bmp.matchAll(/\p{White_Space}/gu)) table[match.index] = 1;
  return table;
}

/** Unicode White_Space, the class `/\p{White_Space}/u` matches, for one code point. */
export function isWhiteSpace(codePoint: number): boolean {
  return codePoint <= 0xffff && whiteSpaceTable()[codePoint] === 1;
}
