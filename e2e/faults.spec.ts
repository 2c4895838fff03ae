import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, signIn } from "./support";
import { sendUnfinished } from "./api-support";
import { selectTextByMouse } from "./select-text";
import { privatePostgresUnavailable, startApp, startPrivatePostgres, throwawayDatabase, type App } from "./fault-support";

// Each fault test runs its own app process (the suite's build) on its own database, so that
// breaking it disturbs no other test. The offline test uses the suite's app.
const PROJECT = "velmora-strike";
const LEDGER = "velmora-strike-the-ledger-2026-03-03";
const NORTH_WIRE = "velmora-strike-north-wire-2026-03-04";
const NORTH_WIRE_FIRST_LINE = "Mediators announced that talks between the Velmora dockworkers' union and the port authority will resume on Thursday.";
const CHEN = "chen@sourcemark.test";

type Span = { id: string; label: string; start: number; end: number; text: string; version: number };
type Change = { id: string; op: "create"; span: { start: number; end: number; label: string; text: string } };

const saveState = (page: Page) => page.locator("[data-save-state]");

async function layerOf(api: APIRequestContext, article: string, layer = "me"): Promise<Span[]> {
  const response = await api.get(`/api/v1/projects/${PROJECT}/articles/${article}/layers/${encodeURIComponent(layer)}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).spans;
}

/** Each expected covered text is in the layer exactly once, and nothing else is. */
function expectExactlyOnce(spans: Span[], texts: string[]) {
  expect(spans.map((s) => s.text).sort()).toEqual([...texts].sort());
  expect(new Set(spans.map((s) => `${s.label}:${s.start}-${s.end}`)).size).toBe(spans.length);
}

async function tag(page: Page, phrase: string, key: string) {
  await selectTextByMouse(page, phrase);
  await page.keyboard.press(key);
  await expect(page.getByRole("button", { name: phrase }).first()).toBeVisible();
}

async function openReader(browser: Browser, baseURL: string, email: string, article: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto(`/projects/${PROJECT}/articles/${article}`);
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  // Set once: still there at the end proves the page was never reloaded.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  return { context, page };
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

async function countRows(url: string, ids: string[]): Promise<{ applied: number; annotations: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = await client.query("select count(*)::int as n from applied_changes where change_id = any($1::uuid[])", [ids]);
    const spans = await client.query(
      "select count(*)::int as n from annotations where id in (select (result->'span'->>'id')::uuid from applied_changes where change_id = any($1::uuid[]))",
      [ids],
    );
    return { applied: applied.rows[0].n, annotations: spans.rows[0].n };
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: "serial" });

test("the database server restarts mid-session: the app reconnects, the editor's queue drains without a reload, every write is there once", async ({ browser }) => {
  test.setTimeout(240_000);
  const unavailable = privatePostgresUnavailable();
  test.skip(unavailable !== null, `cannot run a private PostgreSQL server: ${unavailable}`);
  const server = await startPrivatePostgres();
  let app: App | null = null;
  try {
    app = await startApp({ DATABASE_URL: server.url, DATABASE_POOL_SIZE: "4" });
    const { context, page } = await openReader(browser, app.url, CHEN, LEDGER);
    const changesUrl = `/api/v1/projects/${PROJECT}/articles/${LEDGER}/layers/me/changes`;
    const create = (start: number, end: number, text: string, label = "CLAIM"): Change => ({ id: randomUUID(), op: "create", span: { start, end, label, text } });

    // Before: one span from the editor, one through the API, both acknowledged.
    await tag(page, "Economists", "a");
    await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
    const before = create(0, 10, "Economists", "CLAIM");
    const acknowledged = await page.request.post(changesUrl, { data: { changes: [before] } });
    expect(acknowledged.status(), await acknowledged.text()).toBe(200);
    const firstAnswer = await acknowledged.json();

    // The server goes down: readiness says so, an API write is refused (not acknowledged) with the error shape.
    server.stop();
    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(503);
    const during = create(11, 15, "warn");
    const refused = await page.request.post(changesUrl, { data: { changes: [during] } });
    expect(refused.status()).toBeGreaterThanOrEqual(500);
    expect((await refused.json()).error.code).toBeTruthy();

    // The editor keeps working: two spans queue and the status line says so.
    const queued = ["Jonas Brandt", "We remain at the table. The door is open."];
    await tag(page, queued[0], "a");
    await tag(page, queued[1], "q");
    await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");
    await expect(page.getByRole("status").filter({ hasText: "Offline" })).toContainText("2 changes waiting");

    // The server is back: the pool reconnects and the queue drains by itself, with no reload.
    server.start();
    await expect(saveState(page)).toHaveAttribute("data-save-state", "saved", { timeout: 45_000 });
    expect((await page.request.get("/api/health")).status()).toBe(200);

    // Replays: the refused change now applies; the acknowledged one gets its first answer, written once.
    const replayed = await page.request.post(changesUrl, { data: { changes: [during] } });
    expect(replayed.status(), await replayed.text()).toBe(200);
    const again = await page.request.post(changesUrl, { data: { changes: [before] } });
    expect(await again.json()).toEqual(firstAnswer);

    // The UI keeps working after recovery, still without a reload.
    await tag(page, "Wang Xiaoming", "a");
    await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
    expect(await notReloaded(page)).toBe(true);

    const spans = await layerOf(page.request, LEDGER);
    expectExactlyOnce(spans, ["Economists", "Economists", "warn", ...queued, "Wang Xiaoming"]);
    expect(spans.filter((s) => s.text === "Economists").map((s) => s.label).sort()).toEqual(["ACTOR", "CLAIM"]);
    const rows = await countRows(server.url, [before.id, during.id]);
    expect(rows).toEqual({ applied: 2, annotations: 2 });
    await context.close();
  } finally {
    await app?.kill("SIGTERM");
    server.destroy();
  }
});

test("the app process is killed mid-write: after a restart, replayed changes and the editor's IndexedDB queue land exactly once", async ({ browser }) => {
  test.setTimeout(240_000);
  const database = await throwawayDatabase();
  let app: App | null = null;
  try {
    app = await startApp(database.env);
    const port = app.port;
    const admin = await browser.newContext({ baseURL: app.url });
    const api = (await admin.newPage()).request;
    await signIn(admin.pages()[0], ACCOUNTS.admin);
    const reader = await openReader(browser, app.url, CHEN, LEDGER);
    await tag(reader.page, "Economists", "a");
    await expect(saveState(reader.page)).toHaveAttribute("data-save-state", "saved");

    // A stream of changes, four in flight at a time, each one character of the first line in gold.
    const changesUrl = `/api/v1/projects/${PROJECT}/articles/${NORTH_WIRE}/layers/gold/changes`;
    const changes: Change[] = Array.from({ length: 48 }, (_, i) => ({
      id: randomUUID(),
      op: "create",
      span: { start: 2 * i, end: 2 * i + 1, label: "CLAIM", text: NORTH_WIRE_FIRST_LINE[2 * i] },
    }));
    const answers = new Map<string, unknown>();
    const lost: Change[] = [];
    let next = 0;
    let killing: Promise<void> | null = null;
    const running = app;
    const worker = async () => {
      while (next < changes.length) {
        const change = changes[next++];
        try {
          const response = await api.post(changesUrl, { data: { changes: [change] }, timeout: 15_000 });
          if (response.status() === 200) answers.set(change.id, await response.json());
          else lost.push(change);
        } catch {
          lost.push(change);
        }
        if (!killing && answers.size >= 12) killing = running.kill("SIGKILL");
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await killing;
    expect(answers.size).toBeGreaterThanOrEqual(12);
    expect(lost.length).toBeGreaterThan(0);
    expect(answers.size + lost.length).toBe(changes.length);
    test.info().annotations.push({ type: "killed", description: `${answers.size} acknowledged, ${lost.length} answers lost` });

    // While the app is down, the analyst keeps tagging: the changes wait in IndexedDB.
    const queued = ["Jonas Brandt", "simply untrue, because our offer included a 4% raise."];
    await tag(reader.page, queued[0], "a");
    await tag(reader.page, queued[1], "q");
    await expect(saveState(reader.page)).toHaveAttribute("data-save-state", "offline");
    const stored = await reader.page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      return names.length;
    });
    expect(stored).toBeGreaterThan(0);

    // The same app starts again on the same database and port.
    app = await startApp(database.env, port);
    // The outbox drains by itself (no reload) once the server answers again.
    await expect(saveState(reader.page)).toHaveAttribute("data-save-state", "saved", { timeout: 45_000 });
    expect(await notReloaded(reader.page)).toBe(true);

    if (database.url) {
      const landed = await countRows(database.url, lost.map((c) => c.id));
      test.info().annotations.push({ type: "landed", description: `${landed.applied} of the lost answers' changes were stored before the kill` });
      expect(landed.applied).toBe(landed.annotations);
    }

    // Replay every change whose answer was lost, with the same UUIDs, as the editor's outbox does;
    // acknowledged ones replayed answer what they answered first.
    for (const change of lost) {
      const response = await api.post(changesUrl, { data: { changes: [change] } });
      expect(response.status(), await response.text()).toBe(200);
    }
    for (const change of changes.filter((c) => answers.has(c.id)).slice(0, 5)) {
      const response = await api.post(changesUrl, { data: { changes: [change] } });
      expect(await response.json()).toEqual(answers.get(change.id));
    }
    const gold = await layerOf(api, NORTH_WIRE, "gold");
    expect(gold.map((s) => `${s.start}-${s.end}`).sort()).toEqual(changes.map((c) => `${c.span.start}-${c.span.end}`).sort());
    expect(gold.every((s) => s.version === 1)).toBe(true);
    if (database.url) expect(await countRows(database.url, changes.map((c) => c.id))).toEqual({ applied: changes.length, annotations: changes.length });

    expectExactlyOnce(await layerOf(reader.page.request, LEDGER), ["Economists", ...queued]);
    await reader.context.close();
    await admin.close();
  } finally {
    await app?.kill("SIGTERM");
    await database.drop();
  }
});

