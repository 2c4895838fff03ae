import { sliceByCodePoints } from "../../text/code-points";
import type { NewSpan } from "../layer-store";

/** An article with astral characters, so code point offsets differ from UTF-16 indexes. */
export const ARTICLE =
  "“We will not back down,” said Mayor Ana Ruiz 👩🏽‍⚖️ on Monday. The council claims the budget is balanced. " +
  "Critics, led by Tomás Ńowak, say 東京 spending rose 12%. 🇺🇦 Officials declined to comment.";

/** A span of `label` over the first occurrence of `words` in ARTICLE. */
export function spanOver(label: string, words: string, text = ARTICLE): NewSpan {
  const utf16 = text.indexOf(words);
  if (utf16 < 0) throw new Error(`"${words}" is not in the article`);
  const start = Array.from(text.slice(0, utf16)).length;
  const end = start + Array.from(words).length;
  return { start, end, label, text: sliceByCodePoints(text, start, end) };
}
