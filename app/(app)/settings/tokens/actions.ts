"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { defineAction, UserFacingError } from "@/app/_server/actions";
import { can } from "@/lib/permissions";

export const createTokenAction = defineAction(
  "tokens.own",
  z.object({
    name: z.string().trim().min(1, { error: "Give the token a name, e.g. the script that uses it." }).max(100),
    expiresInDays: z.number().int().min(1).max(3650).nullable(),
  }),
  async ({ name, expiresInDays }, user) => {
    const created = await createToken(getDb(), { userId: user.id, name, expiresInDays });
    revalidatePath("/settings/tokens");
    return { token: created.token };
  },
);

export const revokeTokenAction = defineAction("tokens.own", z.object({ id: z.uuid() }), async ({ id }, user) => {
  const owner = can(user.role, "tokens.revokeAny") ? null : user.id;
  if (!(await revokeToken(getDb(), id, owner))) throw new UserFacingError("This token is already revoked or is not yours.");
  revalidatePath("/settings/tokens");
  return { id };
});
