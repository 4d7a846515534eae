// /w/:slug/keys — API keys: create (shown once), list, revoke.
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { listApiKeys } from "@/lib/api-keys/manage-keys";
import { can } from "@/lib/members/permissions";
import { loadWorkspace } from "../load-workspace";
import { CreateKeyForm } from "./create-key-form";
import { KeyList } from "./key-list";

export const metadata = { title: "API keys" };

export default async function KeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { ctx, workspace } = await loadWorkspace((await params).slug);
  const keys = await listApiKeys(ctx);
  const canCreate = can(ctx.role, "keys:create");
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          can(ctx.role, "keys:manage-all")
            ? "Keys let your programs call the AgentHQ API for this workspace. You see every member's keys."
            : "Keys let your programs call the AgentHQ API for this workspace. You see the keys you created."
        }
      />
      {canCreate ? (
        <section className="mt-6 max-w-2xl">
          <h2 className="text-lg font-semibold">Create a key</h2>
          <CreateKeyForm slug={workspace.slug} />
        </section>
      ) : (
        <p className="mt-6 text-sm text-slate-600">Viewers cannot create API keys.</p>
      )}
      <section className="mt-10">
        <h2 className="text-lg font-semibold">Keys</h2>
        <KeyList slug={workspace.slug} keys={keys} canRevoke={canCreate} />
      </section>
      <p className="mt-8 text-sm text-slate-600">
        How to call the API: see the{" "}
        <Link href="/docs/api" className="text-brand-700 underline">
          API reference
        </Link>
        .
      </p>
    </>
  );
}
