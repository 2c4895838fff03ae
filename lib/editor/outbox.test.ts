import { describe, expect, it, vi } from "vitest";
import { MemoryStorage } from "./memory-storage";
import { Outbox } from "./outbox";
import type { OutboxStorage } from "./outbox-storage";
import type { Change } from "./types";

const change = (n: number): Change => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, op: "delete", span: { id: "s", version: n } });

describe("Outbox", () => {
  it("keeps changes in order in memory and in storage, and a new outbox loads them", async () => {
    const storage = new MemoryStorage();
    const outbox = await Outbox.open(storage);
    const listener = vi.fn();
    outbox.subscribe(listener);
    outbox.enqueue([change(1), change(2)]);
    outbox.enqueue([change(3)]);
    outbox.remove([change(2).id]);
    expect(outbox.changes()).toEqual([change(1), change(3)]);
    expect(outbox.size).toBe(2);
    expect(listener).toHaveBeenCalledTimes(3);
    await outbox.flush();
    const reloaded = await Outbox.open(storage);
    expect(reloaded.changes()).toEqual([change(1), change(3)]);
  });

  it("never lets a removal overtake the append of the same change", async () => {
    const log: string[] = [];
    let release!: () => void;
    const slowAppend = new Promise<void>((resolve) => (release = resolve));
    const storage: OutboxStorage = {
      load: async () => [],
      append: async (changes) => {
        await slowAppend;
        log.push(`append ${changes.length}`);
      },
      remove: async (ids) => {
        log.push(`remove ${ids.length}`);
      },
    };
    const outbox = await Outbox.open(storage);
    outbox.enqueue([change(1)]);
    outbox.remove([change(1).id]);
    release();
    await outbox.flush();
    expect(log).toEqual(["append 1", "remove 1"]);
  });

  it("reports a failed storage write and keeps working in memory", async () => {
    const onStorageError = vi.fn();
    const storage: OutboxStorage = {
      load: async () => [],
      append: async () => {
        throw new Error("quota");
      },
      remove: async () => {},
    };
    const outbox = await Outbox.open(storage, { onStorageError });
    outbox.enqueue([change(1)]);
    outbox.enqueue([change(2)]);
    await outbox.flush();
    expect(onStorageError).toHaveBeenCalledTimes(2);
    expect(outbox.size).toBe(2);
  });
});
