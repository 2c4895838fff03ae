/**
 * Paint speed of the annotation reader against @recogito/text-annotator 4, in Debian's
 * Chromium, on one seeded article of 100,000 code points with 2,000 spans.
 * Run: npx tsx bench/reader-paint/run.ts   (what is measured: README.md beside this file)
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { chromium, type Browser } from "@playwright/test";
import { makeArticle } from "./article";
import type { BenchWindow } from "./page-support";

const RUNS = Number(process.env.RUNS ?? 7);
const TAGS = 5;
const ROOT = path.resolve(import.meta.dirname, "../..");
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

type Result = Record<string, number>;

async function bundle(): Promise<Map<string, string>> {
  const atRoot: esbuild.Plugin = {
    name: "at-root",
    setup(build) {
      build.onResolve({ filter: /^@\// }, (args) => build.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: ROOT }));
    },
  };
  const result = await esbuild.build({
    entryPoints: { ours: path.join(import.meta.dirname, "ours-page.tsx"), peer: path.join(import.meta.dirname, "peer-page.ts") },
    outdir: path.join(import.meta.dirname, "out"), // nothing is written: the files stay in memory
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [atRoot],
    logLevel: "error",
  });
  return new Map(result.outputFiles.map((file) => [`/${path.basename(file.path)}`, file.text]));
}

function html(script: string, css: string | null): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${script}</title>
<script>window.LONG_TASKS=[];new PerformanceObserver((list)=>{for(const e of list.getEntries())LONG_TASKS.push({start:e.startTime,duration:e.duration})}).observe({type:"longtask"});</script>
<style>body{margin:0;background:#fafaf9}main{max-width:42rem;margin:2rem auto;padding:0 1rem;font:1.05rem/2rem "Iowan Old Style","Palatino Linotype",Georgia,"Noto Serif",serif;color:#1c1917}p{margin:0}.ProseMirror{outline:none}</style>
${css ? `<link rel="stylesheet" href="${css}">` : ""}<script src="/data.js"></script>
</head><body><main></main><script src="/${script}"></script></body></html>`;
}

function serve(files: Map<string, string>): Promise<http.Server> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = http.createServer((request, response) => {
    const name = new URL(request.url ?? "/", "http://localhost").pathname;
    const body = files.get(name);
    response.writeHead(body === undefined ? 404 : 200, { "content-type": `${types[path.extname(name)] ?? "text/plain"}; charset=utf-8` });
    response.end(body ?? "not found");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Opens `page` in a fresh context and returns window.bench[name]() for each name, in order. */
