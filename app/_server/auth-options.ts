import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { clearAccountFailures, recordSignInFailure, signInWaitMs } from "@/db/queries/sign-in-throttle";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/passwords";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-jwt";
import { describeWait } from "@/lib/auth/throttle-policy";
import { signInSchema } from "@/lib/validation/users";
import { clientAddressFrom } from "./client-address";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Messages shown on the sign-in form. Unknown user and wrong password read the same. */
export const SIGN_IN_ERRORS = {
  invalid: "Email or password is incorrect.",
  disabled: "This account is disabled. Ask an admin to re-enable it.",
  unavailable: "Sign-in is unavailable: the database cannot be reached. Try again shortly.",
} as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
        const { email, password } = parsed.data;
        const address = clientAddressFrom(req?.headers ?? {});
        const db = getDb();
        let wait: number;
        try {
          wait = await signInWaitMs(db, { email, address });
        } catch {
          throw new Error(SIGN_IN_ERRORS.unavailable);
        }
        if (wait > 0) throw new Error(`Too many failed sign-ins. Try again in ${describeWait(wait)}.`);
        const user = await findUserByEmail(db, email);
        const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
        if (!user || !ok) {
          await recordSignInFailure(db, { email, address });
          throw new Error(SIGN_IN_ERRORS.invalid);
        }
        if (user.disabled) throw new Error(SIGN_IN_ERRORS.disabled);
        await clearAccountFailures(db, email);
        return { id: user.id, email: user.email, name: user.name, role: user.role, epoch: user.sessionEpoch };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as { id: string; role: string; epoch: number };
        token.uid = signedIn.id;
        token.role = signedIn.role;
        token.epoch = signedIn.epoch;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, epoch: token.epoch };
    },
  },
};
