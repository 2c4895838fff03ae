/**
 * Browsing figures for the article list: searchArticles end to end (the list query and its two
 * detail queries), timed per viewer and per filter, beside a bare keyset page on the same table.
 */
import { performance } from "node:perf_hooks";
import { searchArticles, type Viewer } from "../db/queries/articles";
import type { ArticleFilters } from "../lib/validation/articles";
import type { BenchDatabase, RecordedQuery } from "./bench-database";
import { summarise, timeRuns, type Figure } from "./timing";
import { SEARCH } from "./news-corpus";

const RUNS = 15;
const WALK_PAGES = 200;
export const BASELINE_SQL = "select id from articles where project_id = $1 order by external_id limit 50";

export type BrowseCase = {
  name: string;
  figure: Figure;
  /** The list statement alone (no detail queries), sent raw and timed the same way. */
  listQuery?: Figure;
  rows?: number;
  statement?: RecordedQuery;
};

export type BrowseViewer = { label: string; viewer: Viewer; assignee: string };

/** The bare keyset page every figure is compared with. */
export function measureBaseline(bench: BenchDatabase, projectId: string): Promise<Figure> {
  return timeRuns(RUNS, () => bench.query(BASELINE_SQL, [projectId]));
}

export async function measureBrowsing(bench: BenchDatabase, projectId: string, who: BrowseViewer): Promise<BrowseCase[]> {
  const cases: BrowseCase[] = [];
  const run = (filters: ArticleFilters) => searchArticles(bench.db, who.viewer, projectId, filters);

  const timed = async (name: string, filters: ArticleFilters) => {
    let rows = 0;
    const [statement] = await bench.record(async () => {
      rows = (await run(filters)).items.length;
    });
    const figure = await timeRuns(RUNS, () => run(filters));
    const listQuery = await timeRuns(RUNS, () => bench.query(statement.sql, statement.params));
    cases.push({ name: `${who.label}: ${name}`, figure, listQuery, rows, statement });
  };

  await timed("first page", {});

  // Walk the list page by page with the cursors it hands out, timing every page.
  const pageTimes: number[] = [];
  let cursor: string | undefined;
  let deepCursor: string | undefined;
  for (let page = 0; page < WALK_PAGES; page++) {
    const began = performance.now();
    const result = await run({ cursor });
    pageTimes.push(performance.now() - began);
    if (!result.nextCursor) break;
    deepCursor = cursor = result.nextCursor;
  }
  cases.push({ name: `${who.label}: walk ${pageTimes.length} pages (per page)`, figure: summarise(pageTimes) });
  if (deepCursor) await timed(`page ${pageTimes.length + 1} by cursor`, { cursor: deepCursor });

  await timed(`search title word "${SEARCH.titleWord}"`, { q: SEARCH.titleWord });
  await timed(`search outlet "${SEARCH.outlet}"`, { q: SEARCH.outlet });
  await timed(`search text word "${SEARCH.textWord}"`, { q: SEARCH.textWord });
  await timed(`search rare word "${SEARCH.rareWord}"`, { q: SEARCH.rareWord });
  await timed("status done", { status: "done" });
  if (who.viewer.role !== "analyst") await timed("status unassigned (none left)", { status: "unassigned" });
  await timed("assignee", { assignee: who.assignee });
  await timed("label QUOTE >= 1", { label: "QUOTE", labelMin: 1 });
  return cases;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a recorded statement, as text lines. */
export async function explain(bench: BenchDatabase, statement: RecordedQuery): Promise<string[]> {
  const rows = await bench.query(`explain (analyze, buffers) ${statement.sql}`, statement.params);
  return rows.map((row) => String(row["QUERY PLAN"]));
}
