// /w/:slug/members — who is in the workspace; managers invite, change roles and remove.
import { PageHeader } from "@/components/dashboard/page-header";
import { TableHead } from "@/components/ui/table-head";
import { getTier } from "@/config/tiers";
import { billingEnabled } from "@/lib/billing/stripe-client";
import { listPendingInvitations } from "@/lib/invitations/invitations";
import { listMembers } from "@/lib/members/list-members";
import { can } from "@/lib/members/permissions";
import { loadWorkspace } from "../load-workspace";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";
import { PendingInvitations } from "./pending-invitations";
import { SeatsFullNotice } from "./seats-full-notice";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { ctx, workspace, user } = await loadWorkspace((await params).slug);
  const [members, invitations] = await Promise.all([listMembers(ctx), listPendingInvitations(ctx)]);
  const limit = getTier(workspace.tier).limits.members;
  const canInvite = can(ctx.role, "members:invite");
  const seatsFull = limit !== null && members.length + invitations.length >= limit;
  return (
    <>
      <PageHeader
        title="Members"
        description={`${members.length} member${members.length === 1 ? "" : "s"}${limit === null ? "" : ` of ${limit} on the ${getTier(workspace.tier).name} tier`}.`}
      />
      <div className="mt-6 overflow-x-auto">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <TableHead columns={["Name", "Email", "Role", { srOnly: "Actions" }]} />
          <tbody>
            {members.map((m) => (
              <MemberRow
                key={m.userId}
                slug={workspace.slug}
                member={m}
                isSelf={m.userId === user.id}
                actorRole={ctx.role}
                canManage={can(ctx.role, "members:update") && (m.role !== "owner" || ctx.role === "owner")}
              />
            ))}
          </tbody>
        </table>
      </div>
      {canInvite && (
        <section className="mt-10 max-w-xl">
          <h2 className="text-lg font-semibold">Invite a teammate</h2>
          {seatsFull ? (
            <SeatsFullNotice
              slug={workspace.slug}
              tier={getTier(workspace.tier)}
              billingEnabled={billingEnabled()}
              canSeeBilling={can(ctx.role, "billing:read")}
            />
          ) : (
            <InviteForm slug={workspace.slug} actorRole={ctx.role} />
          )}
        </section>
      )}
      {invitations.length > 0 && (
        <section className="mt-10">
          <h2 className="text-lg font-semibold">Pending invitations</h2>
          <PendingInvitations slug={workspace.slug} invitations={invitations} canRevoke={canInvite} />
        </section>
      )}
    </>
  );
}
