import { parseArgs } from "node:util";
import type { Database } from "../../db/types";
import { getProjectBySlug } from "../../db/queries/projects";
import { findUserByEmail } from "../../db/queries/users";
import { attributedQuotes, type QuoteLayer } from "../../db/queries/quotes";
import { quoteRecord } from "../../db/queries/quote-records";
import { quoteCsvHeader, quoteCsvLine, quoteJsonLine } from "../../lib/formats/writers/quotes";
import { quotesQuerySchema } from "../../lib/validation/quotes";
import { CliError, type Io } from "../io";

export const QUOTES_USAGE =
  "sourcemark quotes --project SLUG [--layer gold|EMAIL] [--actor NAME] [--format jsonl|csv]   (every attributed QUOTE and CLAIM with its speaker and cluster)";

export async function quotesCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: "string" }, layer: { type: "string" }, actor: { type: "string" }, format: { type: "string" } },
    strict: true,
  });
  if (!values.project) throw new CliError(`--project is required.\n${QUOTES_USAGE}`, 2);
  const query = quotesQuerySchema.safeParse({ layer: values.layer, actor: values.actor, format: values.format });
  if (!query.success) throw new CliError(`${query.error.issues[0].message}\n${QUOTES_USAGE}`, 2);
  const project = await getProjectBySlug(db, values.project);
  if (!project) throw new CliError(`No project "${values.project}".`);
  let layer: QuoteLayer = { kind: "gold" };
  if (query.data.layer.toLowerCase() !== "gold") {
    const user = await findUserByEmail(db, query.data.layer);
    if (!user) throw new CliError(`--layer is gold or an analyst's email; no user "${query.data.layer}".`, 2);
    layer = { kind: "analyst", userId: user.id, goldFirst: true };
  }
  const rows = await attributedQuotes(db, project, layer, { speaker: query.data.actor });
  if (query.data.format === "csv") io.out(quoteCsvHeader());
  for (const row of rows) io.out(query.data.format === "csv" ? quoteCsvLine(quoteRecord(row)) : quoteJsonLine(quoteRecord(row)));
}
