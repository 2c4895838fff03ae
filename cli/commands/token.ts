import { parseArgs } from "node:util";
import { z } from "zod";
import type { Database } from "../../db/types";
import { findUserByEmail } from "../../db/queries/users";
import { createToken, listTokens, revokeToken } from "../../db/queries/tokens";
import { CliError, type Io } from "../io";

export const TOKEN_USAGE = `sourcemark token create --user EMAIL --name N [--expires-days D]   (prints the token alone)
sourcemark token list --user EMAIL
sourcemark token revoke --id ID`;

const nameSchema = z.string().trim().min(1, { error: "--name is required." }).max(100, { error: "--name is limited to 100 characters." });

export async function tokenCommand(db: Database, argv: string[], io: Io): Promise<void> {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { user: { type: "string" }, name: { type: "string" }, "expires-days": { type: "string" }, id: { type: "string" } },
    strict: true,
  });
  const userFor = async () => {
    if (!values.user) throw new CliError(`--user is required.\n${TOKEN_USAGE}`);
    const user = await findUserByEmail(db, values.user);
    if (!user) throw new CliError(`No user ${values.user}.`);
    return user;
  };
  switch (sub) {
    case "create": {
      const user = await userFor();
      const name = nameSchema.safeParse(values.name ?? "");
      if (!name.success) throw new CliError(name.error.issues[0].message);
      let days: number | null = null;
      if (values["expires-days"] !== undefined) {
        days = Number(values["expires-days"]);
        if (!Number.isInteger(days) || days < 1 || days > 3650) throw new CliError("--expires-days must be a whole number from 1 to 3650.");
      }
      const created = await createToken(db, { userId: user.id, name: name.data, expiresInDays: days });
      io.out(created.token);
      return;
    }
    case "list": {
      const user = await userFor();
      for (const token of await listTokens(db, user.id)) {
        const state = token.revokedAt ? "revoked" : token.expiresAt && token.expiresAt < new Date() ? "expired" : "active";
        io.out([token.id, token.name, state, token.createdAt.toISOString(), token.expiresAt?.toISOString() ?? "never", token.lastUsedAt?.toISOString() ?? "never used"].join("\t"));
      }
      return;
    }
    case "revoke": {
      const id = z.uuid().safeParse(values.id ?? "");
      if (!id.success) throw new CliError("--id must be a token id (see token list).");
      if (!(await revokeToken(db, id.data, null))) throw new CliError(`No active token ${id.data}.`);
      io.out(`Revoked ${id.data}`);
      return;
    }
    default:
      throw new CliError(`Unknown token command "${sub ?? ""}".\n${TOKEN_USAGE}`);
  }
}
