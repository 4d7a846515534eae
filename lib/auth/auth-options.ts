// next-auth configuration: email + password always; GitHub and Google when their credentials are set.
// Cookies carry a JWT that names a server-side Session row, checked on every read (revocable sessions).
import type { Account, NextAuthOptions, User } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/config/env";
import { AppError } from "@/lib/errors/app-error";
import type { PublicUser } from "@/lib/users/sign-up";
import { AUTH_LIMITS, enforceAuthLimits } from "./auth-rate-limits";
import { logInSchema } from "./credentials-schema";
import { linkOAuthAccount, oauthSignInRefusal, type OAuthIdentity } from "./link-oauth-account";
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

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/** The GitHub account's primary email and whether GitHub verified it. */
export function primaryGitHubEmail(emails: GitHubEmail[]): { email: string | undefined; email_verified: boolean } {
  const primary = emails.find((e) => e.primary);
  return { email: primary?.email, email_verified: primary?.verified === true };
}

function oauthIdentity(account: Account, user: User | AdapterUser): OAuthIdentity {
  return {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    type: account.type,
    email: user.email ?? "",
    name: user.name ?? user.email ?? "",
    emailVerified: (user as { emailVerified?: unknown }).emailVerified === true,
  };
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
    list.push(
      GitHubProvider({
        clientId: env.GITHUB_ID,
        clientSecret: env.GITHUB_SECRET,
        authorization: { url: `${env.GITHUB_OAUTH_BASE}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
        token: `${env.GITHUB_OAUTH_BASE}/login/oauth/access_token`,
        // The primary email, and whether GitHub verified it (next-auth's default takes it unverified).
        userinfo: {
          url: `${env.GITHUB_API_BASE}/user`,
          async request({ client, tokens }) {
            const profile = await client.userinfo(tokens.access_token!);
            const response = await fetch(`${env.GITHUB_API_BASE}/user/emails`, {
              headers: { Authorization: `token ${tokens.access_token}` },
            });
            const emails = response.ok ? ((await response.json()) as GitHubEmail[]) : [];
            return { ...profile, ...primaryGitHubEmail(emails) };
          },
        },
        profile: (p) => ({
          id: String(p.id),
          name: p.name ?? p.login,
          email: p.email,
          image: p.avatar_url,
          emailVerified: p.email_verified === true,
        }),
      }),
    );
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    list.push(
      GoogleProvider({
        clientId: env.GOOGLE_ID,
        clientSecret: env.GOOGLE_SECRET,
        profile: (p) => ({ id: p.sub, name: p.name, email: p.email, image: p.picture, emailVerified: p.email_verified === true }),
      }),
    );
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
      if (!account || account.provider === "credentials") return true;
      // OAuth sign-in needs an email we can link the account by, verified on both sides (link-oauth-account.ts).
      if (!user.email) return "/login?error=OAuthEmailUnverified";
      const refusal = await oauthSignInRefusal(oauthIdentity(account, user));
      return refusal ? `/login?error=${refusal}` : true;
    },
    async jwt({ token, user, account }) {
      if (!user) return token;
      let signedIn: User = user;
      if (account && account.provider !== "credentials") signedIn = await linkOAuthAccount(oauthIdentity(account, user));
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
