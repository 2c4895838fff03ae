import { describe, expect, it } from "vitest";
import { normaliseQuote, quoteWords } from "./normalise";

describe("normaliseQuote", () => {
  it("makes curly, straight, guillemet and CJK quotation marks the same", () => {
    const forms = [
      "“The door is open.”",
      '"The door is open."',
      "„The door is open.“",
      "«The door is open.»",
      "‹The door is open›",
      "「The door is open.」",
      "'The door is open.'",
      "‘The door is open.’",
    ];
    expect(new Set(forms.map(normaliseQuote))).toEqual(new Set(["the door is open"]));
  });

  it("keeps apostrophes inside words, in one form", () => {
    expect(normaliseQuote("We don’t   blink, we can't wait")).toBe("we don't blink, we can't wait");
  });

  it("folds case and white space, dashes and compatibility forms", () => {
    expect(normaliseQuote("  NOTHING  but\u00a0promises — and\nmore ")).toBe("nothing but promises - and more");
    expect(normaliseQuote("ｆｕｌｌ width")).toBe("full width");
  });

  it("keeps letters of every script and their marks", () => {
    expect(quoteWords(normaliseQuote("«Мы продолжим», — сказал 王小明. Café crème!"))).toEqual(["мы", "продолжим", "сказал", "王小明", "café", "crème"]);
  });
});
