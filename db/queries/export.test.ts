/**
 * Exports from the database (issue 7), on every target: hard text (emoji, CJK, RTL, combining
 * marks, CRLF) with analysts' layers and gold is imported, exported in every format through
 * streamCorpus and the writers, and checked span by span: the exported text sliced at the
 * exported offsets, in code points, equals the covered text. Native, doccano and brat exports are
 * imported again into fresh projects and give the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { actors, type Project } from "../schema";
import { createProject } from "./projects";
import { createUser, type PublicUser } from "./users";
import { importFile, type ImportSource } from "./imports";
import { streamCorpus, type LayerChoice } from "./corpus";
import { exportChunks, resolveExportLayer, utf8Pieces, type ExportLayer } from "./export";
import { listActorRegister } from "./actors";
import { collectBytes, collectText, parseCsv, unguardCsvCell, writeNativeJsonl, type ImportedArticle, type LayerContent } from "../../lib/formats";
import { hardCorpus, readZip } from "../../lib/formats/test-support/corpus";
import { sliceByCodePoints } from "../../lib/text/code-points";
import type { ExportFormat, ExportTarget } from "../../lib/export-request";

const ALICE = "alice@example.org";
const LABELS = new Set(["QUOTE", "CLAIM", "ACTOR"]);
const corpus = hardCorpus();
const textOf = new Map(corpus.map((a) => [a.id, a.text]));
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** An exported span: `covered` is the exported text sliced at the exported offsets. */
type Found = { key: string; covered: string };
const keyOf = (article: string, layer: string, label: string, start: number | string, end: number | string) => `${article}|${layer}|${label}|${start}|${end}`;

/** Every span of the selected layers of the original corpus, key → covered text. */
function expectedSpans(selection: "gold" | "all" | string): Map<string, string> {
  const out = new Map<string, string>();
  for (const article of corpus) {
    const layers: [string, LayerContent][] = [];
    if (selection === "gold") {
      if (article.gold) layers.push(["gold", article.gold]);
    } else {
      for (const layer of article.annotations) if (selection === "all" || layer.annotator === selection) layers.push([layer.annotator, layer]);
    }
    for (const [name, layer] of layers) for (const s of layer.spans) out.set(keyOf(article.id, name, s.label, s.start, s.end), s.text);
  }
  return out;
}

