import { parseArgs } from "node:util";
import { z } from "zod";
import type { Database } from "../../db/types";
import {
  addProjectMember,
  createProject,
  DuplicateSlugError,
  getProjectBySlug,
  listAllProjects,
} from "../../db/queries/projects";
import { findUserByEmail } from "../../db/queries/users";
import { DEFAULT_LABELS } from "../../lib/labels";
import { newProjectSchema } from "../../lib/validation/projects";
import { emailSchema } from "../../lib/validation/users";
import { CliError, type Io } from "../io";

export const PROJECT_USAGE = `sourcemark project create --name N [--slug S] [--overlap K]   (prints the slug)
sourcemark project list
sourcemark project add-member --project SLUG --email E`;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.length ? `--${issue.path.join(".")}: ` : ""}${issue.message}` : "Invalid input.";
}

export async function projectCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === "create") return create(db, rest, io);
  if (sub === "list") return list(db, io);
  if (sub === "add-member") return addMember(db, rest, io);
  throw new CliError(`Unknown project command "${sub ?? ""}".\n${PROJECT_USAGE}`, 2);
}

async function create(db: Database, args: string[], io: Io) {
  const { values } = parseArgs({
    args,
    options: { name: { type: "string" }, slug: { type: "string" }, overlap: { type: "string" } },
    strict: true,
  });
  const parsed = newProjectSchema.safeParse({ ...values, name: values.name ?? "", labels: DEFAULT_LABELS });
  if (!parsed.success) throw new CliError(firstIssue(parsed.error));
  try {
    const project = await createProject(db, parsed.data);
    io.out(project.slug);
  } catch (error) {
    if (error instanceof DuplicateSlugError) throw new CliError(`${error.message} (pass --slug)`);
    throw error;
  }
}

async function list(db: Database, io: Io) {
  for (const project of await listAllProjects(db)) {
    io.out([project.slug, project.articleCount, project.memberCount, project.overlap, project.name].join("\t"));
  }
}

async function addMember(db: Database, args: string[], io: Io) {
  const { values } = parseArgs({ args, options: { project: { type: "string" }, email: { type: "string" } }, strict: true });
  if (!values.project) throw new CliError("--project: give the project's slug.");
  const email = emailSchema.safeParse(values.email ?? "");
  if (!email.success) throw new CliError(`--email: ${email.error.issues[0].message}`);
  const project = await getProjectBySlug(db, values.project);
  if (!project) throw new CliError(`No project has the slug "${values.project}".`);
  const user = await findUserByEmail(db, email.data);
  if (!user) throw new CliError(`No user has the email ${email.data}.`);
  const added = await addProjectMember(db, project.id, user.id);
  io.out(added ? `Added ${user.email} to ${project.slug}` : `${user.email} is already a member of ${project.slug}`);
}
