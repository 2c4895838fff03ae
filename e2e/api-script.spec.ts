import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createTokenInUi } from "./api-support";
import { ACCOUNTS, expectAccessible, signIn } from "./support";

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, "../scripts/examples/quote_suggestions.py");
const PROJECT = "velmora-strike";

/** Code-point offsets of `needle` in `text` (the API's unit). */
function span(text: string, needle: string, label: string, id: string) {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, start, end: start + Array.from(needle).length, label, text: needle };
}

test("the README's Python script pulls an article and posts its quotes as suggestions, compared with gold", async ({ page, playwright, baseURL }) => {
  const id = `script-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  // emoji before and inside the quotes: Python's code-point indices must be the API's offsets
  const text = `Dock chief 🚢 Marta Kessler said “we stay out” and that “not one crane moves 🤞🏽”.\r\nReport ${id}`;
  await signIn(page, ACCOUNTS.admin);
  const imported = await page.request.post(`/api/v1/projects/${PROJECT}/articles?filename=${id}.jsonl`, {
    headers: { "content-type": "application/x-ndjson" },
    data: `${JSON.stringify({ id, title: `Dock chief ${id}`, text, gold: { spans: [span(text, "Marta Kessler", "ACTOR", "g1"), span(text, "we stay out", "QUOTE", "g2")], relations: [] } })}\n`,
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const token = await createTokenInUi(page, `quote-bot-${id}`);

  const script = () =>
    run("python3", [SCRIPT, PROJECT, id, "quote-regex-e2e"], { env: { ...process.env, SOURCEMARK_URL: baseURL!, SOURCEMARK_TOKEN: token }, timeout: 60_000 });
  const { stdout, stderr } = await script();
  expect(stderr).toBe("2 of 2 quotes posted as suggestions by quote-regex-e2e\n");
  expect(stdout.trim().split("\n")).toHaveLength(2);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const layerUrl = `/api/v1/projects/${PROJECT}/articles/${id}/layers/suggestions`;
  const layer = await (await api.get(layerUrl)).json();
  expect(layer.spans.map((s: { label: string; text: string; attributes: object }) => [s.label, s.text, s.attributes])).toEqual([
    ["QUOTE", "we stay out", { model: "quote-regex-e2e" }],
    ["QUOTE", "not one crane moves 🤞🏽", { model: "quote-regex-e2e" }],
  ]);
  expect(layer.spans[0]).toMatchObject(span(text, "we stay out", "QUOTE", layer.spans[0].id));
  expect(layer.spans[1]).toMatchObject(span(text, "not one crane moves 🤞🏽", "QUOTE", layer.spans[1].id));

  // running it again posts nothing new: the same spans are refused as duplicates
  expect((await script()).stderr).toBe("0 of 2 quotes posted as suggestions by quote-regex-e2e\n");
  expect((await (await api.get(layerUrl)).json()).spans).toHaveLength(2);

  // the model against gold on this article: one of two suggested quotes is gold, the gold quote was found, the actor was not
  const versusGold = await (await api.get(`/api/v1/projects/${PROJECT}/agreement?layer=suggestions`)).json();
  expect(versusGold.annotators).toEqual(["suggestions", "gold"]);
  const figure = (measure: string, label: string | null) =>
    versusGold.figures.find((f: { measure: string; label: string | null; article: string | null }) => f.measure === measure && f.label === label && f.article === id);
  expect(figure("precision", "QUOTE")).toMatchObject({ value: 0.5, units: 2 });
  expect(figure("recall", "QUOTE")).toMatchObject({ value: 1, units: 1 });
  expect(figure("recall", "ACTOR")).toMatchObject({ value: 0, units: 1 });
  // and suggestions are nobody's annotation: the analysts' agreement never lists them
  const agreement = await (await api.get(`/api/v1/projects/${PROJECT}/agreement`)).json();
  expect(agreement.annotators).not.toContain("suggestions");
  await api.dispose();

  await page.goto(`/projects/${PROJECT}/agreement`);
  const section = page.getByRole("region", { name: "Model suggestions against gold" });
  await expect(section.getByRole("table", { name: "Suggestions against gold, by label" })).toBeVisible();
  await expect(section.getByRole("row", { name: /^QUOTE/ })).toContainText("suggestions");
  await expectAccessible(page);
});
