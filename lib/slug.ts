/** Longest slug a project may have (the address `/projects/{slug}` stays readable). */
export const MAX_SLUG_LENGTH = 60;

// Letters that Unicode decomposition does not reduce to a base letter plus marks.
const TRANSLITERATIONS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
};

/**
 * A URL slug from a name: accents dropped ("Zürich" → "zurich"), anything else that is not
 * a-z or 0-9 becomes one hyphen, cut to MAX_SLUG_LENGTH at a word boundary where possible.
 * Returns "" when the name has no Latin letters or digits (e.g. only CJK), so callers can ask
 * for a slug instead of inventing one.
 */
export function slugify(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[ßæœøđðþłıħ]/g, (letter) => TRANSLITERATIONS[letter])
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}
