"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { countActiveAdmins, createUser, DuplicateEmailError, getUserById, updateUser } from "@/db/queries/users";
import { defineAction, UserFacingError } from "@/app/_server/actions";
import { nameSchema, newUserSchema, passwordSchema, roleSchema } from "@/lib/validation/users";

const userId = z.uuid({ error: "Unknown user." });

export const createUserAction = defineAction("users.manage", newUserSchema, async (input) => {
  try {
    const user = await createUser(getDb(), input);
    revalidatePath("/admin/users");
    return { id: user.id, email: user.email };
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw new UserFacingError(error.message);
    throw error;
  }
});

/** Refuses changes that would leave no active admin (nobody could manage users any more). */
async function assertKeepsAnAdmin(targetId: string, change: { role?: string; disabled?: boolean }) {
  const db = getDb();
  const target = await getUserById(db, targetId);
  if (!target) throw new UserFacingError("This user no longer exists.");
  const losesAdmin =
    target.role === "admin" && !target.disabled && ((change.role && change.role !== "admin") || change.disabled);
  if (losesAdmin && (await countActiveAdmins(db)) <= 1) {
    throw new UserFacingError("This is the last active admin. Make someone else an admin first.");
  }
}

export const updateUserAction = defineAction(
  "users.manage",
  z.object({ id: userId, name: nameSchema.optional(), role: roleSchema.optional(), disabled: z.boolean().optional() }),
  async ({ id, ...changes }, actor) => {
    if (id === actor.id && changes.disabled) throw new UserFacingError("You cannot disable your own account.");
    await assertKeepsAnAdmin(id, changes);
    const user = await updateUser(getDb(), id, changes);
    if (!user) throw new UserFacingError("This user no longer exists.");
    revalidatePath("/admin/users");
    return { id: user.id };
  },
);

export const resetPasswordAction = defineAction(
  "users.manage",
  z.object({ id: userId, password: passwordSchema }),
  async ({ id, password }) => {
    const user = await updateUser(getDb(), id, { password });
    if (!user) throw new UserFacingError("This user no longer exists.");
    return { id: user.id };
  },
);
