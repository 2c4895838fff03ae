import { describe, expect, it } from "vitest";
import { reviewQueueQuerySchema } from "./review";

describe("the review queue's query", () => {
  it("takes a page from 1 and shows the first page for anything else", () => {
    expect(reviewQueueQuerySchema.parse({}).page).toBe(1);
    expect(reviewQueueQuerySchema.parse({ page: "3" }).page).toBe(3);
    for (const page of ["abc", "-2", "0", "2.5", ["2", "3"], "1e9"]) expect(reviewQueueQuerySchema.parse({ page }).page, String(page)).toBe(1);
  });
});
