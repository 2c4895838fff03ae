import { describe, expect, it } from "vitest";
import { describeWait, lockoutDelayMs, throttleKey } from "./throttle-policy";

describe("sign-in throttle policy", () => {
  it("lets the first few failures of an account through, then doubles the delay", () => {
    expect(lockoutDelayMs("account", 1)).toBe(0);
    expect(lockoutDelayMs("account", 4)).toBe(0);
    expect(lockoutDelayMs("account", 5)).toBe(2_000);
    expect(lockoutDelayMs("account", 6)).toBe(4_000);
    expect(lockoutDelayMs("account", 7)).toBe(8_000);
  });

  it("caps the delay at 15 minutes", () => {
    expect(lockoutDelayMs("account", 100)).toBe(15 * 60_000);
  });

  it("allows more failures per address than per account (shared offices)", () => {
    expect(lockoutDelayMs("address", 10)).toBe(0);
    expect(lockoutDelayMs("address", 20)).toBe(1_000);
  });

  it("keys accounts case-insensitively", () => {
    expect(throttleKey("account", " Ann@Example.org ")).toBe("account:ann@example.org");
  });

  it("says how long to wait in words", () => {
    expect(describeWait(1_000)).toBe("1 second");
    expect(describeWait(4_500)).toBe("5 seconds");
    expect(describeWait(120_000)).toBe("2 minutes");
  });
});
