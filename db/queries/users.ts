import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../types";
import { executePrepared } from "../prepared";
import { users, type Role, type User } from "../schema";
import { hashPassword } from "../../lib/auth/passwords";

export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "disabled" | "createdAt">;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists.`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  return code === "23505";
}

export async function createUser(
  db: Database,
  input: { email: string; name: string; role: Role; password: string },
): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({ email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash })
      .returning(publicColumns);
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateEmailError(input.email);
    throw error;
  }
}

export async function findUserByEmail(db: Database, email: string): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return user ?? null;
}

export async function getUserById(db: Database, id: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** What a request's session is checked against (app/_server/session-user.ts). */
export type SessionUser = { id: string; email: string; name: string; role: Role; disabled: boolean; sessionEpoch: number };
export type SessionUserRow = { id: string; email: string; name: string; role: Role; disabled: boolean; session_epoch: number };

/** The columns of a SessionUserRow, from the users row aliased `u`. */
export const SESSION_USER_COLUMNS = sql`u.id, u.email, u.name, u.role, u.disabled, u.session_epoch`;

export function sessionUserOf(row: SessionUserRow): SessionUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled, sessionEpoch: row.session_epoch };
}

/** Read by a prepared statement: every request runs it. */
export async function sessionUserById(db: Database, id: string): Promise<SessionUser | null> {
  const [row] = await executePrepared<SessionUserRow>(db, sql`select ${SESSION_USER_COLUMNS} from users u where u.id = ${id}::uuid`);
  return row ? sessionUserOf(row) : null;
}

export function listUsers(db: Database): Promise<PublicUser[]> {
  return db.select(publicColumns).from(users).orderBy(asc(users.email));
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}

export async function countActiveAdmins(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`${users.role} = 'admin' and not ${users.disabled}`);
  return row.n;
}

/** Changes that invalidate sessions (role, disabled, password) bump the session epoch. */
export async function updateUser(
  db: Database,
  id: string,
  changes: { name?: string; role?: Role; disabled?: boolean; password?: string },
): Promise<PublicUser | null> {
  const values: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
  if (changes.name !== undefined) values.name = changes.name;
  if (changes.role !== undefined) values.role = changes.role;
  if (changes.disabled !== undefined) values.disabled = changes.disabled;
  if (changes.password !== undefined) values.passwordHash = await hashPassword(changes.password);
  const invalidatesSessions =
    changes.role !== undefined || changes.disabled !== undefined || changes.password !== undefined;
  const [user] = await db
    .update(users)
    .set({ ...values, ...(invalidatesSessions ? { sessionEpoch: sql`${users.sessionEpoch} + 1` } : {}) })
    .where(eq(users.id, id))
    .returning(publicColumns);
  return user ?? null;
}
