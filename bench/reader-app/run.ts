/**
 * The annotation reader as an analyst meets it: the built app on a throwaway PostgreSQL database,
 * the seeded article of 100,000 code points with 2,000 spans in the analyst's own layer (the same
 * article as bench/reader-paint), opened and tagged in Debian's Chromium. Prints medians.
 * Run: npx tsx bench/reader-app/run.ts   (README.md beside this file says what is measured)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { startBenchApp } from "../app-server";
import { makeArticle } from "../reader-paint/article";
import { segmentSpans } from "../../lib/editor/segments";
import { OffsetIndex } from "../../lib/text/code-points";
import { summariseTrace, TRACE_CATEGORIES } from "./trace-summary";

const RUNS = Number(process.env.RUNS ?? 5);
const TAGS = 5;
const PROFILE = Boolean(process.env.PROFILE);
/** Which tag PROFILE takes a CPU profile of (1: the first, cold one). */
const PROFILE_TAG = Number(process.env.PROFILE_TAG ?? 2);
/** TRACE=1: a Chrome trace of the second tag of each run, summarised (self time by event kind). */
const TRACE = Boolean(process.env.TRACE);
const ANALYST = "alice@sourcemark.test";
const ARTICLE_ID = "bench-long-article";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(" ");

/**
 * What runs in the page, as source text: tsx compiles this file with esbuild's keepNames, whose
 * `__name` helper does not exist in the page, so functions cannot be handed to Playwright as such.
 */
const PAGE_SCRIPT = String.raw`
(() => {
  const tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: "longtask", buffered: true });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  /**
   * Called in a requestAnimationFrame callback: resolves with the time at which that frame's
   * rendering is done, as the first task after it. A user-blocking task where the browser has
   * scheduler.postTask (a plain message task can wait behind tasks the page queued earlier,
   * such as React's scheduler's), else a message.
   */
  const endOfThisFrame = () => new Promise((resolve) => {
    const done = () => resolve(performance.now());
    if (globalThis.scheduler && typeof scheduler.postTask === "function") scheduler.postTask(done, { priority: "user-blocking" });
    else {
      const channel = new MessageChannel();
      channel.port1.onmessage = done;
      channel.port2.postMessage(null);
    }
  });
  const segmentCount = () => document.querySelectorAll(".ProseMirror .sm-seg").length;
  /**
   * Checks once a frame, from the next one on, for at least count segments: resolves with the start
   * of the first frame that finds them (they are in the DOM that frame renders) and the end of that
   * frame, both from since. Watching from the event on, not from when Playwright asks, so that a
   * slow round trip to the page does not push the result to a later frame.
   */
  const watchSegments = (count, since) => new Promise((resolve) => {
    const check = () => {
      const at = performance.now();
      if (segmentCount() >= count) endOfThisFrame().then((end) => resolve({ at: at - since, framed: end - since }));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const bench = {
    async longestTask(from, to) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return Math.max(0, ...tasks.filter((t) => t.start < to && t.start + t.duration > from).map((t) => t.duration));
    },
    /** How many spans have every code point inside a segment naming their label (from the DOM alone). */
    countPainted(lines, spans) {
      const paragraphs = document.querySelectorAll(".ProseMirror > p");
      if (paragraphs.length !== lines.length) return -1;
      const starts = [0];
      for (const line of lines) starts.push(starts[starts.length - 1] + [...line].length + 1);
      const labels = Array.from({ length: starts[starts.length - 1] }, () => []);
      paragraphs.forEach((paragraph, k) => {
        let at = starts[k];
        labels[starts[k + 1] - 1] = null; // a line end has no DOM of its own
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const segment = node.parentElement && node.parentElement.closest(".sm-seg");
          const names = segment ? (segment.dataset.labels || "").split(" ") : [];
          for (const _ of node.data) labels[at++] = names;
        }
      });
      return spans.filter((span) => {
        for (let cp = span.start; cp < span.end; cp++) if (labels[cp] !== null && !labels[cp].includes(span.label)) return false;
        return true;
      }).length;
    },
    /** Clicks the article's link in the list; milliseconds until count segments exist. */
    async openFromList(title, count) {
      const anchor = [...document.querySelectorAll("a")].find((a) => (a.textContent || "").includes(title));
      const began = performance.now();
      anchor.click();
      return (await watchSegments(count, began)).at;
    },
    /** Selects 15 characters of unpainted text in the k-th probe paragraph and listens for the next key. */
    armTag(k) {
      const paragraphs = [...document.querySelectorAll(".ProseMirror > p")];
      for (let p = Math.floor(((k + 1) * paragraphs.length) / 7); p < paragraphs.length; p++) {
      const paragraph = paragraphs[p];
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.parentElement && node.parentElement.closest(".sm-seg")) || node.data.length < 30) continue;
        paragraph.scrollIntoView({ block: "center" });
        document.querySelector(".ProseMirror").focus({ preventScroll: true });
        const range = document.createRange();
        range.setStart(node, 5);
        range.setEnd(node, 20);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        bench.before = segmentCount();
        addEventListener("keydown", () => {
          bench.keyAt = performance.now();
          bench.tagSeen = watchSegments(bench.before + 1, bench.keyAt);
        }, { capture: true, once: true });
        return true;
      }
      }
      return false;
    },
    /** After the armed key: from the key press to the end of the frame showing one more segment. */
    async tagResult() {
      const result = await bench.tagSeen;
      return { paint: result.framed, task: await bench.longestTask(bench.keyAt, bench.keyAt + result.framed) };
    },
    /** Scrolls the article from top to bottom, 240 px a frame; the longest task meanwhile. */
    async scrollThrough() {
      let scroller = document.querySelector(".ProseMirror").parentElement;
      while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
      const target = scroller || document.scrollingElement;
      target.scrollTop = 0;
      await frame();
      const began = performance.now();
      for (let step = 0; step < 2000 && target.scrollTop + target.clientHeight < target.scrollHeight - 1; step++) {
        target.scrollBy(0, 240);
        await frame();
      }
      return bench.longestTask(began, performance.now());
    },
  };
  window.benchApp = bench;
  // A full load of the reader: watched from the document's start (navigation start is 0).
  const open = window.__benchOpen;
  if (open && location.pathname === open.path) bench.opened = watchSegments(open.count, 0);
})();
`;

