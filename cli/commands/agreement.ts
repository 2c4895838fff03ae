import { parseArgs } from "node:util";
import type { Database } from "../../db/types";
import { getProjectBySlug } from "../../db/queries/projects";
import { computeProjectAgreement } from "../../db/queries/agreement-data";
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
} from "../../lib/agreement";
import { CliError, type Io } from "../io";

export const AGREEMENT_USAGE = "sourcemark agreement --project SLUG [--json]   (--json: DESIGN.md's report, else tables)";

export async function agreementCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { project: { type: "string" }, json: { type: "boolean" } }, strict: true });
  if (!values.project) throw new CliError(`--project is required.\n${AGREEMENT_USAGE}`, 2);
  const project = await getProjectBySlug(db, values.project);
  if (!project) throw new CliError(`No project "${values.project}".`);
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
