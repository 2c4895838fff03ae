import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";
import { sendUnfinished } from "./api-support";

const PROJECT = "velmora-strike";
const ALICE = "alice@sourcemark.test";
const BOB = "bob@sourcemark.test";
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const cp = (text: string, start: number, end: number) => [...text].slice(start, end).join("");

const HOSTILE_TITLE = `<img src=x onerror="window.__xss='title'"> Board <script>window.__xss='t'</script>`;
const HOSTILE_TEXT = `<script>window.__xss='text'</script> Kessler said <b>no</b>. <img src=x onerror="window.__xss='img'"> Brandt.`;

async function signedIn(browser: Browser, email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

async function articleCount(api: APIRequestContext, q: string): Promise<number> {
  const answer = await api.get(`/api/v1/projects/${PROJECT}/articles?q=${encodeURIComponent(q)}`);
  expect(answer.status()).toBe(200);
  return (await answer.json()).articles.length;
}

async function importLines(api: APIRequestContext, filename: string, body: string | Buffer) {
  return api.post(`/api/v1/projects/${PROJECT}/articles?filename=${encodeURIComponent(filename)}`, {
    headers: { "content-type": "application/x-ndjson" },
    data: body,
  });
}

test("HTML and script in an article, its notes and speakers show as text on the review board", async ({ browser }) => {
  const id = `hostile-board-${stamp()}`;
  const text = `${HOSTILE_TEXT} ${id}`;
  const kessler = text.indexOf("Kessler");
  const quote = [...text.slice(0, text.indexOf("<b>no</b>"))].length;
  const span = (sid: string, label: string, start: number, end: number, extra: object = {}) => ({ id: sid, label, start, end, text: cp(text, start, end), ...extra });
  const note = `<img src=x onerror="window.__xss='note'">`;
  const actor = `<script>window.__xss='actor'</script>Kessler`;
  const admin = await signedIn(browser, ACCOUNTS.admin);
  const imported = await importLines(
    admin.page.request,
    `${id}.jsonl`,
    `${JSON.stringify({
      id,
      title: HOSTILE_TITLE,
      outlet: "<b>Outlet</b>",
      url: "javascript:window.__xss='url'",
      text,
      annotations: [
        { annotator: ALICE, spans: [span("k", "ACTOR", kessler, kessler + 7, { actor }), span("q", "QUOTE", quote, quote + 9, { note })], relations: [{ type: "attributed_to", from: "q", to: "k" }] },
        { annotator: BOB, spans: [span("k", "ACTOR", kessler, kessler + 7, { actor }), span("c", "CLAIM", quote, quote + 9, { note })], relations: [] },
      ],
    })}\n`,
  );
  expect(imported.status(), await imported.text()).toBe(200);
  // The reader: a `javascript:` source address is not made a link.
  await admin.page.goto(`/projects/${PROJECT}/articles/${id}`);
  await expect(admin.page.getByRole("heading", { level: 1 })).toHaveText(HOSTILE_TITLE);
  await expect(admin.page.getByText("<b>Outlet</b>").first()).toBeVisible();
  expect(await admin.page.locator('a[href^="javascript:" i]').count()).toBe(0);
  await admin.close();

  const reviewer = await signedIn(browser, ACCOUNTS.reviewer);
  const page = reviewer.page;
  await page.goto(`/projects/${PROJECT}/review/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Review: ${HOSTILE_TITLE}`);
  await expect(page.locator("main")).toContainText("<script>window.__xss='text'</script> Kessler said <b>no</b>.");
  await expect(page.locator("main")).toContainText(`<img src=x onerror="window.__xss='img'">`);
  // Every unit of the board (the quote, the claim, the actor) renders without executing anything.
  const nextUnit = page.getByRole("button", { name: /next/i }).first();
  if (await nextUnit.isVisible()) await nextUnit.click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
  expect(await page.locator("main script, main img").count()).toBe(0);
  await reviewer.close();
});

test("malformed JSON, truncated JSONL lines and invalid UTF-8 in an import are refused with the line, and nothing is written", async ({ browser }) => {
  const admin = await signedIn(browser, ACCOUNTS.admin);
  const api = admin.page.request;
  const marker = `malformed${stamp()}`;
  const good = (n: number) => JSON.stringify({ id: `${marker}-${n}`, title: `${marker} ${n}`, text: `${marker} text ${n}.` });

  // A broken line in the middle: the line number is named, the good lines before it are not kept.
  const broken = await importLines(api, `${marker}.jsonl`, `${good(1)}\n${good(2)}\n{"id": "x", "title": "t", "text": \n${good(3)}\n`);
  expect(broken.status()).toBe(400);
  const brokenBody = await broken.json();
  expect(brokenBody.error.code).toBe("bad_request");
  expect(JSON.stringify(brokenBody.error.issues)).toMatch(/"line":3/);
  expect(await articleCount(api, marker)).toBe(0);

  // A line that is JSON but not an object, and one truncated at the end of the file.
  for (const body of [`${good(1)}\n[1, 2, 3]\n`, `${good(1)}\n{"id": "${marker}-9", "title": "t", "te`]) {
    const answer = await importLines(api, `${marker}.jsonl`, body);
    expect(answer.status(), body).toBe(400);
    expect(JSON.stringify((await answer.json()).error.issues)).toMatch(/"line":2/);
  }
  expect(await articleCount(api, marker)).toBe(0);

  // Invalid UTF-8 (a lone continuation byte and an overlong encoding) in the second line.
  const invalid = Buffer.concat([Buffer.from(`${good(1)}\n{"id": "${marker}-4", "title": "bad `), Buffer.from([0x80, 0xc0, 0xaf]), Buffer.from(`", "text": "x"}\n`)]);
  const refused = await importLines(api, `${marker}.jsonl`, invalid);
  expect(refused.status()).toBe(400);
  expect(JSON.stringify((await refused.json()).error)).toMatch(/UTF-8/);
  expect(await articleCount(api, marker)).toBe(0);

  // A NUL character (valid JSON, but PostgreSQL cannot store it in text) is refused clearly too.
  const nul = await importLines(api, `${marker}.jsonl`, `${good(1)}\n${JSON.stringify({ id: `${marker}-5`, title: "nul \u0000 title", text: "x" })}\n`);
  expect(nul.status(), await nul.text()).toBe(400);
  expect(await articleCount(api, marker)).toBe(0);

  // Malformed JSON bodies on the JSON endpoints: a clear 400, never a 500.
  const layer = `/api/v1/projects/${PROJECT}/articles/gazette-01/layers/gold/changes`;
  for (const data of ["{", "not json", "[]", "null", '{"changes": "x"}']) {
    const answer = await api.post(layer, { headers: { "content-type": "application/json" }, data });
    expect(answer.status(), data).toBe(400);
    expect((await answer.json()).error.code).toBe("bad_request");
  }
  await admin.close();
});

test("offsets past the text, inside a surrogate pair or not matching the text are refused through the changes API and write nothing", async ({ browser }) => {
  const admin = await signedIn(browser, ACCOUNTS.admin);
  const api = admin.page.request;
  const id = `offsets-${stamp()}`;
  const text = `Ship 🚢 docked; 👩‍👩‍👧 waited. ${id}`;
  const imported = await importLines(api, `${id}.jsonl`, `${JSON.stringify({ id, title: `Offsets ${id}`, text })}\n`);
  expect(imported.status(), await imported.text()).toBe(200);
  const url = `/api/v1/projects/${PROJECT}/articles/${id}/layers/gold/changes`;
  const length = [...text].length;
  const create = (start: number, end: number, covered: string) => ({ changes: [{ id: randomUUID(), op: "create", span: { start, end, label: "ACTOR", text: covered } }] });
  const utf16Start = text.indexOf("docked"); // 8 in UTF-16, 7 in code points

  const cases: [string, object][] = [
    ["past the end", create(length, length + 3, "abc")],
    ["far past the end", create(2 ** 31 - 2, 2 ** 31 - 1, "x")],
    ["end before start", create(5, 3, "")],
    ["empty span", create(3, 3, "")],
    ["a lone high surrogate", create(5, 6, "\ud83d")],
    ["a lone low surrogate", create(5, 6, "\udea2")],
    ["UTF-16 offsets after an emoji", create(utf16Start, utf16Start + 6, "docked")],
    ["negative offset", create(-1, 3, "Shi")],
    ["fractional offset", create(1.5, 3, "hi")],
    ["offsets as strings", create("0" as unknown as number, 4, "Ship")],
    ["offset beyond a safe integer", create(0, 2 ** 53 + 2, "x")],
  ];
  for (const [name, body] of cases) {
    const answer = await api.post(url, { data: body });
    expect(answer.status(), name).toBe(400);
    const json = await answer.json();
    const message = json.error?.message ?? json.results?.[0]?.error?.message;
    expect(message, name).toBeTruthy();
    expect(json.error?.code ?? json.results?.[0]?.error?.code, `${name}: a refusal, not a server failure`).not.toBe("internal");
  }
  // A NUL in a note, an actor name or an attribute cannot be stored: refused, not a 500.
  const ship = { start: 0, end: 4, label: "ACTOR", text: "Ship" };
  for (const span of [{ ...ship, note: "a\u0000b" }, { ...ship, actor: "Ka\u0000" }, { ...ship, attributes: { k: "\u0000" } }, { ...ship, attributes: { "\u0000": 1 } }]) {
    const answer = await api.post(url, { data: { changes: [{ id: randomUUID(), op: "create", span }] } });
    expect(answer.status(), JSON.stringify(span)).toBe(400);
  }
  const layer = await (await api.get(`/api/v1/projects/${PROJECT}/articles/${id}/layers/gold`)).json();
  expect(layer.spans).toEqual([]);

  // The right code-point offsets after the emoji work, once.
  const right = create(7, 13, "docked");
  const first = await api.post(url, { data: right });
  expect(first.status(), await first.text()).toBe(200);
  expect((await api.post(url, { data: right })).status()).toBe(200);
  const after = await (await api.get(`/api/v1/projects/${PROJECT}/articles/${id}/layers/gold`)).json();
  expect(after.spans.map((s: { start: number; end: number; text: string }) => `${s.start}-${s.end}:${s.text}`)).toEqual(["7-13:docked"]);
  await admin.close();
});

test("SQL metacharacters in every search field give results or clear errors, never a 500, and change nothing", async ({ browser }) => {
  const admin = await signedIn(browser, ACCOUNTS.admin);
  const api = admin.page.request;
  const id = `meta-${stamp()}`;
  const title = `O'Brien 100% of_the \\path; -- $$ ${id}`;
  const imported = await importLines(api, `${id}.jsonl`, `${JSON.stringify({ id, title, outlet: "Port's Herald", text: `O'Brien said 100% sure. ${id}` })}\n`);
  expect(imported.status(), await imported.text()).toBe(200);
  const before = await (await api.get(`/api/v1/projects/${PROJECT}/articles`)).json();

  const probes = ["'", "%", "_", "\\", ";--", "$$", "' or '1'='1", "'; drop table articles; --", "%_%", "\\%", "$1", "\u0000", "a\u0000b", ":*", "!", "&|", "(", "'\\'", "🚢", "x".repeat(500)];
  for (const probe of probes) {
    const q = encodeURIComponent(probe);
    const list = await api.get(`/api/v1/projects/${PROJECT}/articles?q=${q}`);
    if (probe.includes("\u0000")) {
      // PostgreSQL cannot take a NUL in text: the API says so; the page drops it from the terms.
      expect(list.status(), `articles q=${JSON.stringify(probe)}`).toBe(400);
      expect((await list.json()).error.message).toMatch(/NUL/);
    } else expect(list.status(), `articles q=${JSON.stringify(probe)}`).toBe(200);
    const page = await admin.page.goto(`/projects/${PROJECT}?q=${q}`);
    expect(page!.status(), `project page q=${JSON.stringify(probe)}`).toBe(200);
    for (const path of [`quotes?actor=${q}`, `quotes?layer=${q}`, `export?format=jsonl&layer=${q}`, `export?format=csv&layer=gold&articles=${q}`, `articles?cursor=${q}`, `articles?assignee=${q}&status=${q}&label=${q}`]) {
      const answer = await api.get(`/api/v1/projects/${PROJECT}/${path}`);
      expect(answer.status(), `${path} ${JSON.stringify(probe)}`).toBeLessThan(500);
      if (answer.status() >= 400) expect((await answer.json()).error.message).toBeTruthy();
      else await answer.body();
    }
    const projects = await api.get(`/api/v1/projects/${q}`);
    expect(projects.status(), `project slug ${JSON.stringify(probe)}`).toBeLessThan(500);
  }

  // Paths that are not UTF-8 once decoded, or hold a NUL: a clear 400 before any lookup, pages and API alike.
  for (const path of [`/projects/%FF`, `/projects/${PROJECT}/articles/%00`, `/projects/${PROJECT}/review/a%00b`]) {
    const answer = await api.get(path);
    expect(answer.status(), path).toBe(400);
    expect(await answer.text()).toMatch(/Bad request: The address/);
  }
  for (const path of [`/api/v1/projects/${PROJECT}/articles/%FF%FE`, `/api/v1/projects/${PROJECT}/articles/%00/layers/me`]) {
    const answer = await api.get(path);
    expect(answer.status(), path).toBe(400);
    expect((await answer.json()).error.code).toBe("bad_request");
  }

  // Metacharacters are literal: every tail of the title, starting at each of them, finds this article alone.
  for (const from of ["O'Brien", "100%", "of_the", "\\path", "; --", "$$"]) {
    const probe = title.slice(title.indexOf(from));
    const found = await (await api.get(`/api/v1/projects/${PROJECT}/articles?q=${encodeURIComponent(probe)}`)).json();
    expect(found.articles.map((a: { id: string }) => a.id), probe).toEqual([id]);
  }
  // As wildcards these would match the title: literal, they find nothing.
  for (const probe of [`10_% of_the`, `100%_of`]) {
    expect(await articleCount(api, probe), probe).toBe(0);
  }
  expect(await articleCount(api, "%")).toBeLessThan(before.articles.length);
  // Nothing was changed: the demo articles and this one are all still there, once.
  for (const kept of before.articles.slice(0, 10).map((a: { id: string }) => a.id)) {
    expect((await api.get(`/api/v1/projects/${PROJECT}/articles/${kept}`)).status(), kept).toBe(200);
  }
  expect(await articleCount(api, id)).toBe(1);
  await admin.close();
});

test("oversized uploads and review bodies are refused early with 413, and nothing is written", async ({ browser, baseURL }) => {
  const admin = await signedIn(browser, ACCOUNTS.admin);
  const cookie = (await admin.page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const marker = `oversize${stamp()}`;

  // A multipart upload declared larger than the limit: answered before the body is read.
  const boundary = "----sourcemark";
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${marker}.jsonl"\r\ncontent-type: application/x-ndjson\r\n\r\n{"id":"${marker}","text":"x"}\n`);
  const multipart = await sendUnfinished(`${baseURL}/api/v1/projects/${PROJECT}/articles`, {
    method: "POST",
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    contentLength: 300 * 1024 * 1024,
    chunks: [head],
  });
  expect(multipart.status).toBe(413);
  expect(JSON.parse(multipart.body).error.code).toBe("too_large");

  // A review decision body far over its 16 KiB limit, streamed without a length.
  const review = await sendUnfinished(`${baseURL}/api/v1/projects/${PROJECT}/articles/velmora-strike-north-wire-2026-03-04/review/decisions`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    chunks: [Buffer.from('{"note": "'), ...Array.from({ length: 40 }, () => Buffer.alloc(256 * 1024, 0x61))],
  });
  expect(review.status).toBe(413);
  expect(JSON.parse(review.body).error.code).toBe("too_large");
  expect(review.sentBytes).toBeLessThan(10 + 40 * 256 * 1024);
  expect(await articleCount(admin.page.request, marker)).toBe(0);
  await admin.close();
});
