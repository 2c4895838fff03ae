import { parseArgs } from "node:util";
import { z } from "zod";
import type { Database } from "../../db/types";
import { createUser, DuplicateEmailError, listUsers } from "../../db/queries/users";
import { emailSchema, nameSchema, passwordSchema, roleSchema } from "../../lib/validation/users";
import { CliError, type Io } from "../io";

export const USER_USAGE = `sourcemark user add --email E --name N --role admin|reviewer|analyst [--password P]
sourcemark user list`;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") ? `--${issue.path.join(".")}: ` : ""}${issue.message}` : "Invalid input.";
}

export async function userCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === "list") {
    for (const user of await listUsers(db)) {
      io.out([user.email, user.role, user.disabled ? "disabled" : "active", user.name].join("\t"));
    }
    return;
  }
  if (sub !== "add") throw new CliError(`Unknown user command "${sub ?? ""}".\n${USER_USAGE}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
    },
    strict: true,
  });
  const parsed = z
    .object({ email: emailSchema, name: nameSchema, role: roleSchema })
    .safeParse({ email: values.email ?? "", name: values.name ?? "", role: values.role ?? "" });
  if (!parsed.success) throw new CliError(firstIssue(parsed.error));
  const password = values.password ?? (await io.readSecret(`Password for ${parsed.data.email}: `));
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new CliError(`--password: ${checked.error.issues[0].message}`);
  try {
    const user = await createUser(db, { ...parsed.data, password: checked.data });
    io.out(`Created ${user.role} ${user.email}`);
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw new CliError(error.message);
    throw error;
  }
}
