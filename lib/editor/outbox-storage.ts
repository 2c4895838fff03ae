import type { Change } from "./types";

/** Where an outbox keeps its changes between page loads. Order is insertion order. */
export interface OutboxStorage {
  load(): Promise<Change[]>;
  append(changes: readonly Change[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}
