// /w — where a signed-in user lands: their first workspace, or the form to create one.
import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/require-session-user";
import { listWorkspaces } from "@/lib/workspaces/workspace-context";

export const metadata = { title: "Dashboard" };

export default async function WorkspacesHome() {
  const user = await requireSessionUser("/w");
  const [first] = await listWorkspaces(user.id);
  redirect(first ? `/w/${first.slug}` : "/workspaces/new");
}
