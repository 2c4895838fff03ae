import "server-only";
import { getDb } from "@/db/client";
import { importFile, MAX_IMPORT_FILE_BYTES, type FileImportResult, type ImportSource } from "@/db/queries/imports";
import { listProjectLabels } from "@/db/queries/projects";
import { ApiError } from "@/lib/api/errors";
import { groupImportFiles } from "@/lib/import-files";
import { importQuerySchema, MAX_MULTIPART_BYTES } from "@/lib/validation/imports";
import { capStream, readBodyBytes, tooLarge } from "./request-body";
import type { CurrentUser } from "./current-user";

/** Uploads through the browser form are capped; scripts send one raw file, streamed. */
export { MAX_MULTIPART_BYTES };

async function* streamOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * Reads the files of an import request: multipart form fields named `file`, or a raw body named
 * by `?filename=`. Bodies over the limits are refused with 413 before they are read whole: by
 * their Content-Length when declared, else as soon as the streamed bytes pass the limit.
 */
export async function importFromRequest(request: Request, user: CurrentUser, projectId: string): Promise<FileImportResult[]> {
  const db = getDb();
  const labels = new Set((await listProjectLabels(db, [projectId])).map((label) => label.key));
  const context = { projectId, userId: user.id, spanTarget: { annotator: user.email }, labels };
  const declared = Number(request.headers.get("content-length") ?? NaN);
  const contentType = request.headers.get("content-type") ?? "";

  if (contentType.startsWith("multipart/form-data")) {
    if (Number.isFinite(declared) && declared > MAX_MULTIPART_BYTES) {
      throw new ApiError("too_large", `Uploads are limited to ${MAX_MULTIPART_BYTES / 1024 / 1024} MB per request; use the CLI or a raw upload for larger files.`);
    }
    if (!request.body) throw new ApiError("bad_request", "The request has no body.");
    const capped = capStream(request.body, MAX_MULTIPART_BYTES);
    let form: FormData;
    try {
      form = await new Response(capped.stream, { headers: { "content-type": contentType } }).formData();
    } catch {
      if (capped.exceeded()) throw tooLarge(MAX_MULTIPART_BYTES);
      throw new ApiError("bad_request", "The upload could not be read as multipart form data.");
    }
    const files = form.getAll("file").filter((value): value is File => typeof value !== "string");
    if (files.length === 0) throw new ApiError("bad_request", 'Send one or more files in form fields named "file".');
    const grouping = groupImportFiles(files.map((file) => ({ name: file.name, file })));
    const results: FileImportResult[] = grouping.problems.map((problem) => ({
      file: problem.file,
      ok: false,
      imported: 0,
      duplicates: [],
      errors: [{ file: problem.file, line: 0, message: problem.message }],
      warnings: [],
    }));
    for (const unit of grouping.units) {
      const source: ImportSource =
        unit.kind === "brat"
          ? { kind: "brat", txtFile: unit.txtName, txt: new Uint8Array(await unit.txt.arrayBuffer()), annFile: unit.annName, ann: new Uint8Array(await unit.ann.arrayBuffer()) }
          : unit.kind === "plain"
            ? { kind: "plain", file: unit.name, bytes: new Uint8Array(await unit.file.arrayBuffer()) }
            : { kind: "jsonl", file: unit.name, chunks: streamOf(unit.file.stream()) };
      results.push(await importFile(db, context, source));
    }
    return results;
  }

  const query = importQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new ApiError("bad_request", `filename: ${query.error.issues[0].message}`);
  const name = query.data.filename;
  if (!name) throw new ApiError("bad_request", "Name the file: ?filename=articles.jsonl (or send multipart form data).");
  if (Number.isFinite(declared) && declared > MAX_IMPORT_FILE_BYTES) {
    throw new ApiError("too_large", `Files are limited to ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`);
  }
  if (!request.body) throw new ApiError("bad_request", "The request has no body.");
  const grouping = groupImportFiles([{ name, file: request.body }]);
  const unit = grouping.units[0];
  if (!unit || unit.kind === "brat") throw new ApiError("bad_request", grouping.problems[0]?.message ?? "Send brat pairs as multipart form data.");
  if (unit.kind === "plain") {
    const bytes = await readBodyBytes(request, MAX_IMPORT_FILE_BYTES);
    return [await importFile(db, context, { kind: "plain", file: name, bytes })];
  }
  const capped = capStream(request.body, MAX_IMPORT_FILE_BYTES);
  let result: FileImportResult;
  try {
    result = await importFile(db, context, { kind: "jsonl", file: name, chunks: streamOf(capped.stream) });
  } catch (error) {
    if (capped.exceeded()) throw tooLarge(MAX_IMPORT_FILE_BYTES);
    throw error;
  }
  if (capped.exceeded()) throw tooLarge(MAX_IMPORT_FILE_BYTES);
  return [result];
}
