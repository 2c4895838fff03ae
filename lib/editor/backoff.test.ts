import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  it("doubles from 250 ms to at most 10 s", () => {
    const delays = Array.from({ length: 9 }, (_, attempt) => backoffDelay(attempt, () => 0));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    expect(backoffDelay(1000, () => 0)).toBe(10_000);
  });

  it("jitters down by at most half", () => {
    expect(backoffDelay(2, () => 0.999999)).toBe(500);
    expect(backoffDelay(2, () => 0.5)).toBe(750);
  });
});
