import type { Metadata } from "next";
import Link from "next/link";
import { site } from "@/config/site";
import { requireSessionUser } from "@/lib/auth/require-session-user";
import { listWorkspaces } from "@/lib/workspaces/workspace-context";
import { CreateWorkspaceForm } from "./create-workspace-form";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const user = await requireSessionUser("/workspaces/new");
  const existing = await listWorkspaces(user.id);
  return (
    <div className="flex min-h-screen flex-col items-center bg-slate-50 px-6 py-12">
      <Link href="/" className="text-xl font-bold tracking-tight">
        {site.name}
      </Link>
      <main className="mt-8 w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{existing.length ? "Create another workspace" : "Create your first workspace"}</h1>
        <p className="mt-1 text-sm text-slate-600">
          A workspace holds your team, API keys, runs and usage. You can invite teammates later.
        </p>
        <div className="mt-6">
          <CreateWorkspaceForm />
        </div>
        {existing.length > 0 && (
          <p className="mt-6 text-sm">
            <Link href={`/w/${existing[0]!.slug}`} className="text-brand-700 underline">
              Back to {existing[0]!.name}
            </Link>
          </p>
        )}
      </main>
    </div>
  );
}