test("the browser loses its network mid-session: spans queue with an offline notice and are saved once when it is back, without a reload", async ({ browser }) => {
  const id = `offline-${Date.now().toString(36)}`;
  const text = `Harbour master Ilse Marr said the cranes stopped. Mayor Olsen called for calm. ${id}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.admin);
  const imported = await page.request.post(`/api/v1/projects/${PROJECT}/articles?filename=${id}.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: `${JSON.stringify({ id, title: `Offline ${id}`, text })}\n`,
  });
  expect(imported.status(), await imported.text()).toBe(200);
  await page.goto(`/projects/${PROJECT}/articles/${id}`);
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await tag(page, "Ilse Marr", "a");
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");

  await context.setOffline(true);
  await tag(page, "Mayor Olsen", "a");
  await tag(page, "the cranes stopped", "c");
  await expect(saveState(page)).toHaveAttribute("data-save-state", "offline");
  await expect(page.getByRole("status").filter({ hasText: "Offline" })).toContainText("2 changes waiting");

  await context.setOffline(false);
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved", { timeout: 30_000 });
  await tag(page, "called for calm", "c");
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved");
  expect(await notReloaded(page)).toBe(true);
  const spans = await layerOf(page.request, id);
  expectExactlyOnce(spans, ["Ilse Marr", "Mayor Olsen", "the cranes stopped", "called for calm"]);
  expect(spans.every((s) => s.version === 1)).toBe(true);
  await context.close();
});

