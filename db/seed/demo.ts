import type { Database } from "../types";
import { assignments } from "../schema";
import { countUsers, createUser, type PublicUser } from "../queries/users";
import { addProjectMembers, createProject } from "../queries/projects";
import { insertDemoArticles } from "./demo-articles";
import { seedShowcase } from "./showcase";
import type { Role } from "../schema";

export const DEMO_PASSWORD = "sourcemark-demo";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "admin@sourcemark.test", name: "Ada Admin", role: "admin" },
  { email: "reviewer@sourcemark.test", name: "Rui Reviewer", role: "reviewer" },
  { email: "alice@sourcemark.test", name: "Alice Analyst", role: "analyst" },
  { email: "bob@sourcemark.test", name: "Bob Analyst", role: "analyst" },
  { email: "chen@sourcemark.test", name: "Chen Analyst", role: "analyst" },
];

const GUIDELINES = `# Velmora strike coverage

- **QUOTE**: the words a person or body is reported to have said, without the quotation marks.
- **CLAIM**: a checkable assertion; a claim may contain a quote.
- **ACTOR**: every mention of a speaker (person, organisation or state), including "the authority".
- Attribute each QUOTE and CLAIM to the ACTOR mention that made it.
`;

/**
 * Loads the demo project into an empty database, and (unless `showcase` is false) a second,
 * already annotated and reviewed project. Returns false (and does nothing) when users exist.
 */
export async function seedDemo(db: Database, options: { showcase?: boolean } = {}): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const created: PublicUser[] = [];
  for (const account of DEMO_ACCOUNTS) created.push(await createUser(db, { ...account, password: DEMO_PASSWORD }));
  const admin = created[0];
  const project = await createProject(db, {
    name: "Velmora port strike",
    slug: "velmora-strike",
    description: "Four outlets cover a dock strike: who said what, and who said it first?",
    guidelines: GUIDELINES,
    overlap: 2,
    createdBy: admin.id,
  });
  const members = created.filter((user) => user.role !== "admin");
  await addProjectMembers(db, project.id, members.map((user) => user.id));
  const inserted = await insertDemoArticles(db, project.id);
  const analysts = created.filter((user) => user.role === "analyst");
  // Two analysts per article, rotating so the load is even.
  const rows = inserted.flatMap((article, index) =>
    [0, 1].map((k) => ({ articleId: article.id, userId: analysts[(index + k) % analysts.length].id })),
  );
  await db.insert(assignments).values(rows);
  if (options.showcase !== false) {
    const byEmail = (email: string) => created.find((user) => user.email === email)!;
    await seedShowcase(db, { admin, reviewer: byEmail("reviewer@sourcemark.test"), alice: byEmail("alice@sourcemark.test"), bob: byEmail("bob@sourcemark.test") });
  }
  return true;
}
