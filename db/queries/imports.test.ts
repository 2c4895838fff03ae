import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { testTargets } from "../test-databases";
import type { Connection } from "../connect";
import { annotations, articles, users, type Project } from "../schema";
import { createProject } from "./projects";
import { createUser, type PublicUser } from "./users";
import { importFile, type FileImportResult, type ImportContext } from "./imports";
import { streamCorpus } from "./corpus";
import { writeNativeJsonl, collectText, type ImportedArticle } from "../../lib/formats";
import { hardCorpus, smallCorpus } from "../../lib/formats/test-support/corpus";
import { sliceByCodePoints } from "../../lib/text/code-points";

const bytes = (text: string) => new TextEncoder().encode(text);

/** The comparable content of an article: ids of spans are local to a file, so they are replaced by positions. */
function normalise(article: ImportedArticle) {
  const layer = (content: { spans: ImportedArticle["annotations"][number]["spans"]; relations: { from: string; to: string; type: string }[] }) => {
    const spans = [...content.spans].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
    const key = (id: string) => {
      const s = spans.find((x) => x.id === id)!;
      return `${s.label}:${s.start}-${s.end}`;
    };
    return {
      spans: spans.map(({ id: _id, ...rest }) => rest),
      relations: content.relations.map((r) => `${key(r.from)}->${key(r.to)}`).sort(),
    };
  };
  return {
    ...article,
    annotations: [...article.annotations].sort((a, b) => a.annotator.localeCompare(b.annotator)).map((l) => ({ annotator: l.annotator, ...layer(l) })),
    gold: article.gold ? layer(article.gold) : null,
  };
}

