import { describe, expect, it } from "vitest";
import { RateCounter } from "./rate-counter";

describe("counting requests against a limit", () => {
  it("asks the database first in a window, then counts here until half the limit", () => {
    let now = 60_000 * 100;
    const counter = new RateCounter(60, () => now);
    expect(counter.count("k", 10)).toBe(1);
    counter.learned("k", 1);
    expect(counter.count("k", 10)).toBe("local"); // 2
    expect(counter.count("k", 10)).toBe("local"); // 3
    expect(counter.count("k", 10)).toBe("local"); // 4
    expect(counter.count("k", 10)).toBe("local"); // 5: half
    expect(counter.drain()).toEqual([{ key: "k", requests: 4 }]);
    expect(counter.drain()).toEqual([]);
    counter.learned("k", 5);
    expect(counter.count("k", 10)).toBe(1); // past half: each in the database
    counter.learned("k", 6);
    expect(counter.count("k", 10)).toBe(1);
    // a new window starts over with the database
    now += 60_000;
    expect(counter.count("k", 10)).toBe(1);
  });

  it("takes what other instances counted into account", () => {
    const counter = new RateCounter(60, () => 0);
    counter.count("k", 100);
    counter.learned("k", 45); // others have counted 44
    expect(counter.count("k", 100)).toBe("local");
    expect(counter.count("k", 100)).toBe("local");
    expect(counter.count("k", 100)).toBe("local");
    expect(counter.count("k", 100)).toBe("local"); // 49
    expect(counter.count("k", 100)).toBe("local"); // 50
    // past half: the five counted here go to the database with this one
    expect(counter.count("k", 100)).toBe(6);
  });

  it("drops a finished window's counts and keeps keys apart", () => {
    let now = 0;
    const counter = new RateCounter(60, () => now);
    for (const key of ["a", "b"]) {
      counter.count(key, 1000);
      counter.learned(key, 1);
      counter.count(key, 1000);
    }
    counter.count("a", 1000);
    expect(counter.drain()).toEqual([
      { key: "a", requests: 2 },
      { key: "b", requests: 1 },
    ]);
    counter.count("a", 1000);
    now = 61_000;
    expect(counter.drain()).toEqual([]);
  });
});
