// The dashboard shell of one workspace: switcher, section navigation, account menu.
import Link from "next/link";
import type { ReactNode } from "react";
import { LocalModeBanner } from "@/components/dashboard/local-mode-banner";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { UsageBanner } from "@/components/dashboard/usage-banner";
import { WorkspaceNav } from "@/components/dashboard/workspace-nav";
import { workspaceNav } from "@/components/dashboard/workspace-sections";
import { WorkspaceSwitcher } from "@/components/dashboard/workspace-switcher";
import { site } from "@/config/site";
import { can } from "@/lib/members/permissions";
import { currentAlerts } from "@/lib/usage/usage-alerts";
import { loadWorkspace } from "./load-workspace";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, workspace, ctx, workspaces } = await loadWorkspace(slug);
  const alerts = await currentAlerts(ctx);
  return (
    <div className="min-h-screen bg-white">
      <LocalModeBanner />
      <UsageBanner slug={workspace.slug} paused={workspace.status === "paused"} alerts={alerts} />
      <header className="border-b border-slate-200">
        <div className="flex items-center justify-between gap-4 px-6 py-3">
          <div className="flex min-w-0 items-center gap-4">
            <Link href={`/w/${workspace.slug}`} className="font-bold tracking-tight">
              {site.name}
            </Link>
            <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          </div>
          <div className="flex shrink-0 items-center gap-3">
            <Link href="/account" className="hidden text-sm text-slate-600 hover:underline sm:inline" data-testid="signed-in-as">
              {user.email}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="md:flex">
        <aside className="border-b border-slate-200 p-3 md:w-56 md:border-b-0 md:border-r md:p-4">
          <WorkspaceNav
            slug={workspace.slug}
            allowed={workspaceNav.filter((item) => can(workspace.role, item.permission)).map((item) => item.segment)}
          />
        </aside>
        <main className="flex-1 px-6 py-6">{children}</main>
      </div>
    </div>
  );
}
