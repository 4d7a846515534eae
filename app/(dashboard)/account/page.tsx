// /account — the signed-in user's own account: email verification, password, sessions.
import type { Metadata } from "next";
import Link from "next/link";
import { site } from "@/config/site";
import { requireSessionUser } from "@/lib/auth/require-session-user";
import { mailConfigured } from "@/lib/mail/send-mail";
import { getAccountSummary } from "@/lib/users/account-summary";
import { AccountActions } from "./account-actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireSessionUser("/account");
  const summary = await getAccountSummary(user.id);
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white px-6 py-3">
        <Link href="/w" className="font-bold tracking-tight">
          {site.name}
        </Link>
      </header>
      <main className="mx-auto max-w-2xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
        <AccountActions {...summary} mailConfigured={mailConfigured()} />
      </main>
    </div>
  );
}
