import { LayerStore } from "./layer-store";
import { Outbox } from "./outbox";
import type { OutboxStorage } from "./outbox-storage";
import { Sender, type SenderOptions } from "./sender";
import type { LayerData, Notice } from "./types";

export type BootLayerOptions = Omit<SenderOptions, "outbox" | "onResults"> & {
  /** The layer as just read from the server. */
  serverLayer: LayerData;
  /** This layer endpoint's outbox storage (`openIdbStorage(key)` in the browser). */
  storage: OutboxStorage;
  /** A change the server refused, for a toast. */
  onNotice?: (notice: Notice) => void;
  onStorageError?: (error: unknown) => void;
  newId?: () => string;
  historyLimit?: number;
};

export type EditorSession = { store: LayerStore; outbox: Outbox; sender: Sender; dispose(): void };

/**
 * Opens a layer for editing: loads the changes an earlier page load left queued, shows them
 * applied on top of the server's layer, and starts sending. Changes whose reply was lost
 * are sent again and written once (the server answers a known change UUID with its first answer).
 */
export async function bootLayer(options: BootLayerOptions): Promise<EditorSession> {
  const { serverLayer, storage, onNotice, onStorageError, newId, historyLimit, ...senderOptions } = options;
  const outbox = await Outbox.open(storage, { onStorageError });
  const store = new LayerStore({ layer: serverLayer, onChanges: (changes) => outbox.enqueue(changes), newId, historyLimit });
  store.restorePending(outbox.changes());
  const sender = new Sender({
    ...senderOptions,
    outbox,
    onResults: (results) => {
      const report = store.reconcile(results);
      for (const notice of report.notices) onNotice?.(notice);
      return report;
    },
  });
  sender.start();
  return { store, outbox, sender, dispose: () => sender.stop() };
}
