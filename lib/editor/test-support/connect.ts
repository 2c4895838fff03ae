import { LayerStore, type LayerStoreOptions } from "../layer-store";
import type { Change, Relation, Span } from "../types";
import type { FakeServer } from "./fake-server";

/** A store wired straight to a fake server, no outbox: `flush()` sends what is queued and reconciles. */
export function connect(server: FakeServer, options: Partial<LayerStoreOptions> = {}) {
  const queued: Change[] = [];
  const store = new LayerStore({ layer: server.layer(), onChanges: (changes) => queued.push(...changes), ...options });
  return {
    store,
    queued,
    /** Sends the first `count` queued changes (all by default). */
    flush(count = queued.length) {
      return store.reconcile(server.apply(queued.splice(0, count)));
    },
  };
}

/** The store's layer and the server's, comparable: spans in text order, relations by id. */
export function layerOf(source: { spans: readonly Span[]; relations: readonly Relation[] }) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const textOrder = (a: Span, b: Span) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label) || byId(a, b);
  return { spans: [...source.spans].sort(textOrder), relations: [...source.relations].sort(byId) };
}
