// /invite/:token — an invitation link: who is invited where, and the way to accept it.
import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { viewInvitation } from "@/lib/invitations/accept-invitation";
import { AcceptInvitationButton } from "./accept-invitation-button";

export const metadata: Metadata = { title: "Invitation" };

const GONE: Record<string, string> = {
  accepted: "This invitation was already used.",
  revoked: "This invitation was withdrawn.",
  expired: "This invitation has expired.",
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([viewInvitation(token), getSessionUser()]);
  if (!invitation || invitation.state !== "pending") {
    return (
      <>
        <h1 className="text-xl font-semibold">Invitation not valid</h1>
        <p className="mt-2 text-sm text-slate-600">
          {(invitation && GONE[invitation.state]) ?? "This invitation link is not valid."} Ask the person who invited you for a new one.
        </p>
      </>
    );
  }
  const here = `/invite/${token}`;
  return (
    <>
      <h1 className="text-xl font-semibold">Join {invitation.workspace.name}</h1>
      <p className="mt-2 text-sm text-slate-600">
        You are invited as <strong>{invitation.role}</strong>. The invitation is for <strong>{invitation.email}</strong>.
      </p>
      <div className="mt-6">
        {!user ? (
          <div className="space-y-3 text-sm">
            <Link
              href={`/signup?email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(here)}`}
              className="block rounded-md bg-brand-600 px-4 py-2 text-center font-semibold text-white hover:bg-brand-700"
            >
              Create an account to accept
            </Link>
            <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="block text-center text-brand-700 underline">
              I already have an account
            </Link>
          </div>
        ) : user.email !== invitation.email ? (
          <p role="alert" className="text-sm text-red-700">
            You are logged in as {user.email}. Log out and log in as {invitation.email} to accept.
          </p>
        ) : (
          <AcceptInvitationButton token={token} />
        )}
      </div>
    </>
  );
}
