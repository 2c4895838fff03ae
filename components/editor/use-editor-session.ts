"use client";

import { useEffect, useState } from "react";
import { bootLayer, type EditorSession } from "@/lib/editor/boot-layer";
import { openIdbStorage } from "@/lib/editor/idb-storage";
import { MemoryStorage } from "@/lib/editor/memory-storage";
import { LayerStore } from "@/lib/editor/layer-store";
import { afterNextFrame } from "@/lib/editor/scheduler";
import type { LayerData, Notice } from "@/lib/editor/types";

export type Session = { store: LayerStore; sender: EditorSession["sender"] | null };

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
  useEffect(() => {
    if (!editable) {
      setSession({ store: new LayerStore({ layer }), sender: null });
      return;
    }
    let disposed = false;
    let opened: EditorSession | null = null;
    (async () => {
      const storage = await openIdbStorage(`${userId}:${url}`).catch(() => {
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