/** Calls window.benchApp[name](...args) in the page. */
function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`window.benchApp.${name}(...${JSON.stringify(args)})`) as Promise<T>;
}

type Run = { open: number; openFramed: number; openTask: number; navigate: number; tags: number[]; tagTask: number; scrollTask: number; painted: number };

async function main() {
  const data = makeArticle();
  const index = new OffsetIndex(data.text);
  const lines = data.text.split("\n");
  const expectedSegments = segmentSpans(data.spans).length;
  const app = await startBenchApp();
  const { origin } = app;
  const file = path.join(os.tmpdir(), `reader-app-${process.pid}.jsonl`);
  try {
    const spans = data.spans.map((span) => ({ id: span.id, start: span.start, end: span.end, label: span.label, text: index.slice(span.start, span.end) }));
    fs.writeFileSync(file, `${JSON.stringify({ id: ARTICLE_ID, title: "A long article", outlet: "Bench", text: data.text, annotations: [{ annotator: ANALYST, spans, relations: [] }] })}\n`);
    app.cli("import", "--project", "velmora-strike", file);
    app.cli("assign", "--project", "velmora-strike", "--overlap", "1", "--analysts", ANALYST);

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
    console.log(`Chromium ${browser.version()}, ${os.cpus().length} CPUs, load average ${load()}; article ${index.length} code points, ` +
      `${lines.length} paragraphs, ${data.spans.length} spans in ${expectedSegments} segments; ${RUNS} runs\n`);
    const readerPath = `/projects/velmora-strike/articles/${ARTICLE_ID}`;
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
      await page.addInitScript(`window.__benchOpen = ${JSON.stringify({ count: expectedSegments, path: readerPath })};`);
      await page.addInitScript(PAGE_SCRIPT);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const metrics = async () => {
        const { metrics } = await cdp.send("Performance.getMetrics");
        const wanted = ["ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration"];
        return Object.fromEntries(metrics.filter((m) => wanted.includes(m.name)).map((m) => [m.name, m.value])) as Record<string, number>;
      };
      await page.goto(`${origin}/signin`);
      await page.getByLabel("Email").fill(ANALYST);
      await page.getByLabel("Password").fill("sourcemark-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Sign out" }).waitFor();

      // A full page load: navigation start (performance.now() = 0) → every span painted.
      if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.goto(`${origin}${readerPath}`);
      const open = (await page.evaluate("window.benchApp.opened")) as { at: number; framed: number };
      if (TRACE) {
        const json = (await browser.stopTracing()).toString();
        if (process.env.TRACE_FILE) fs.writeFileSync(`${process.env.TRACE_FILE}-${run + 1}-open.json`, json);
        const summary = summariseTrace(json, 0, Infinity, open.framed);
        console.log(`  trace of the page load (${ms(open.at)}): main thread busy ${ms(summary.busy)} before every span was painted; self time by event:\n` +
          summary.selfByName.filter(([, time]) => time >= 5).slice(0, 14).map(([name, time]) => `    ${time.toFixed(1).padStart(7)} ms ${name}`).join("\n"));
      }
      const openTask = await call<number>(page, "longestTask", 0, open.at);
      const painted = await call<number>(page, "countPainted", lines, data.spans);

      // In the app: from the project's article list, a click on the article → every span painted.
      await page.goto(`${origin}/projects/velmora-strike?q=long`);
      await page.getByRole("link", { name: "A long article" }).first().waitFor();
      await page.waitForTimeout(300);
      const navigate = await call<number>(page, "openFromList", "A long article", expectedSegments);

      // Tag: select unpainted text, press the QUOTE hotkey → the end of the frame showing the new segment.
      const tags: number[] = [];
      let tagTask = 0;
      for (let k = 0; k < TAGS; k++) {
        if (!(await call<boolean>(page, "armTag", k))) throw new Error("no unpainted text to tag");
        await page.waitForTimeout(200); // ProseMirror reads the selection on selectionchange
        const before = PROFILE ? await metrics() : null;
        if (PROFILE && k === PROFILE_TAG - 1) {
          await cdp.send("Profiler.enable");
          await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
          await cdp.send("Profiler.start");
        }
        if (TRACE && k <= 1) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        await page.keyboard.press("q");
        const tag = await call<{ paint: number; task: number }>(page, "tagResult");
        if (TRACE && k <= 1) {
          const json = (await browser.stopTracing()).toString();
          if (process.env.TRACE_FILE) fs.writeFileSync(`${process.env.TRACE_FILE}-${run + 1}-${k + 1}.json`, json);
          const summary = summariseTrace(json);
          console.log(`  trace of tag ${k + 1} (${ms(tag.paint)}): main thread busy over ${ms(summary.window)}; self time by event:\n` +
            summary.selfByName.filter(([, time]) => time >= 0.5).slice(0, 18).map(([name, time]) => `    ${time.toFixed(1).padStart(7)} ms ${name}`).join("\n") +
            `\n  long events:\n${summary.details.map((line) => `    ${line}`).join("\n")}`);
        }
        if (PROFILE && k === PROFILE_TAG - 1) {
          const { profile } = (await cdp.send("Profiler.stop")) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
          if (process.env.PROFILE_FILE) fs.writeFileSync(`${process.env.PROFILE_FILE}-${run + 1}.cpuprofile`, JSON.stringify(profile));
          const byId = new Map(profile.nodes.map((n) => [n.id, n]));
          const self = new Map<string, number>();
          profile.samples.forEach((id, i) => {
            const f = byId.get(id)!.callFrame;
            const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
            self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
          });
          console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([key, ms]) => `    ${ms.toFixed(1).padStart(7)} ${key}`).join("\n"));
        }
        if (before) {
          const after = await metrics();
          console.log(`  tag ${k + 1}: ${Object.keys(after).map((key) => `${key} ${((after[key] - before[key]) * 1000).toFixed(1)} ms`).join(", ")}`);
        }
        tags.push(tag.paint);
        tagTask = Math.max(tagTask, tag.task);
      }
      const scrollTask = await call<number>(page, "scrollThrough");
      runs.push({ open: open.at, openFramed: open.framed, openTask, navigate, tags, tagTask, scrollTask, painted });
      console.log(`run ${run + 1}: open ${ms(open.at)} (framed ${ms(open.framed)}, ${painted}/${data.spans.length} painted), ` +
        `from the list ${ms(navigate)}, tags ${tags.map((t) => t.toFixed(1)).join("/")} ms, longest task: open ${ms(openTask)}, tag ${ms(tagTask)}, scroll ${ms(scrollTask)}`);
      await context.close();
    }
    await browser.close();

    const all = (key: (run: Run) => number) => runs.map(key);
    const firstTags = all((r) => r.tags[0]);
    const laterTags = runs.flatMap((r) => r.tags.slice(1));
    const painted = Math.min(...all((r) => r.painted));
    const scrollTask = Math.max(...all((r) => r.scrollTask));
    const met = (ok: boolean) => (ok ? "met" : "MISSED");
    console.log(`
                                                 median       min
page load → every span painted               ${ms(median(all((r) => r.open))).padStart(9)} ${ms(Math.min(...all((r) => r.open))).padStart(9)}   (frame rendered: median ${ms(median(all((r) => r.openFramed)))})
click in the article list → every span painted ${ms(median(all((r) => r.navigate))).padStart(9)} ${ms(Math.min(...all((r) => r.navigate))).padStart(9)}
tag (key press → frame showing the span)     ${ms(median(firstTags)).padStart(9)} ${ms(Math.min(...firstTags)).padStart(9)}   first tag of each run; the next ${TAGS - 1}: median ${ms(median(laterTags))}
longest task: open ${ms(Math.max(...all((r) => r.openTask)))}, tags ${ms(Math.max(...all((r) => r.tagTask)))}, scroll ${ms(scrollTask)}
every span painted: ${painted}/${data.spans.length}; load average at the end ${load()}

targets: open < 1 s ${met(median(all((r) => r.open)) < 1000)}; tag ≤ 16 ms ${met(median(firstTags) <= 16)}; scroll long tasks ≤ 50 ms ${met(scrollTask <= 50)}; every span painted ${met(painted === data.spans.length)}`);
  } finally {
    fs.rmSync(file, { force: true });
    await app.stop();
  }
}

await main();
