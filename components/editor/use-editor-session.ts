"use client";

import { useEffect, useState } from "react";
import { bootLayer, type EditorSession } from "@/lib/editor/boot-layer";
import { openIdbStorage } from "@/lib/editor/idb-storage";
import { MemoryStorage } from "@/lib/editor/memory-storage";
import { LayerStore } from "@/lib/editor/layer-store";
import { afterNextFrame } from "@/lib/editor/scheduler";
import type { OutboxStorage } from "@/lib/editor/outbox-storage";
import type { LayerData, Notice } from "@/lib/editor/types";

export type Session = { store: LayerStore; sender: EditorSession["sender"] | null };

/**
 * The outbox's IndexedDB database is opened while React hydrates the reader (the first render
 * starts it), not after: the editor is drawn only once the outbox is open. Each opening is used
 * by one session, which takes it out of here.
 */
const opening = new Map<string, Promise<OutboxStorage>>();

function startOpening(key: string): void {
  if (typeof indexedDB === "undefined" || opening.has(key)) return;
  const storage = openIdbStorage(key);
  storage.catch(() => {}); // reported by the session that takes it
  opening.set(key, storage);
}

function takeOpening(key: string): Promise<OutboxStorage> {
  const storage = opening.get(key) ?? openIdbStorage(key);
  opening.delete(key);
  return storage;
}

/**
 * Opens the layer: editable layers get a persistent outbox (IndexedDB, so queued changes
 * survive a reload) and a sender; read-only layers only a store.
 */
export function useEditorSession(options: {
  layer: LayerData;
  url: string;
  /** Keys the browser's outbox: the same URL ("…/layers/me/…") belongs to every user. */
  userId: string;
  editable: boolean;
  onNotice: (notice: Notice) => void;
}): Session | null {
  const { layer, url, userId, editable, onNotice } = options;
  const [session, setSession] = useState<Session | null>(null);
  if (editable && session === null) startOpening(`${userId}:${url}`);
  useEffect(() => {
    if (!editable) {
      setSession({ store: new LayerStore({ layer }), sender: null });
      return;
    }
    let disposed = false;
    let opened: EditorSession | null = null;
    (async () => {
      const storage = await takeOpening(`${userId}:${url}`).catch(() => {
        onNotice({ code: "storage", message: "This browser cannot keep unsaved changes across a reload (no IndexedDB); they are kept in memory." });
        return new MemoryStorage();
      });
      const booted = await bootLayer({
        serverLayer: layer,
        storage,
        url,
        fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
        deferKick: afterNextFrame,
        onNotice,
      });
      if (disposed) return booted.dispose();
      opened = booted;
      setSession({ store: booted.store, sender: booted.sender });
    })();
    return () => {
      disposed = true;
      opened?.dispose();
    };
    // The server layer is read once per page load; later changes live in the store.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, userId, editable]);
  return session;
}
