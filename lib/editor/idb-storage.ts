import type { OutboxStorage } from "./outbox-storage";
import type { Change } from "./types";

const STORE = "changes";
const BY_SEQUENCE = "by_sequence";

type Row = { id: string; seq: number; change: Change };

/** The database that holds the outbox of one layer endpoint. */
export function outboxDatabaseName(endpointKey: string): string {
  return `sourcemark-outbox:${endpointKey}`;
}

/**
 * Outbox storage in IndexedDB: one database per layer endpoint, one object store keyed by
 * change UUID, ordered by a sequence number taken inside the writing transaction (so two
 * tabs appending at once still get distinct, increasing numbers).
 * `endpointKey` must name the user as well as the layer (e.g. user id + changes URL):
 * changes queued by one user must never be sent under another's session.
 */
export async function openIdbStorage(endpointKey: string, factory: IDBFactory = indexedDB): Promise<OutboxStorage> {
  const open = factory.open(outboxDatabaseName(endpointKey), 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore(STORE, { keyPath: "id" });
    store.createIndex(BY_SEQUENCE, "seq");
  };
  const db = await requestResult(open);
  // Another tab upgrading the database (a later version of the app) needs this one closed.
  db.onversionchange = () => db.close();
  return {
    async load() {
      const tx = db.transaction(STORE, "readonly");
      const rows = (await requestResult(tx.objectStore(STORE).index(BY_SEQUENCE).getAll())) as Row[];
      return rows.map((row) => row.change);
    },
    async append(changes) {
      if (changes.length === 0) return;
      const tx = db.transaction(STORE, "readwrite");
      const store = tx.objectStore(STORE);
      // Engines keep a transaction active in the promise continuation of a request's success,
      // so the puts below still belong to this transaction.
      const last = await requestResult(store.index(BY_SEQUENCE).openCursor(null, "prev"));
      const base = last ? (last.value as Row).seq : 0;
      changes.forEach((change, i) => store.put({ id: change.id, seq: base + i + 1, change } satisfies Row));
      await transactionDone(tx);
    },
    async remove(ids) {
      if (ids.length === 0) return;
      const tx = db.transaction(STORE, "readwrite");
      const store = tx.objectStore(STORE);
      for (const id of ids) store.delete(id);
      await transactionDone(tx);
    },
  };
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException("The transaction was aborted.", "AbortError"));
  });
}
