// /w/:slug/audit-log — security-relevant actions in this workspace (owners and admins).
import Link from "next/link";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { TableHead } from "@/components/ui/table-head";
import { describeAuditEntry } from "@/lib/audit/describe-audit-entry";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { loadWorkspace, loadWorkspaceFor } from "../load-workspace";

export const metadata = { title: "Audit log" };

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { slug } = await params;
  const loaded = await loadWorkspaceFor(slug, "audit:read");
  if (!loaded) {
    const { workspace } = await loadWorkspace(slug);
    return <NoAccess title="Audit log" role={workspace.role} who="Owners and admins can read the audit log." />;
  }
  const { cursor } = await searchParams;
  const page = await listAuditLog(loaded.ctx, { limit: 50, cursor: cursor?.slice(0, 100) });
  return (
    <>
      <PageHeader title="Audit log" description="Security-relevant actions in this workspace, newest first." />
      <div className="mt-6 overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <TableHead columns={["When", "Who", "Action", "Target"]} />
          <tbody>
            {page.data.map((e) => (
              <tr key={e.id} className="border-b border-slate-100">
                <td className="py-2 pr-4 whitespace-nowrap text-slate-600">
                  <time dateTime={e.at}>{e.at.replace("T", " ").slice(0, 19)} UTC</time>
                </td>
                <td className="py-2 pr-4">{e.actor?.email ?? "system"}</td>
                <td className="py-2 pr-4">
                  {describeAuditEntry(e)}
                  <span className="block font-mono text-xs text-slate-500">{e.action}</span>
                </td>
                <td className="py-2 font-mono text-xs">{e.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.nextCursor && (
        <Link href={`/w/${slug}/audit-log?cursor=${page.nextCursor}`} className="mt-4 inline-block text-sm text-brand-700 underline">
          Older entries
        </Link>
      )}
    </>
  );
}