async function measure(browser: Browser, origin: string, page: string, calls: string[]): Promise<Result[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  tab.on("pageerror", (error) => console.error(`${page}: ${error.message}`));
  await tab.goto(`${origin}/${page}`, { waitUntil: "load" });
  const results: Result[] = [];
  for (const name of calls) results.push((await tab.evaluate((call) => (window as unknown as BenchWindow).bench[call](), name)) as Result);
  await context.close();
  return results;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(" ");

type OursRun = { start: Result; open: Result; tags: Result[]; scroll: Result };

async function main() {
  const data = makeArticle();
  const files = await bundle();
  files.set("/data.js", `window.BENCH=${JSON.stringify(data)};`);
  files.set("/ours.css", fs.readFileSync(path.join(ROOT, "components/editor/reader.css"), "utf8"));
  files.set("/ours.html", html("ours.js", "/ours.css"));
  files.set("/peer.html", html("peer.js", "/peer.css"));
  const server = await serve(files);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  console.log(`Chromium ${browser.version()}, ${os.cpus().length} CPUs, load average ${load()}; article ${[...data.text].length} code points ` +
    `(${data.text.length} UTF-16 units), ${data.text.split("\n").length} paragraphs, ${data.spans.length} spans ` +
    `(${data.layered} nested in or overlapping another); ${RUNS} runs, ours and the peer alternating\n`);

  const ours: OursRun[] = [];
  const peer: Result[] = [];
  for (let run = 0; run < RUNS; run++) {
    const measureOurs = async () => {
      const [start] = await measure(browser, origin, "ours.html?mode=handover", ["start"]);
      const results = await measure(browser, origin, "ours.html?mode=open", ["open", ...Array(TAGS).fill("tag"), "scroll"]);
      ours.push({ start, open: results[0], tags: results.slice(1, -1), scroll: results[TAGS + 1] });
    };
    const measurePeer = async () => peer.push((await measure(browser, origin, "peer.html", ["start"]))[0]);
    if (run % 2 === 0) await measureOurs().then(measurePeer);
    else await measurePeer().then(measureOurs);
    const o = ours[run];
    console.log(`run ${run + 1}: ours ${ms(o.start.ms)} (${o.start.painted} painted), open ${ms(o.open.ms)}, ` +
      `tag ${o.tags.map((t) => t.paint.toFixed(1)).join("/")} ms, scroll task ${ms(o.scroll.longestTask)}; ` +
      `peer ${ms(peer[run].ms)} (${peer[run].painted} painted)`);
  }
  await browser.close();
  server.close();

  const of = <T>(list: T[], key: (item: T) => number) => list.map(key);
  const line = (values: number[]) => `${ms(median(values)).padStart(9)} ${ms(Math.min(...values)).padStart(9)}`;
  const oursMs = of(ours, (r) => r.start.ms);
  const peerMs = of(peer, (r) => r.ms);
  const ratio = median(oursMs) / median(peerMs);
  const painted = Math.min(...of(ours, (r) => r.start.painted), ...of(ours, (r) => r.open.painted));
  const openMs = of(ours, (r) => r.open.ms);
  const firstTag = of(ours, (r) => r.tags[0].paint);
  const laterTags = ours.flatMap((r) => r.tags.slice(1).map((t) => t.paint));
  const worst = (values: number[]) => ms(Math.max(...values));
  const openTask = Math.max(...of(ours, (r) => r.open.longestTask));
  const scrollTask = Math.max(...of(ours, (r) => r.scroll.longestTask));
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(`
spans handed over → painted in the DOM     median       min
  ours (ArticleEditor)                 ${line(oursMs)}   every span painted: ${painted}/${data.spans.length} (${median(of(ours, (r) => r.start.segments))} segments)
    of which state.apply ${ms(median(of(ours, (r) => r.start.apply)))}, view.updateState ${ms(median(of(ours, (r) => r.start.view)))} (medians)
  peer (Recogito text-annotator 4)     ${line(peerMs)}   painted ${median(of(peer, (r) => r.painted))}/${data.spans.length} spans, the ones in view (${median(of(peer, (r) => r.rects))} rects; ${median(of(peer, (r) => r.paintedLater))} a second later)
    of which setAnnotations ${ms(median(of(peer, (r) => r.returned)))} before it returned
  ratio ours/peer (medians)            ${ratio.toFixed(2)}
… → the frame showing them rendered (style, layout and paint included)
  ours                                 ${line(of(ours, (r) => r.start.framed))}
  peer                                 ${line(of(peer, (r) => r.framed))}
  ratio ours/peer (medians)            ${(median(of(ours, (r) => r.start.framed)) / median(of(peer, (r) => r.framed))).toFixed(2)}
ours, page open, navigation → every span painted ${line(openMs)}   (frame rendered ${ms(median(of(ours, (r) => r.open.framed)))}; bundle running at ${ms(median(of(ours, (r) => r.open.scriptStart)))}; apply ${ms(median(of(ours, (r) => r.open.apply)))}, view ${ms(median(of(ours, (r) => r.open.view)))})
ours, tag one span → its frame painted          ${line(firstTag)}   (script ${ms(median(of(ours, (r) => r.tags[0].script)))}; the ${TAGS - 1} next tags: median ${ms(median(laterTags))}, worst ${worst(laterTags)})
longest long task (worst of ${RUNS} runs): open ${ms(openTask)}; tags ${worst(ours.flatMap((r) => of(r.tags, (t) => t.longestTask)))}; ` +
    `scroll ${ms(scrollTask)} (${median(of(ours, (r) => r.scroll.frames))} steps of 240 px); handover: ours ${worst(of(ours, (r) => r.start.longestTask))}, peer ${worst(of(peer, (r) => r.longestTask))}
load average at the end: ${load()}

targets: open < 1 s ${met(median(openMs) < 1000)}; first tag ≤ 16 ms ${met(median(firstTag) <= 16)}; scroll long tasks ≤ 50 ms ${met(scrollTask <= 50)}; ` +
    `ratio ≤ 0.5 ${met(ratio <= 0.5)}; every span painted ${met(painted === data.spans.length)}`);
}

await main();
