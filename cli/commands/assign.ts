import { parseArgs } from "node:util";
import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/types";
import { projects, users } from "../../db/schema";
import { assignProject, AssignmentError } from "../../db/queries/assignments";
import { addProjectMembers } from "../../db/queries/projects";
import { CliError, type Io } from "../io";

export const ASSIGN_USAGE = "sourcemark assign --project SLUG --overlap K [--analysts a@x,b@y]";

export async function assignCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: "string" }, overlap: { type: "string" }, analysts: { type: "string" } },
    strict: true,
  });
  if (!values.project) throw new CliError(`--project is required.\n${ASSIGN_USAGE}`);
  const [project] = await db.select().from(projects).where(eq(projects.slug, values.project)).limit(1);
  if (!project) throw new CliError(`No project "${values.project}".`);
  const overlap = values.overlap === undefined ? project.overlap : Number(values.overlap);
  if (!Number.isInteger(overlap) || overlap < 1 || overlap > 20) throw new CliError("--overlap must be a whole number from 1 to 20.");

  let analystIds: string[] | undefined;
  if (values.analysts) {
    const emails = values.analysts.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
    const found = await db
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(inArray(sql`lower(${users.email})`, emails));
    const missing = emails.filter((email) => !found.some((u) => u.email.toLowerCase() === email));
    if (missing.length) throw new CliError(`Unknown user${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
    const notAnalysts = found.filter((u) => u.role !== "analyst");
    if (notAnalysts.length) throw new CliError(`Not analysts: ${notAnalysts.map((u) => u.email).join(", ")}`);
    analystIds = emails.map((email) => found.find((u) => u.email.toLowerCase() === email)!.id);
    await addProjectMembers(db, project.id, analystIds);
  }
  try {
    const result = await assignProject(db, project.id, { overlap, analystIds });
    const emails = new Map(
      (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, Object.keys(result.loads).length ? Object.keys(result.loads) : ["00000000-0000-0000-0000-000000000000"]))).map((u) => [u.id, u.email]),
    );
    io.out(`Created ${result.created} assignments: ${result.articles} articles × ${overlap} analysts.`);
    for (const [id, load] of Object.entries(result.loads)) io.out(`${emails.get(id)}\t${load}`);
  } catch (error) {
    if (error instanceof AssignmentError) throw new CliError(error.message);
    throw error;
  }
}