test("two app instances on one database share sessions and change ids: a replay on the other instance writes nothing more", async ({ browser, playwright }) => {
  test.setTimeout(240_000);
  test.skip(!process.env.DATABASE_URL, "the embedded database is for one process only");
  const database = await throwawayDatabase();
  let first: App | null = null;
  let second: App | null = null;
  try {
    first = await startApp(database.env);
    second = await startApp({ ...database.env, SOURCEMARK_DEMO: "0" });
    const context = await browser.newContext({ baseURL: first.url });
    const page = await context.newPage();
    await signIn(page, CHEN);
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const other = await playwright.request.newContext({ baseURL: second.url, extraHTTPHeaders: { cookie: cookies } });

    // The session made on the first instance is valid on the second (the secret is in the database).
    expect((await other.get("/api/v1/projects")).status()).toBe(200);
    const changesUrl = `/api/v1/projects/${PROJECT}/articles/${LEDGER}/layers/me/changes`;
    const change: Change = { id: randomUUID(), op: "create", span: { start: 0, end: 10, label: "ACTOR", text: "Economists" } };
    const written = await page.request.post(changesUrl, { data: { changes: [change] } });
    expect(written.status()).toBe(200);
    const replayed = await other.post(changesUrl, { data: { changes: [change] } });
    expect(await replayed.json()).toEqual(await written.json());
    expectExactlyOnce(await layerOf(other, LEDGER), ["Economists"]);
    await other.dispose();
    await context.close();
  } finally {
    await second?.kill("SIGTERM");
    await first?.kill("SIGTERM");
    await database.drop();
  }
});

