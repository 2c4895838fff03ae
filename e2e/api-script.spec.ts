import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createTokenInUi } from "./api-support";
import { ACCOUNTS, signIn } from "./support";

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, "../scripts/examples/quote_suggestions.py");
const ARTICLE = "velmora-strike-north-wire-2026-03-04";

test("the README's Python script pulls an article and posts its quotes as suggestions", async ({ page, playwright, baseURL }) => {
  await signIn(page, ACCOUNTS.reviewer);
  const token = await createTokenInUi(page, `quote-bot-${Date.now().toString(36)}`);

  const { stdout, stderr } = await run("python3", [SCRIPT, "velmora-strike", ARTICLE, "quote-regex-e2e"], {
    env: { ...process.env, SOURCEMARK_URL: baseURL!, SOURCEMARK_TOKEN: token },
    timeout: 60_000,
  });
  expect(stderr).toMatch(/^3 of 3 quotes posted as suggestions by quote-regex-e2e/);
  expect(stdout.trim().split("\n")).toHaveLength(3);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const article = await (await api.get(`/api/v1/projects/velmora-strike/articles/${ARTICLE}`)).json();
  const layer = await (await api.get(`/api/v1/projects/velmora-strike/articles/${ARTICLE}/layers/suggestions`)).json();
  const mine = layer.spans.filter((span: { attributes: { model?: string } }) => span.attributes.model === "quote-regex-e2e");
  expect(mine.map((span: { label: string; text: string }) => [span.label, span.text])).toEqual([
    ["QUOTE", "in good faith, but without illusions."],
    ["QUOTE", "remains on the table"],
    ["QUOTE", "by the weekend 🤞🏽"],
  ]);
  // each span's offsets are code points into the article's text (the emoji with its skin tone is two)
  const codePoints = [...article.text];
  for (const span of mine) expect(codePoints.slice(span.start, span.end).join("")).toBe(span.text);
  expect(mine[2].end - mine[2].start).toBe(17);

  // suggestions are nobody's annotation: the analysts' agreement never lists them
  const agreement = await (await api.get("/api/v1/projects/velmora-strike/agreement")).json();
  expect(agreement.annotators).not.toContain("suggestions");
  const versusGold = await (await api.get("/api/v1/projects/velmora-strike/agreement?layer=suggestions")).json();
  expect(versusGold.annotators).toEqual(["suggestions", "gold"]);

  // running it again posts nothing new: the same spans are refused as duplicates
  const again = await run("python3", [SCRIPT, "velmora-strike", ARTICLE, "quote-regex-e2e"], {
    env: { ...process.env, SOURCEMARK_URL: baseURL!, SOURCEMARK_TOKEN: token },
    timeout: 60_000,
  });
  expect(again.stderr).toMatch(/^0 of 3 quotes posted/);
  const after = await (await api.get(`/api/v1/projects/velmora-strike/articles/${ARTICLE}/layers/suggestions`)).json();
  expect(after.spans).toHaveLength(layer.spans.length);
  await api.dispose();
});
