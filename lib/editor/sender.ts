import { backoffDelay } from "./backoff";
import { takeBatch } from "./batching";
import type { Outbox } from "./outbox";
import { browserOnline, globalScheduler, type Scheduler } from "./scheduler";
import type { Change, ChangeResult } from "./types";

/** The part of `fetch` the sender uses; the global `fetch` fits. */
export type FetchLike = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export type SaveState = "saved" | "saving" | "offline" | "signed_out" | "error";
export type SaveStatus = { readonly state: SaveState; readonly pending: number; readonly lastError?: string };

export type SenderOptions = {
  outbox: Outbox;
  /** The layer's `…/changes` endpoint. */
  url: string;
  fetch: FetchLike;
  /** The server's answers, in change order; returns the queued changes to drop (the store's `reconcile`). */
  onResults: (results: ChangeResult[]) => { cancelled?: readonly string[] } | void;
  /** Subscribes to "the network is back"; the browser's `online` event by default. */
  onOnline?: (listener: () => void) => () => void;
  scheduler?: Scheduler;
  /**
   * When to send changes just queued: at once by default (the save status changes at once anyway).
   * The reader passes `afterNextFrame`, so that the frame showing a tag waits for no request.
   */
  deferKick?: (task: () => void) => void;
  /** Jitter source for the backoff, [0, 1). */
  random?: () => number;
  /** Changes per request (the server takes up to 500). */
  batchSize?: number;
  /** A request that has not answered by then counts as a network error. */
  requestTimeoutMs?: number;
  headers?: Record<string, string>;
};

type Outcome =
  | { kind: "answered"; results: ChangeResult[] }
  | { kind: "retry"; message: string }
  | { kind: "split"; code: string; message: string }
  | { kind: "signed_out"; message: string }
  | { kind: "error"; message: string };

type Mode = "idle" | "sending" | "waiting" | "signed_out" | "error";

/**
 * Drains an outbox in order, one request at a time. Changes leave the outbox only when the
 * server answered them; network errors, 5xx and 429 keep them and retry with backoff (and at
 * once when the browser is back online); 401 waits for `resume()` after sign-in; 413 splits
 * the batch. The server applies each change UUID once, so resending is always safe.
 */
export class Sender {
  private mode: Mode = "idle";
  private attempt = 0;
  private limit: number;
  private timer: unknown = null;
  private lastError: string | undefined;
  private status: SaveStatus;
  private stopped = false;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers: Array<() => void> = [];
  private readonly scheduler: Scheduler;
  private readonly batchSize: number;
  private kickDeferred = false;

  constructor(private readonly options: SenderOptions) {
    this.scheduler = options.scheduler ?? globalScheduler;
    this.batchSize = options.batchSize ?? 100;
    this.limit = this.batchSize;
    this.status = this.computeStatus();
  }

  /** Starts sending what is queued now and whatever is queued later. */
  start(): void {
    this.unsubscribers.push(this.options.outbox.subscribe(() => this.deferredKick()));
    this.unsubscribers.push((this.options.onOnline ?? browserOnline)(() => this.onOnline()));
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
  }

