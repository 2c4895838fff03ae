import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../types";
import { actors, annotations, articles, assignments, auditLog, projectMembers, relations, users } from "../schema";
import {
  decodeUtf8,
  readBrat,
  readDoccanoJsonlStream,
  readNativeJsonlStream,
  readPlainText,
  sniffJsonlFormat,
  textHash,
  type ImportedArticle,
  type ImportIssue,
  type LayerContent,
} from "../../lib/formats";
import { hashPassword } from "../../lib/auth/passwords";
import { MAX_IMPORT_FILE_BYTES } from "../../lib/validation/imports";
import { analyzeGrownTables } from "./planner-statistics";

export { MAX_IMPORT_FILE_BYTES };
const BATCH_ARTICLES = 200;
const BATCH_ROWS = 1000;
const IMPORTED_TABLES = ["articles", "annotations", "relations", "assignments"];

export type ImportSource =
  | { kind: "jsonl"; file: string; chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> }
  | { kind: "brat"; txtFile: string; txt: Uint8Array; annFile: string; ann: Uint8Array }
  | { kind: "plain"; file: string; bytes: Uint8Array };

export type FileImportResult = {
  file: string;
  ok: boolean;
  imported: number;
  duplicates: { id: string; existing: string }[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
};

export type ImportContext = {
  projectId: string;
  /** The importing user, recorded in the audit log (null for the CLI). */
  userId: string | null;
  /** Whose layer the spans of doccano and brat files (which name no annotator) go to. */
  spanTarget: { annotator: string } | { gold: true };
  labels: ReadonlySet<string>;
  onProgress?: (articles: number) => void;
};

class Rollback extends Error {
  constructor(readonly errors: ImportIssue[]) {
    super("import rolled back");
  }
}

/**
 * Imports one file all-or-nothing: every article of it is validated and inserted in
 * batches inside one transaction, which is rolled back when any line is bad.
 */
export async function importFile(db: Database, context: ImportContext, source: ImportSource): Promise<FileImportResult> {
  const file = source.kind === "brat" ? source.annFile : source.file;
  const result: FileImportResult = { file, ok: false, imported: 0, duplicates: [], errors: [], warnings: [] };
  try {
    await db.transaction(async (tx) => {
      const writer = new BatchWriter(tx as unknown as Database, context, file, result);
      const finish = await readSource(source, context, (article, line) => writer.add(article, line));
      await writer.flush();
      result.warnings.push(...finish.warnings);
      if (!finish.ok) throw new Rollback(finish.errors);
      if (writer.errors.length) throw new Rollback(writer.errors);
      await tx.insert(auditLog).values({
        userId: context.userId,
        projectId: context.projectId,
        entity: "import",
        action: "import",
        after: { file, imported: result.imported, duplicates: result.duplicates.length },
      });
    });
    result.ok = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    result.errors = error.errors;
    result.imported = 0;
    result.duplicates = [];
  }
  if (result.imported > 0) await analyzeGrownTables(db, IMPORTED_TABLES);
  return result;
}

type Finish = { ok: true; warnings: ImportIssue[] } | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

async function readSource(
  source: ImportSource,
  context: ImportContext,
  onArticle: (article: ImportedArticle, line: number) => Promise<void>,
): Promise<Finish> {
  const allowedLabels = context.labels;
  if (source.kind === "jsonl") {
    const { first, chunks } = await peekFirstLine(source.chunks);
    const options = { file: source.file, allowedLabels, maxBytes: MAX_IMPORT_FILE_BYTES };
    return sniffJsonlFormat(first) === "doccano"
      ? readDoccanoJsonlStream(chunks, { ...options, ...context.spanTarget }, onArticle)
      : readNativeJsonlStream(chunks, options, onArticle);
  }
  const whole =
    source.kind === "brat"
      ? (() => {
          const txt = decodeUtf8(source.txt, source.txtFile, { maxBytes: MAX_IMPORT_FILE_BYTES });
          const ann = decodeUtf8(source.ann, source.annFile, { maxBytes: MAX_IMPORT_FILE_BYTES });
          if (!txt.ok) return txt;
          if (!ann.ok) return ann;
          return readBrat(
            { txtFile: source.txtFile, txt: txt.text, annFile: source.annFile, ann: ann.text },
            { ...context.spanTarget, allowedLabels },
          );
        })()
      : (() => {
          const decoded = decodeUtf8(source.bytes, source.file, { maxBytes: MAX_IMPORT_FILE_BYTES });
          return decoded.ok ? readPlainText(decoded.text, source.file) : decoded;
        })();
  if (!whole.ok) return { ok: false, errors: whole.errors, warnings: "warnings" in whole ? (whole.warnings as ImportIssue[]) : [] };
  for (const article of whole.articles) await onArticle(article, 0);
  return { ok: true, warnings: whole.warnings };
}

/** Reads just enough of a byte stream to sniff its first line, then replays it whole. */
async function peekFirstLine(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
  const iterator = (Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<Uint8Array>)[Symbol.iterator]()) as
    | AsyncIterator<Uint8Array>
    | Iterator<Uint8Array>;
  const seen: Uint8Array[] = [];
  let text = "";
  const decoder = new TextDecoder();
  while (!text.includes("\n") && text.length < 1_000_000) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    text += decoder.decode(next.value, { stream: true });
  }
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  async function* chunks() {
    yield* seen;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { first: firstLine, chunks: chunks() };
}

