import type { Metadata } from "next";
import Link from "next/link";
import { appUrl } from "@/config/env";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; email?: string }> }) {
  const { callbackUrl, email } = await searchParams;
  const next = safeCallbackPath(callbackUrl, "/workspaces/new", appUrl);
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-slate-600">Free to start. No credit card.</p>
      <div className="mt-6">
        <SignUpForm next={next} email={email?.slice(0, 254)} />
      </div>
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/login?callbackUrl=${encodeURIComponent(next)}`} className="font-medium text-brand-700 underline">
          Log in
        </Link>
      </p>
    </>
  );
}