  /** Tries again now: after signing in again, or when the user asks after an error. */
  resume(): void {
    if (this.stopped || this.mode === "sending") return;
    this.clearTimer();
    this.attempt = 0;
    this.mode = "idle";
    void this.run();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaveStatus => this.status;

  private deferredKick(): void {
    const defer = this.options.deferKick;
    if (!defer) return this.kick();
    // The status says at once that something is waiting to be saved; only the request waits.
    this.publish();
    if (this.kickDeferred) return;
    this.kickDeferred = true;
    defer(() => {
      this.kickDeferred = false;
      if (!this.stopped) this.kick();
    });
  }

  private kick(): void {
    // New changes while waiting out a backoff or a sign-in stay queued until then.
    if (this.mode === "idle" || this.mode === "error") void this.run();
    else this.publish();
  }

  private onOnline(): void {
    if (this.mode !== "waiting") return;
    this.clearTimer();
    this.mode = "idle";
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.stopped || this.mode === "sending") return;
    const { outbox } = this.options;
    this.mode = "sending";
    this.publish();
    for (;;) {
      const batch = takeBatch(outbox.changes(), this.limit);
      if (batch.length === 0 || this.stopped) {
        this.limit = this.batchSize;
        this.mode = "idle";
        break;
      }
      const outcome = await this.send(batch);
      if (this.stopped) return;
      if (outcome.kind === "answered") {
        this.answered(batch, outcome.results);
        continue;
      }
      if (outcome.kind === "split") {
        if (batch.length > 1) {
          this.limit = Math.ceil(batch.length / 2);
          continue;
        }
        // One change the server will never take: answer it ourselves so the store rolls it back.
        this.answered(batch, [{ id: batch[0].id, ok: false, error: { code: outcome.code, message: outcome.message } }]);
        continue;
      }
      this.lastError = outcome.message;
      if (outcome.kind === "retry") {
        this.mode = "waiting";
        this.timer = this.scheduler.setTimeout(() => {
          this.timer = null;
          this.mode = "idle";
          void this.run();
        }, backoffDelay(this.attempt++, this.options.random));
      } else {
        this.mode = outcome.kind;
      }
      break;
    }
    this.publish();
  }

  private answered(batch: Change[], results: ChangeResult[]): void {
    const { outbox } = this.options;
    this.attempt = 0;
    this.lastError = undefined;
    outbox.remove(batch.map((change) => change.id));
    try {
      const report = this.options.onResults(results);
      if (report?.cancelled) outbox.remove(report.cancelled);
    } catch (error) {
      // The answers are in; a bug in applying them must not stop later changes from being saved.
      console.error("[sender]", error);
    }
    this.publish();
  }

  private async send(batch: Change[]): Promise<Outcome> {
    let response: { status: number; json(): Promise<unknown> };
    try {
      response = await this.post(JSON.stringify({ changes: batch }));
    } catch (error) {
      return { kind: "retry", message: `The server cannot be reached (${(error as Error)?.message ?? error}).` };
    }
    const { status } = response;
    const body = (await response.json().catch(() => null)) as { results?: unknown; error?: { message?: string } } | null;
    const message = body?.error?.message ?? `The server answered ${status}.`;
    if (status === 200 || status === 400 || status === 409) {
      if (answersBatch(body?.results, batch)) return { kind: "answered", results: body!.results as ChangeResult[] };
      // A 400 without results refused the body as a whole (a change failed validation).
      if (status === 400) return { kind: "split", code: "bad_request", message };
      return { kind: "error", message: "The server's answer did not match the changes sent." };
    }
    if (status === 401) return { kind: "signed_out", message };
    if (status === 413) return { kind: "split", code: "too_large", message };
    if (status === 429 || status >= 500) return { kind: "retry", message };
    return { kind: "error", message };
  }

  private post(body: string): ReturnType<FetchLike> {
    const controller = new AbortController();
    const timeoutMs = this.options.requestTimeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      const timer = this.scheduler.setTimeout(() => {
        controller.abort();
        reject(new Error(`no answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.options
        .fetch(this.options.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...this.options.headers },
          body,
          signal: controller.signal,
        })
        .then(resolve, reject)
        .finally(() => this.scheduler.clearTimeout(timer));
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  private computeStatus(): SaveStatus {
    const pending = this.options.outbox.size;
    const state: SaveState =
      this.mode === "waiting" ? "offline" : this.mode === "signed_out" ? "signed_out" : this.mode === "error" ? "error" : pending > 0 || this.mode === "sending" ? "saving" : "saved";
    return this.lastError !== undefined && state !== "saved" ? { state, pending, lastError: this.lastError } : { state, pending };
  }

  private publish(): void {
    const next = this.computeStatus();
    const previous = this.status;
    if (next.state === previous.state && next.pending === previous.pending && next.lastError === previous.lastError) return;
    this.status = next;
    for (const listener of [...this.listeners]) listener();
  }
}

function answersBatch(results: unknown, batch: Change[]): results is ChangeResult[] {
  return Array.isArray(results) && results.length === batch.length && results.every((result, i) => (result as { id?: unknown })?.id === batch[i].id);
}
