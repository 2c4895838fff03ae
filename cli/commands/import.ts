import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/types";
import { projects } from "../../db/schema";
import { importFile, type ImportSource } from "../../db/queries/imports";
import { listProjectLabels } from "../../db/queries/projects";
import { groupImportFiles } from "../../lib/import-files";
import { emailSchema } from "../../lib/validation/users";
import { CliError, type Io } from "../io";
import { progressLine } from "../progress";

export const IMPORT_USAGE =
  "sourcemark import --project SLUG [--layer gold|EMAIL] FILE...   (.jsonl native or doccano, .txt, brat .txt + .ann; --layer: where doccano/brat spans go, default gold)";

export async function importCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { project: { type: "string" }, layer: { type: "string", default: "gold" } },
    allowPositionals: true,
    strict: true,
  });
  if (!values.project) throw new CliError(`--project is required.\n${IMPORT_USAGE}`);
  if (positionals.length === 0) throw new CliError(`Name at least one file.\n${IMPORT_USAGE}`);
  const [project] = await db.select().from(projects).where(eq(projects.slug, values.project)).limit(1);
  if (!project) throw new CliError(`No project "${values.project}".`);
  let spanTarget: { annotator: string } | { gold: true } = { gold: true };
  if (values.layer !== "gold") {
    const email = emailSchema.safeParse(values.layer);
    if (!email.success) throw new CliError("--layer must be gold or an analyst's email.");
    spanTarget = { annotator: email.data };
  }
  for (const file of positionals) {
    if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
  }
  const labels = new Set((await listProjectLabels(db, [project.id])).map((label) => label.key));
  const grouping = groupImportFiles(positionals.map((file) => ({ name: path.basename(file), file })));
  let failed = grouping.problems.length;
  for (const problem of grouping.problems) io.err(`${problem.file}: ${problem.message}`);
  for (const unit of grouping.units) {
    const name = unit.kind === "brat" ? unit.annName : unit.name;
    const progress = progressLine(`importing ${name}`);
    const source: ImportSource =
      unit.kind === "brat"
        ? { kind: "brat", txtFile: unit.txtName, txt: fs.readFileSync(unit.txt), annFile: unit.annName, ann: fs.readFileSync(unit.ann) }
        : unit.kind === "plain"
          ? { kind: "plain", file: unit.name, bytes: fs.readFileSync(unit.file) }
          : { kind: "jsonl", file: unit.name, chunks: fs.createReadStream(unit.file, { highWaterMark: 1 << 20 }) };
    const result = await importFile(db, { projectId: project.id, userId: null, spanTarget, labels, onProgress: progress.update }, source);
    progress.done();
    for (const warning of result.warnings) io.err(`warning: ${warning.file}${warning.line ? `:${warning.line}` : ""}: ${warning.message}`);
    if (!result.ok) {
      failed++;
      for (const error of result.errors) io.err(`${error.file}${error.line ? `:${error.line}` : ""}: ${error.message}`);
      io.err(`${name}: not imported (nothing of this file was stored)`);
      continue;
    }
    const duplicates = result.duplicates.length ? `, ${result.duplicates.length} duplicate${result.duplicates.length === 1 ? "" : "s"} skipped` : "";
    io.out(`${name}: imported ${result.imported} article${result.imported === 1 ? "" : "s"}${duplicates}`);
    for (const duplicate of result.duplicates) io.err(`duplicate: ${duplicate.id} has the same text as ${duplicate.existing}`);
  }
  if (failed) throw new CliError(`${failed} file${failed === 1 ? "" : "s"} not imported.`);
}
