import type { OutboxStorage } from "./outbox-storage";
import type { Change } from "./types";

export type OutboxOptions = {
  /** A write to storage failed: the changes are still sent, but would not survive a reload. */
  onStorageError?: (error: unknown) => void;
};

/**
 * The ordered queue of changes for one layer endpoint, kept in memory and mirrored to
 * storage. Writes to storage run one after another, so a removal never overtakes the
 * append of the same change.
 */
export class Outbox {
  private queue: Change[];
  private writes: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly storage: OutboxStorage,
    loaded: Change[],
    private readonly options: OutboxOptions,
  ) {
    this.queue = loaded;
  }

  /** Opens the outbox with what storage kept from earlier page loads. */
  static async open(storage: OutboxStorage, options: OutboxOptions = {}): Promise<Outbox> {
    return new Outbox(storage, await storage.load(), options);
  }

  get size(): number {
    return this.queue.length;
  }

  /** Oldest first. */
  changes(): readonly Change[] {
    return this.queue;
  }

  enqueue(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    this.queue = [...this.queue, ...changes];
    this.write(() => this.storage.append(changes));
    this.notify();
  }

  remove(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    const kept = this.queue.filter((change) => !gone.has(change.id));
    if (kept.length === this.queue.length) return;
    this.queue = kept;
    this.write(() => this.storage.remove(ids));
    this.notify();
  }

  /** Resolves when everything so far has reached storage. */
  flush(): Promise<void> {
    return this.writes;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(operation: () => Promise<void>): void {
    this.writes = this.writes.then(operation).catch((error) => {
      if (this.options.onStorageError) this.options.onStorageError(error);
      else console.error("[outbox]", error);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
