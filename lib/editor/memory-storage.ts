import type { OutboxStorage } from "./outbox-storage";
import type { Change } from "./types";

/** Outbox storage in memory. Keep the object to simulate a reload: a new outbox loads what it holds. */
export class MemoryStorage implements OutboxStorage {
  private rows: Change[] = [];

  async load(): Promise<Change[]> {
    return structuredClone(this.rows);
  }

  async append(changes: readonly Change[]): Promise<void> {
    this.rows.push(...structuredClone(changes));
  }

  async remove(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    this.rows = this.rows.filter((change) => !gone.has(change.id));
  }

  /** What a reload would find. */
  get stored(): readonly Change[] {
    return this.rows;
  }
}