describe.each(testTargets())("importing files on $name", (target) => {
  let connection: Connection;
  let project: Project;
  let admin: PublicUser;
  let context: ImportContext;

  beforeAll(async () => {
    connection = await target.open();
    project = await createProject(connection.db, { name: "Import", slug: "import" });
    admin = await createUser(connection.db, { email: "admin@i.org", name: "Admin", role: "admin", password: "password1" });
    context = { projectId: project.id, userId: admin.id, spanTarget: { annotator: admin.email }, labels: new Set(["QUOTE", "CLAIM", "ACTOR"]) };
  });
  afterAll(async () => {
    await connection?.close();
  });

  const jsonl = (file: string, text: string) => importFile(connection.db, context, { kind: "jsonl", file, chunks: [bytes(text)] });
  const count = async () => (await connection.db.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.projectId, project.id)))[0].n;

  it("imports native JSONL with layers, gold, actors and attributions on hard text, losslessly", async () => {
    const small = smallCorpus().map((a) => ({ ...a, id: `small-${a.id}` }));
    const corpus = [...small, ...hardCorpus().filter((h) => !small.some((s) => s.text === h.text))];
    const file = await collectText(writeNativeJsonl(corpus));
    const result = await jsonl("corpus.jsonl", file);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.imported).toBe(corpus.length);

    const back: ImportedArticle[] = [];
    for await (const article of streamCorpus(connection.db, project.id, { kind: "everything" })) back.push(article);
    const expected = corpus.map(normalise).sort((a, b) => (a.id < b.id ? -1 : 1));
    const actual = back.map(normalise).map((a) => ({ ...a, gold: a.gold && a.gold.spans.length === 0 && !corpus.find((c) => c.id === a.id)?.gold ? null : a.gold }));
    expect(actual).toEqual(expected);
    for (const article of back) {
      for (const layer of [...article.annotations, ...(article.gold ? [article.gold] : [])]) {
        for (const span of layer.spans) expect(sliceByCodePoints(article.text, span.start, span.end)).toBe(span.text);
      }
    }
    // annotators who were not users exist now, disabled
    const created = await connection.db.select().from(users).where(eq(users.disabled, true));
    expect(created.length).toBeGreaterThan(0);
  });

  it("reports texts the project already holds as duplicates and skips them", async () => {
    const before = await count();
    const again = await jsonl("again.jsonl", await collectText(writeNativeJsonl(smallCorpus().map((a) => ({ ...a, id: `${a.id}-copy` })))));
    expect(again.ok).toBe(true);
    expect(again.imported).toBe(0);
    expect(again.duplicates.map((d) => d.existing)).toEqual(smallCorpus().map((a) => `small-${a.id}`));
    expect(await count()).toBe(before);
  });

  it("imports doccano JSONL into the importer's layer and a brat pair and a plain text file", async () => {
    const doccano = await jsonl("doccano.jsonl", `${JSON.stringify({ id: "d1", text: "Zoë said 習近平 smiled 👍🏽.", label: [[0, 3, "ACTOR"], [9, 12, "ACTOR"]] })}\n`);
    expect(doccano.errors).toEqual([]);
    const brat = await importFile(connection.db, context, {
      kind: "brat",
      txtFile: "b1.txt",
      txt: bytes("Brandt: “We remain”\r\nשלום עולם"),
      annFile: "b1.ann",
      ann: bytes("T1\tACTOR 0 6\tBrandt\nT2\tQUOTE 9 18\tWe remain\nR1\tattributed_to Arg1:T2 Arg2:T1\n"),
    });
    expect(brat.errors).toEqual([]);
    const plain = await importFile(connection.db, context, { kind: "plain", file: "note.txt", bytes: bytes("A title\r\nThe body, with e\u0301 and 🇺🇦.") });
    expect(plain.ok).toBe(true);
    const rows = await connection.db
      .select({ text: annotations.text, label: annotations.label, layer: annotations.layerUserId })
      .from(annotations)
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .where(sql`${articles.externalId} in ('d1', 'b1')`);
    expect(rows.map((r) => r.text).sort()).toEqual(["Brandt", "We remain", "Zoë", "習近平"].sort());
    expect(new Set(rows.map((r) => r.layer))).toEqual(new Set([admin.id]));
    const [note] = await connection.db.select().from(articles).where(eq(articles.title, "A title"));
    expect(note.text).toBe("The body, with e\u0301 and 🇺🇦.");
  });

  it.each([
    ["a span outside the text", `{"id":"x1","text":"short","annotations":[{"annotator":"a@x.org","spans":[{"id":"s","start":2,"end":50,"label":"QUOTE","text":"ort"}]}]}`],
    ["end before start", `{"id":"x2","text":"short","annotations":[{"annotator":"a@x.org","spans":[{"id":"s","start":3,"end":2,"label":"QUOTE","text":"o"}]}]}`],
    ["covered text that does not match", `{"id":"x3","text":"short","annotations":[{"annotator":"a@x.org","spans":[{"id":"s","start":0,"end":2,"label":"QUOTE","text":"xx"}]}]}`],
    ["an unknown label", `{"id":"x4","text":"short","annotations":[{"annotator":"a@x.org","spans":[{"id":"s","start":0,"end":2,"label":"PERSON","text":"sh"}]}]}`],
    ["a truncated line", `{"id":"x5","text":"sho`],
  ])("writes nothing of a file with %s, and names the line", async (_case, badLine) => {
    const before = await count();
    const good = `{"id":"fine-${Math.random()}","text":"A good article ${Math.random()}"}`;
    const result: FileImportResult = await jsonl("bad.jsonl", `${good}\n${badLine}\n`);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ file: "bad.jsonl", line: 2 });
    expect(result.imported).toBe(0);
    expect(await count()).toBe(before);
  });

  it("refuses invalid UTF-8 naming the file, and writes nothing", async () => {
    const before = await count();
    const result = await importFile(connection.db, context, { kind: "plain", file: "latin1.txt", bytes: new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x74, 0xe9]) });
    expect(result.ok).toBe(false);
    expect(result.errors[0].file).toBe("latin1.txt");
    expect(result.errors[0].message).toMatch(/UTF-8/);
    expect(await count()).toBe(before);
  });

  it("refuses a NUL character (which PostgreSQL cannot store) in any field, naming the line, and writes nothing", async () => {
    const before = await count();
    const good = `{"id":"nul-ok-${Math.random()}","text":"A fine text ${Math.random()}"}`;
    const nulLines = [
      JSON.stringify({ id: "nul-1", title: "a\u0000b", text: "Title with a NUL" }),
      JSON.stringify({ id: "nul-2", text: "Text with a NUL \u0000 inside" }),
      JSON.stringify({ id: "nul-3", text: "Note with NUL", annotations: [{ annotator: "x@i.org", spans: [{ id: "s", label: "QUOTE", start: 0, end: 4, text: "Note", note: "\u0000" }], relations: [] }] }),
      JSON.stringify({ id: "nul-4", text: "Meta with NUL", meta: { "k\u0000": "v" } }),
    ];
    for (const line of nulLines) {
      const result = await jsonl("nul.jsonl", `${good}\n${line}\n`);
      expect(result.ok, line).toBe(false);
      expect(result.errors[0], line).toMatchObject({ file: "nul.jsonl", line: 2 });
      expect(result.errors[0].message).toMatch(/NUL/);
    }
    const plain = await importFile(connection.db, context, { kind: "plain", file: "nul.txt", bytes: bytes("Title\nBody \u0000 here") });
    expect(plain.ok).toBe(false);
    expect(plain.errors[0].message).toMatch(/NUL/);
    expect(await count()).toBe(before);
  });

  it("refuses an id already used for another text, rolling back the whole file", async () => {
    const before = await count();
    const result = await jsonl("clash.jsonl", `{"id":"new-one","text":"brand new text"}\n{"id":"d1","text":"different text"}\n`);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ line: 2 });
    expect(result.errors[0].message).toMatch(/already exists/);
    expect(await count()).toBe(before);
  });

  it("streams a large file in batches", async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => JSON.stringify({ id: `bulk-${i}`, title: `Bulk ${i}`, text: `Bulk article number ${i}.` })).join("\n");
    const chunks = [];
    const all = bytes(lines);
    for (let i = 0; i < all.length; i += 4096) chunks.push(all.subarray(i, i + 4096));
    let progress = 0;
    const result = await importFile(connection.db, { ...context, onProgress: (n) => (progress = n) }, { kind: "jsonl", file: "bulk.jsonl", chunks });
    expect(result.errors).toEqual([]);
    expect(result.imported).toBe(2_000);
    expect(progress).toBe(2_000);
  });
});
