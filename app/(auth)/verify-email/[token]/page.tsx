// /verify-email/:token — the link from the verification email.
import type { Metadata } from "next";
import Link from "next/link";
import { verifyEmail } from "@/lib/users/account-recovery";

export const metadata: Metadata = { title: "Verify email" };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const verified = await verifyEmail(token).then(
    () => true,
    () => false,
  );
  return (
    <>
      <h1 className="text-xl font-semibold">{verified ? "Email confirmed" : "Link not valid"}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {verified
          ? "Thanks, your email address is confirmed."
          : "This confirmation link was already used or has expired. You can send a new one from your account page."}
      </p>
      <p className="mt-6 text-sm">
        <Link href="/w" className="text-brand-700 underline">
          Go to your workspaces
        </Link>
      </p>
    </>
  );
}
