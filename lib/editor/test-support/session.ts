import { vi } from "vitest";
import { bootLayer, type BootLayerOptions } from "../boot-layer";
import { MemoryStorage } from "../memory-storage";
import type { Notice } from "../types";
import type { FakeServer } from "./fake-server";

export const CHANGES_URL = "/api/v1/projects/demo/articles/a1/layers/me/changes";

/** A booted editor session on a fake server, with time, jitter and `online` events under the test's control. */
export async function openSession(server: FakeServer, options: Partial<BootLayerOptions> & { storage?: MemoryStorage } = {}) {
  const onlineListeners = new Set<() => void>();
  const notices: Notice[] = [];
  const storage = options.storage ?? new MemoryStorage();
  const session = await bootLayer({
    serverLayer: server.layer(),
    url: CHANGES_URL,
    fetch: server.fetch,
    random: () => 0,
    onOnline: (listener) => {
      onlineListeners.add(listener);
      return () => onlineListeners.delete(listener);
    },
    onNotice: (notice) => notices.push(notice),
    ...options,
    storage,
  });
  return {
    ...session,
    storage,
    notices,
    goOnline: () => [...onlineListeners].forEach((listener) => listener()),
    status: () => session.sender.getSnapshot(),
  };
}

/** Lets pending promises run (fake timers: no time passes). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
}