/** Buffers validated articles and writes them in batches: articles, then layers, actors, spans, relations. */
class BatchWriter {
  readonly errors: ImportIssue[] = [];
  private pending: { article: ImportedArticle; line: number }[] = [];
  private readonly userIds = new Map<string, string>();
  private readonly actorIds = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly context: ImportContext,
    private readonly file: string,
    private readonly result: FileImportResult,
  ) {}

  async add(article: ImportedArticle, line: number) {
    this.pending.push({ article, line });
    if (this.pending.length >= BATCH_ARTICLES) await this.flush();
  }

  async flush() {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0 || this.errors.length) return;
    const fresh = await this.withoutDuplicates(batch);
    if (fresh.length === 0) return;
    const inserted = await this.db
      .insert(articles)
      .values(
        fresh.map(({ article }) => ({
          projectId: this.context.projectId,
          externalId: article.id,
          title: article.title,
          outlet: article.outlet,
          url: article.url,
          publishedAt: article.published_at,
          text: article.text,
          textHash: textHash(article.text),
          metadata: article.meta,
        })),
      )
      .returning({ id: articles.id, externalId: articles.externalId });
    const idOf = new Map(inserted.map((row) => [row.externalId, row.id]));
    await this.writeLayers(fresh.map(({ article }) => ({ article, articleId: idOf.get(article.id)! })));
    this.result.imported += inserted.length;
    this.context.onProgress?.(this.result.imported);
  }

  /** Skips texts the project already holds (reported); refuses an id reused for another text. */
  private async withoutDuplicates(batch: { article: ImportedArticle; line: number }[]) {
    const hashes = batch.map(({ article }) => textHash(article.text));
    const ids = batch.map(({ article }) => article.id);
    const existing = await this.db
      .select({ externalId: articles.externalId, textHash: articles.textHash })
      .from(articles)
      .where(and(eq(articles.projectId, this.context.projectId), or(inArray(articles.textHash, hashes), inArray(articles.externalId, ids))));
    const byHash = new Map(existing.map((row) => [row.textHash, row.externalId]));
    const byId = new Map(existing.map((row) => [row.externalId, row.textHash]));
    const fresh = [];
    for (const [i, entry] of batch.entries()) {
      const same = byHash.get(hashes[i]);
      if (same !== undefined) {
        this.result.duplicates.push({ id: entry.article.id, existing: same });
        continue;
      }
      if (byId.has(entry.article.id)) {
        this.errors.push({
          file: this.file,
          line: entry.line,
          message: `article id "${entry.article.id}" already exists in this project with a different text`,
        });
        continue;
      }
      fresh.push(entry);
    }
    return fresh;
  }

  private async writeLayers(items: { article: ImportedArticle; articleId: string }[]) {
    const layers: { articleId: string; kind: "analyst" | "gold"; userId: string | null; content: LayerContent }[] = [];
    for (const { article, articleId } of items) {
      for (const layer of article.annotations) {
        layers.push({ articleId, kind: "analyst", userId: await this.analystId(layer.annotator), content: layer });
      }
      if (article.gold) layers.push({ articleId, kind: "gold", userId: null, content: article.gold });
    }
    const analystLayers = layers.filter((layer) => layer.kind === "analyst");
    if (analystLayers.length) {
      await this.db
        .insert(assignments)
        .values(analystLayers.map((layer) => ({ articleId: layer.articleId, userId: layer.userId!, status: "done" as const })))
        .onConflictDoNothing();
    }
    const spanRows: (typeof annotations.$inferInsert)[] = [];
    const relationRows: (typeof relations.$inferInsert)[] = [];
    for (const layer of layers) {
      const uuidOf = new Map<string, string>();
      for (const span of layer.content.spans) {
        const id = randomUUID();
        uuidOf.set(span.id, id);
        spanRows.push({
          id,
          articleId: layer.articleId,
          layerKind: layer.kind,
          layerUserId: layer.userId,
          label: span.label,
          start: span.start,
          end: span.end,
          text: span.text,
          attributes: span.attributes,
          note: span.note,
          actorId: span.actor ? await this.actorId(span.actor) : null,
          createdBy: this.context.userId,
          updatedBy: this.context.userId,
        });
      }
      for (const relation of layer.content.relations) {
        relationRows.push({
          articleId: layer.articleId,
          layerKind: layer.kind,
          layerUserId: layer.userId,
          type: relation.type,
          fromId: uuidOf.get(relation.from)!,
          toId: uuidOf.get(relation.to)!,
          createdBy: this.context.userId,
        });
      }
    }
    for (let i = 0; i < spanRows.length; i += BATCH_ROWS) await this.db.insert(annotations).values(spanRows.slice(i, i + BATCH_ROWS));
    for (let i = 0; i < relationRows.length; i += BATCH_ROWS) await this.db.insert(relations).values(relationRows.slice(i, i + BATCH_ROWS));
  }

  /**
   * The analyst a layer belongs to. An annotator who is not yet a user is created as a
   * disabled analyst (an admin enables them and sets a password), so a corpus from
   * another instance imports whole.
   */
  private async analystId(email: string): Promise<string> {
    const key = email.toLowerCase();
    const known = this.userIds.get(key);
    if (known) return known;
    let [user] = await this.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${key}`);
    if (!user) {
      [user] = await this.db
        .insert(users)
        .values({ email: key, name: key.split("@")[0], role: "analyst", disabled: true, passwordHash: await hashPassword(randomBytes(24).toString("base64url")) })
        .returning({ id: users.id });
      this.result.warnings.push({ file: this.file, line: 0, message: `created the disabled analyst account ${key} for its annotations` });
    }
    await this.db.insert(projectMembers).values({ projectId: this.context.projectId, userId: user.id }).onConflictDoNothing();
    this.userIds.set(key, user.id);
    return user.id;
  }

  private async actorId(name: string): Promise<string> {
    const known = this.actorIds.get(name);
    if (known) return known;
    await this.db.insert(actors).values({ projectId: this.context.projectId, name }).onConflictDoNothing();
    const [row] = await this.db
      .select({ id: actors.id, merged: actors.mergedIntoId })
      .from(actors)
      .where(and(eq(actors.projectId, this.context.projectId), eq(actors.name, name)));
    const id = row.merged ?? row.id;
    this.actorIds.set(name, id);
    return id;
  }
}
