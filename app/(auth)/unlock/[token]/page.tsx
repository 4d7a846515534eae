// /unlock/:token — the link from the "account locked" email.
import type { Metadata } from "next";
import Link from "next/link";
import { unlockAccount } from "@/lib/users/account-recovery";

export const metadata: Metadata = { title: "Unlock account" };

export default async function UnlockPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const unlocked = await unlockAccount(token).then(
    () => true,
    () => false,
  );
  return (
    <>
      <h1 className="text-xl font-semibold">{unlocked ? "Account unlocked" : "Link not valid"}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {unlocked
          ? "You can log in again. If the failed attempts were not yours, change your password."
          : "This unlock link was already used or has expired. Wait 15 minutes, or reset your password."}
      </p>
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-brand-700 underline">
          Log in
        </Link>{" "}
        ·{" "}
        <Link href="/forgot-password" className="text-brand-700 underline">
          Reset password
        </Link>
      </p>
    </>
  );
}