/** Reads each format back into exported spans, checking format-specific fields on the way. */
const readers: Record<Exclude<ExportFormat, "actors-csv" | "actors-jsonl">, (out: string | Uint8Array, selection: string) => Found[]> = {
  jsonl(out) {
    const found: Found[] = [];
    for (const line of (out as string).trimEnd().split("\n")) {
      const article = JSON.parse(line) as ImportedArticle;
      expect(article.text).toBe(textOf.get(article.id));
      const layers: [string, LayerContent][] = [...article.annotations.map((l) => [l.annotator, l] as [string, LayerContent]), ...(article.gold ? [["gold", article.gold] as [string, LayerContent]] : [])];
      for (const [name, layer] of layers) {
        for (const span of layer.spans) {
          const covered = sliceByCodePoints(article.text, span.start, span.end);
          expect(covered).toBe(span.text);
          found.push({ key: keyOf(article.id, name, span.label, span.start, span.end), covered });
        }
      }
    }
    return found;
  },
  doccano(out, selection) {
    const found: Found[] = [];
    for (const line of (out as string).trimEnd().split("\n")) {
      const row = JSON.parse(line);
      for (const [start, end, label] of row.label) {
        found.push({ key: keyOf(row.id, row.annotator ?? selection, label, start, end), covered: sliceByCodePoints(row.text, start, end) });
      }
    }
    return found;
  },
  brat(out, selection) {
    const files = readZip(out as Uint8Array);
    expect(files.has("annotation.conf")).toBe(true);
    const found: Found[] = [];
    for (const [name, bytes] of files) {
      if (!name.endsWith(".ann")) continue;
      const parts = name.split("/").map(decodeURIComponent);
      const [layer, stem] = parts.length === 2 ? parts : [selection, parts[0]];
      const id = stem.replace(/\.ann$/, "");
      const txt = decode(files.get(name.replace(/\.ann$/, ".txt")));
      expect(txt).toBe(textOf.get(id));
      for (const line of decode(bytes).split("\n").filter((l) => l.startsWith("T"))) {
        const [, body, column] = line.split("\t");
        const [label, start, end] = body.split(" ");
        const covered = sliceByCodePoints(txt, Number(start), Number(end));
        expect(column).toBe(covered.replace(/[\r\n]/g, " "));
        found.push({ key: keyOf(id, layer, label, start, end), covered });
      }
    }
    return found;
  },
  webanno(out) {
    const doc = JSON.parse(out as string);
    expect(doc.type).toBe("AnnotationCollection");
    return doc.first.items.map((annotation: { id: string; layer: string; body: { value: string }[]; target: { selector: [{ start: number; end: number }, { exact: string }] } }) => {
      const id = decodeURIComponent(/articles\/([^/]+)\//.exec(annotation.id)![1]);
      const [position, quote] = annotation.target.selector;
      const covered = sliceByCodePoints(textOf.get(id)!, position.start, position.end);
      expect(covered).toBe(quote.exact);
      return { key: keyOf(id, annotation.layer, annotation.body[0].value, position.start, position.end), covered };
    });
  },
  csv(out) {
    const [header, ...rows] = parseCsv(out as string);
    expect(header).toEqual(["article", "layer", "label", "start", "end", "text", "actor", "attributed_to"]);
    return rows.map(([article, layer, label, start, end, text]) => {
      const covered = sliceByCodePoints(textOf.get(article)!, Number(start), Number(end));
      expect(covered).toBe(unguardCsvCell(text));
      return { key: keyOf(article, layer, label, start, end), covered };
    });
  },
  conll(out) {
    // Tokens must equal the text at their offsets; each span's chunk (widened to whole tokens) is
    // reported with its first and last token's bounds and checked against the span below.
    const text = out as string;
    const labels = text.split("\n")[0].replace("# global.columns = TOKEN START END ", "").split(" ");
    const found: Found[] = [];
    let id = "";
    let layer = "";
    const open = new Map<string, [number, number]>();
    const close = (label: string) => {
      const chunk = open.get(label);
      if (chunk) found.push({ key: keyOf(id, layer, label, chunk[0], chunk[1]), covered: sliceByCodePoints(textOf.get(id)!, chunk[0], chunk[1]) });
      open.delete(label);
    };
    for (const line of text.split("\n")) {
      if (line.startsWith("# doc_id = ")) id = line.slice(11);
      else if (line.startsWith("# layer = ")) layer = line.slice(10);
      if (!line.includes("\t")) {
        labels.forEach(close);
        continue;
      }
      const [token, start, end, ...tags] = line.split("\t");
      expect(sliceByCodePoints(textOf.get(id)!, Number(start), Number(end))).toBe(token);
      tags.forEach((tag, i) => {
        if (tag === "O" || tag.startsWith("B-")) close(labels[i]);
        if (tag.startsWith("B-")) open.set(labels[i], [Number(start), Number(end)]);
        if (tag.startsWith("I-")) open.get(labels[i])![1] = Number(end);
      });
    }
    return found;
  },
};

describe.each(testTargets())("exporting a project on $name", (target) => {
  let connection: Connection;
  let project: Project;
  let admin: PublicUser;
  let slug = 0;

  const importInto = async (projectId: string, source: ImportSource, spanTarget: { gold: true } | { annotator: string } = { gold: true }) => {
    const result = await importFile(connection.db, { projectId, userId: admin.id, spanTarget, labels: LABELS }, source);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    return result;
  };
  const freshProject = () => createProject(connection.db, { name: `Again ${++slug}`, slug: `again-${slug}` });
  const layerFor = async (t: ExportTarget): Promise<ExportLayer> => (await resolveExportLayer(connection.db, t))!;
  const run = (projectId: string, format: ExportFormat, layer: ExportLayer | null, filter = {}) => {
    const chunks = exportChunks(connection.db, { projectId, format, layer, filter });
    return format === "brat" ? collectBytes(utf8Pieces(chunks)) : collectText(chunks as AsyncIterable<string>);
  };
  const corpusOf = async (projectId: string, choice: LayerChoice) => {
    const out: ImportedArticle[] = [];
    for await (const article of streamCorpus(connection.db, projectId, choice)) out.push(article);
    return out;
  };

  beforeAll(async () => {
    connection = await target.open();
    admin = await createUser(connection.db, { email: "admin@export.org", name: "Admin", role: "admin", password: "password1" });
    project = await createProject(connection.db, { name: "Export", slug: "export" });
    await importInto(project.id, { kind: "jsonl", file: "hard.jsonl", chunks: [new TextEncoder().encode(await collectText(writeNativeJsonl(corpus)))] });
  });
  afterAll(async () => {
    await connection?.close();
  });

  const selections: [string, ExportTarget][] = [
    ["gold", { kind: "gold" }],
    ["all", { kind: "analysts" }],
    [ALICE, { kind: "analyst", email: ALICE, own: false }],
  ];
  const formats = Object.keys(readers) as (keyof typeof readers)[];

  for (const [selection, exportTarget] of selections) {
    it.each(formats)(`%s of ${selection}: every span's exported text at its exported offsets is its covered text`, async (format) => {
      const out = await run(project.id, format, await layerFor(exportTarget));
      const found = readers[format](out, selection);
      const expected = expectedSpans(selection);
      if (format === "conll") {
        // Chunks are whole tokens: every span's non-blank part lies inside a chunk of its label and layer.
        for (const [key, covered] of expected) {
          const [article, layer, label, start] = key.split("|");
          const points = Array.from(covered);
          const lead = points.findIndex((c) => !/\p{White_Space}/u.test(c));
          const trail = points.length - 1 - [...points].reverse().findIndex((c) => !/\p{White_Space}/u.test(c));
          const covering = found.filter(({ key: k }) => {
            const [a, l, lab, s, e] = k.split("|");
            return a === article && l === layer && lab === label && Number(s) <= Number(start) + lead && Number(e) >= Number(start) + trail + 1;
          });
          expect(covering.length, key).toBeGreaterThan(0);
        }
        return;
      }
      expect(new Map(found.map((f) => [f.key, f.covered]))).toEqual(expected);
      expect(found).toHaveLength(expected.size);
    });
  }

  it("exports only the named articles, and for an analyst only those assigned to them", async () => {
    const alice = await layerFor({ kind: "analyst", email: ALICE, own: true });
    const ids = (out: string) => out.trimEnd().split("\n").map((line) => JSON.parse(line).id);
    expect(ids((await run(project.id, "jsonl", alice)) as string)).toEqual(corpus.map((a) => a.id).sort());
    const aliceUser = (await connection.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, ALICE) }))!;
    const assigned = ids((await run(project.id, "jsonl", alice, { assignedTo: aliceUser.id })) as string);
    expect(assigned).toEqual(corpus.filter((a) => a.annotations.some((l) => l.annotator === ALICE)).map((a) => a.id).sort());
    expect(ids((await run(project.id, "jsonl", alice, { externalIds: ["empty-layers", "hard/1 ünïcode"] })) as string)).toEqual(["empty-layers", "hard/1 ünïcode"]);
    expect(await resolveExportLayer(connection.db, { kind: "analyst", email: "nobody@example.org", own: false })).toBeNull();
  });

  it("streams across batches in external-id order, and stops cleanly when the caller stops early", async () => {
    const many = await freshProject();
    const lines = Array.from({ length: 450 }, (_, i) =>
      JSON.stringify({ id: `n${String(i).padStart(3, "0")}`, text: `Article ${i} 🚢`, gold: { spans: [{ id: "g", start: 0, end: 7, label: "CLAIM", text: "Article" }] } }),
    );
    await importInto(many.id, { kind: "jsonl", file: "many.jsonl", chunks: [new TextEncoder().encode(lines.join("\n") + "\n")] });
    const out = await corpusOf(many.id, { kind: "gold" });
    expect(out.map((a) => a.id)).toEqual(lines.map((_, i) => `n${String(i).padStart(3, "0")}`));
    expect(out.every((a) => a.gold?.spans.length === 1 && a.gold.spans[0].text === "Article")).toBe(true);
    let seen = 0;
    for await (const _article of streamCorpus(connection.db, many.id, { kind: "gold" })) if (++seen === 5) break;
    expect(seen).toBe(5);
  });

  it("exports the actor register without merged actors", async () => {
    const [survivor] = await connection.db.select().from(actors).where(eq(actors.name, "Xi Jinping"));
    await connection.db.insert(actors).values({ projectId: project.id, name: "Xi J.", mergedIntoId: survivor.id });
    const names = [...new Set(corpus.flatMap((a) => [...a.annotations, ...(a.gold ? [a.gold] : [])].flatMap((l) => l.spans.map((s) => s.actor))).filter((n): n is string => n !== null))];
    expect((await listActorRegister(connection.db, project.id)).map((a) => a.name).sort()).toEqual(names.sort());
    const jsonl = ((await run(project.id, "actors-jsonl", null)) as string).trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(jsonl.map((a) => a.name).sort()).toEqual(names.sort());
    expect(jsonl[0]).toEqual({ name: expect.any(String), aliases: [], kind: "person", external_id: null, description: null });
    const [header, ...rows] = parseCsv((await run(project.id, "actors-csv", null)) as string);
    expect(header).toEqual(["name", "aliases", "kind", "external_id", "description"]);
    expect(rows.map((r) => unguardCsvCell(r[0])).sort()).toEqual(names.sort());
  });

  describe("re-importing exports gives the same data", () => {
    /** Span ids are the database's: compare spans by content and relations by their ends' bounds. */
    const comparable = (articles: ImportedArticle[], keep: (keyof LayerContent["spans"][number])[] = ["start", "end", "label", "text", "attributes", "note", "actor"]) =>
      articles.map((article) => {
        const layer = (content: LayerContent) => {
          const bounds = (id: string) => {
            const s = content.spans.find((x) => x.id === id)!;
            return `${s.label} ${s.start}-${s.end}`;
          };
          return {
            spans: content.spans.map((s) => Object.fromEntries(keep.map((k) => [k, s[k]]))),
            relations: content.relations.map((r) => `${bounds(r.from)} -> ${bounds(r.to)}`).sort(),
          };
        };
        return { ...article, annotations: article.annotations.map((l) => ({ annotator: l.annotator, ...layer(l) })), gold: article.gold && layer(article.gold) };
      });

    it("native JSONL (analysts' layers, then gold): lossless", async () => {
      for (const [choice, exportTarget] of [
        [{ kind: "analysts" }, { kind: "analysts" }],
        [{ kind: "gold" }, { kind: "gold" }],
      ] as [LayerChoice, ExportTarget][]) {
        const again = await freshProject();
        const out = (await run(project.id, "jsonl", await layerFor(exportTarget))) as string;
        await importInto(again.id, { kind: "jsonl", file: "export.jsonl", chunks: [new TextEncoder().encode(out)] });
        expect(comparable(await corpusOf(again.id, choice))).toEqual(comparable(await corpusOf(project.id, choice)));
        // and exporting the copy gives the same file, but for the database's span ids
        const strip = (text: string) => text.replace(/"(id|from|to)":"[0-9a-f-]{36}"/g, '"$1":"·"');
        expect(strip((await run(again.id, "jsonl", await layerFor(exportTarget))) as string)).toBe(strip(out));
      }
    });

    it("doccano JSONL of gold: texts, article fields and spans", async () => {
      const again = await freshProject();
      const out = (await run(project.id, "doccano", await layerFor({ kind: "gold" }))) as string;
      await importInto(again.id, { kind: "jsonl", file: "doccano.jsonl", chunks: [new TextEncoder().encode(out)] });
      const spansOnly = (articles: ImportedArticle[]) => comparable(articles, ["start", "end", "label", "text"]).map((a) => ({ ...a, gold: a.gold && { spans: a.gold.spans, relations: [] } }));
      expect(spansOnly(await corpusOf(again.id, { kind: "gold" }))).toEqual(spansOnly(await corpusOf(project.id, { kind: "gold" })));
    });

    it("brat of gold: texts, spans, actors, notes and attributions", async () => {
      const again = await freshProject();
      const files = readZip((await run(project.id, "brat", await layerFor({ kind: "gold" }))) as Uint8Array);
      for (const name of files.keys()) {
        if (!name.endsWith(".ann")) continue;
        const txtFile = name.replace(/\.ann$/, ".txt");
        await importInto(again.id, { kind: "brat", txtFile, txt: files.get(txtFile)!, annFile: name, ann: files.get(name)! });
      }
      // brat has no title, outlet, url, date or meta: compare ids, texts and gold.
      const gold = async (projectId: string) => comparable(await corpusOf(projectId, { kind: "gold" })).map((a) => ({ id: a.id, text: a.text, gold: a.gold }));
      expect(await gold(again.id)).toEqual(await gold(project.id));
    });
  });
});
