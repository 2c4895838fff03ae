import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/passwords-policy";

export const roleSchema = z.enum(["admin", "reviewer", "analyst"], {
  error: "Role must be admin, reviewer or analyst.",
});

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(200, { error: "Passwords are limited to 200 characters." });

export const nameSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter a name." })
  .max(120, { error: "Names are limited to 120 characters." });

export const newUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type NewUserInput = z.infer<typeof newUserSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(200),
});
