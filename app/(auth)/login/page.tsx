import type { Metadata } from "next";
import Link from "next/link";
import { appUrl } from "@/config/env";
import { oauthProviders } from "@/lib/auth/auth-options";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { LogInForm } from "./log-in-form";
import { LOGIN_ERRORS } from "./login-errors";

export const metadata: Metadata = { title: "Log in" };

export default async function LogInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold">Log in to AgentHQ</h1>
      <div className="mt-6">
        <LogInForm
          callbackPath={safeCallbackPath(callbackUrl, "/w", appUrl)}
          providers={oauthProviders()}
          initialError={error ? (LOGIN_ERRORS[error] ?? "Could not sign you in. Try again.") : undefined}
        />
      </div>
      <p className="mt-6 text-sm text-slate-600">
        New to AgentHQ?{" "}
        <Link href="/signup" className="font-medium text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