test("an import killed halfway leaves nothing behind, and the same file imports whole after the restart", async ({ browser }) => {
  test.setTimeout(240_000);
  test.skip(!process.env.DATABASE_URL, "watches the import's transaction on the PostgreSQL server");
  const database = await throwawayDatabase();
  let app: App | null = null;
  try {
    app = await startApp(database.env);
    const port = app.port;
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.admin);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const marker = `halfway${Date.now().toString(36)}`;
    const lines = Array.from({ length: 3000 }, (_, i) => `${JSON.stringify({ id: `${marker}-${i}`, title: `${marker} ${i}`, text: `Article ${i} of ${marker}: the port stayed closed for another day.` })}\n`);
    const firstHalf = Buffer.from(lines.slice(0, 1500).join(""));
    const importUrl = `${app.url}/api/v1/projects/${PROJECT}/articles?filename=${marker}.jsonl`;

    // Half the file arrives and the server writes its first batches inside its transaction, then waits
    // for the rest, which never comes: a transaction that has written and is idle is the import's.
    void sendUnfinished(importUrl, { method: "POST", headers: { cookie, "content-type": "application/x-ndjson" }, chunks: [firstHalf] }).catch(() => {});
    const watcher = new pg.Client({ connectionString: database.url! });
    await watcher.connect();
    const name = new URL(database.url!).pathname.slice(1);
    await expect
      .poll(
        async () =>
          (
            await watcher.query(
              `select count(*)::int as n from pg_stat_activity where datname = $1 and state = 'idle in transaction' and backend_xid is not null`,
              [name],
            )
          ).rows[0].n,
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
    await app.kill("SIGKILL");
    const articlesOf = async () => (await watcher.query(`select count(*)::int as n from articles where external_id like $1`, [`${marker}-%`])).rows[0].n;
    await expect.poll(articlesOf, { timeout: 30_000 }).toBe(0);

    app = await startApp(database.env, port);
    expect(await articlesOf()).toBe(0);
    const whole = await page.request.post(importUrl, { headers: { "content-type": "application/x-ndjson" }, data: lines.join("") });
    expect(whole.status(), await whole.text()).toBe(200);
    expect(await articlesOf()).toBe(lines.length);
    await watcher.end();
    await context.close();
  } finally {
    await app?.kill("SIGTERM");
    await database.drop();
  }
});
