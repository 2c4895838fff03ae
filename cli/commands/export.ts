import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import type { Database } from "../../db/types";
import { getProjectBySlug } from "../../db/queries/projects";
import { exportChunks, resolveExportLayer, utf8Pieces } from "../../db/queries/export";
import { EXPORT_FORMATS, authoriseExport, parseExportRequest } from "../../lib/export-request";
import { CliError, type Io } from "../io";
import { progressLine } from "../progress";

export const EXPORT_USAGE = `sourcemark export --project SLUG --format ${EXPORT_FORMATS.join("|")} --layer gold|all|EMAIL --out PATH [--articles ID,ID...]
    (brat writes a .zip; the actor registers need no --layer; PATH may be a folder)`;

/** Streams an export to a file: written under a temporary name and renamed when complete. */
export async function exportCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      project: { type: "string" },
      format: { type: "string" },
      layer: { type: "string" },
      out: { type: "string" },
      articles: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new CliError(`Unexpected argument "${positionals[0]}".\n${EXPORT_USAGE}`, 2);
  if (!values.project) throw new CliError(`--project is required.\n${EXPORT_USAGE}`, 2);
  if (!values.out) throw new CliError(`--out is required.\n${EXPORT_USAGE}`, 2);
  if (values.layer?.trim().toLowerCase() === "me") throw new CliError("--layer me names nobody on the command line: give the analyst's email.", 2);
  const parsed = parseExportRequest({ format: values.format, layer: values.layer, articles: values.articles });
  if (!parsed.ok) throw new CliError(parsed.message.replace(/\barticles=/, "--articles"), 2);

  const project = await getProjectBySlug(db, values.project);
  if (!project) throw new CliError(`No project "${values.project}".`);
  // The command line acts as an admin (like import and assign).
  const authorised = authoriseExport(parsed.request, { role: "admin", email: "" }, project.slug);
  if (!authorised.ok) throw new CliError(authorised.message);
  const spec = authorised.export;
  const layer = spec.target ? await resolveExportLayer(db, spec.target) : null;
  if (spec.target && !layer) throw new CliError(`No user "${values.layer}".`);

  // A folder (existing, or named with a trailing slash) gets the export's own file name.
  const folder = isDirectory(values.out) || /[\\/]$/.test(values.out);
  if (folder) fs.mkdirSync(values.out, { recursive: true });
  const out = folder ? path.join(values.out, spec.fileName) : values.out;
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  const progress = progressLine(`exporting ${project.slug}: articles written`);
  let articles = 0;
  try {
    const chunks = exportChunks(db, {
      projectId: project.id,
      format: spec.format,
      layer,
      filter: { externalIds: spec.articles ?? undefined },
      onArticle: (count) => {
        articles = count;
        progress.update(count);
      },
    });
    await pipeline(Readable.from(utf8Pieces(chunks)), fs.createWriteStream(partial));
    fs.renameSync(partial, out);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "EACCES") {
      throw new CliError(`Cannot write ${out}: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    progress.done();
  }
  const size = fs.statSync(out).size;
  const what = spec.target
    ? `${articles.toLocaleString("en")} article${articles === 1 ? "" : "s"} (${values.layer?.trim().toLowerCase()}, ${spec.format})`
    : `the actor register (${spec.format})`;
  io.out(`Exported ${what} to ${out} (${formatBytes(size)})`);
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
