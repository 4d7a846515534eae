// next-auth configuration: email + password always; GitHub and Google when their credentials are set.
// Cookies carry a JWT that names a server-side Session row, checked on every read (revocable sessions).
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/config/env";
import { AppError } from "@/lib/http/app-error";
import type { PublicUser } from "@/lib/users/sign-up";
import { AUTH_LIMITS, enforceAuthLimits } from "./auth-rate-limits";
import { logInSchema } from "./credentials-schema";
import { linkOAuthAccount } from "./link-oauth-account";
import { createSession, findActiveSessionUser, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { verifyCredentials } from "./verify-credentials";

/**
 * The password log-in, given the credentials exactly as next-auth parsed them from the request (for a
 * form body with a repeated field the last value, and JSON bodies too). The per-email limit is applied
 * here, to the email that is checked, and to nothing the route could read differently. It counts every
 * attempt, before the password is hashed, so a hammered account costs no scrypt work past the limit.
 * next-auth passes a thrown error's message to the login page as ?error=… (see login/login-errors.ts).
 */
export async function authorizeCredentials(credentials: unknown): Promise<PublicUser | null> {
  const parsed = logInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  try {
    await enforceAuthLimits([[AUTH_LIMITS.loginPerEmail, parsed.data.email]]);
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") throw new Error("RateLimited");
    throw error;
  }
  const check = await verifyCredentials(parsed.data.email, parsed.data.password);
  if (check.ok) return check.user;
  if (check.reason === "locked") throw new Error("AccountLocked");
  return null;
}

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: authorizeCredentials,
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    list.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  }
  return list;
}

/** Which OAuth buttons the login page shows. */
export function oauthProviders(): { id: string; name: string }[] {
  return [
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? [{ id: "github", name: "GitHub" }] : []),
    ...(env.GOOGLE_ID && env.GOOGLE_SECRET ? [{ id: "google", name: "Google" }] : []),
  ];
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: providers(),
  callbacks: {
    async signIn({ account, user }) {
      // OAuth sign-in needs an email we can link the account by.
      return account?.provider === "credentials" || Boolean(user.email);
    },
    async jwt({ token, user, account }) {
      if (!user) return token;
      let signedIn: User = user;
      if (account && account.provider !== "credentials") {
        signedIn = await linkOAuthAccount({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          type: account.type,
          email: user.email ?? "",
          name: user.name ?? user.email ?? "",
        });
      }
      return { sub: signedIn.id, sid: await createSession(signedIn.id) };
    },
    async session({ session, token }) {
      const user = typeof token.sid === "string" ? await findActiveSessionUser(token.sid) : null;
      return user ? { ...session, user } : { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};
