import { parseArgs } from "node:util";
import type { Database } from "../../db/types";
import { getProjectBySlug } from "../../db/queries/projects";
import { computeProjectAgreement, computeSuggestionAgreement } from "../../db/queries/agreement-data";
import {
  MEASURE_INFO,
  POOLING,
  labelColumns,
  pairRows,
  projectRows,
  formatValue,
  type AgreementReport,
  type Cell,
  type MeasureRow,
  type SuggestionReport,
} from "../../lib/agreement";
import { agreementQuerySchema } from "../../lib/validation/agreement";
import { CliError, type Io } from "../io";

export const AGREEMENT_USAGE =
  "sourcemark agreement --project SLUG [--layer analysts|suggestions] [--json]   (--json: DESIGN.md's report, else tables; suggestions: the model against gold)";

export async function agreementCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: "string" }, json: { type: "boolean" }, layer: { type: "string" } },
    strict: true,
  });
  if (!values.project) throw new CliError(`--project is required.\n${AGREEMENT_USAGE}`, 2);
  const query = agreementQuerySchema.safeParse({ layer: values.layer });
  if (!query.success) throw new CliError(`${query.error.issues[0].message}\n${AGREEMENT_USAGE}`, 2);
  const project = await getProjectBySlug(db, values.project);
  if (!project) throw new CliError(`No project "${values.project}".`);
  if (query.data.layer === "suggestions") {
    const report = await computeSuggestionAgreement(db, project);
    if (values.json) io.out(JSON.stringify(report));
    else for (const line of readableSuggestionReport(report)) io.out(line);
    return;
  }
  const report = await computeProjectAgreement(db, project);
  if (values.json) {
    io.out(JSON.stringify(report));
    return;
  }
  for (const line of readableReport(report)) io.out(line);
}

/** The report as aligned text tables: project figures per measure and label, then each pair's. */
export function readableReport(report: AgreementReport): string[] {
  const articles = new Set(report.figures.flatMap((f) => (f.article === null ? [] : [f.article])));
  if (articles.size === 0) {
    return [`Agreement in ${report.project}: no article has been annotated by two analysts yet.`];
  }
  const columns = labelColumns(report).map((label) => label ?? "all labels");
  const lines = [
    `Agreement in ${report.project}: ${report.annotators.length} analysts, ${articles.size} article${articles.size === 1 ? "" : "s"} compared.`,
    "Each cell: value (units: spans for the F1s, tokens for the kappas, code points for alpha_u, span pairs for speaker_agreement); — where undefined.",
    "",
    "Project",
    ...table(["measure", ...columns, "over"], projectRows(report).map((row) => [...cellsOf(row), POOLING[row.measure].note])),
  ];
  for (const { pair, rows } of pairRows(report)) {
    lines.push("", `${pair[0]} × ${pair[1]}`, ...table(["measure", ...columns], rows.map(cellsOf)));
  }
  lines.push("", ...Object.entries(MEASURE_INFO).map(([measure, info]) => `${measure}: ${info.explanation}`));
  return lines;
}

/** The model against gold as a table: one row per label (then all labels), project figures. */
export function readableSuggestionReport(report: SuggestionReport): string[] {
  const articles = new Set(report.figures.flatMap((f) => (f.article === null ? [] : [f.article])));
  if (articles.size === 0) return [`Suggestions in ${report.project}: no article with suggestions has a gold layer yet.`];
  const measures = ["precision", "recall", "f1_exact", "f1_overlap"] as const;
  const rows = [...report.labels, null].map((label) => [
    label ?? "all labels",
    ...measures.map((measure) => {
      const figure = report.figures.find((f) => f.measure === measure && f.label === label && f.article === null);
      return figure ? `${formatValue(figure.value)} (${figure.units})` : "";
    }),
  ]);
  return [
    `Suggestions against gold in ${report.project}: ${articles.size} article${articles.size === 1 ? "" : "s"} with a gold layer.`,
    "Each cell: value (units: suggestions for precision, gold spans for recall, both for the F1s); — where undefined.",
    "",
    ...table(["label", ...measures], rows),
  ];
}

function cellsOf(row: MeasureRow): string[] {
  return [row.measure, ...row.cells.map(formatCell)];
}

function formatCell(cell: Cell): string {
  return cell === null ? "" : `${formatValue(cell.value)} (${cell.units})`;
}

/** Left-aligned columns separated by two spaces; trailing spaces trimmed. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) => row.map((text, i) => text.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}
