// The sections of a workspace's dashboard and the permission each needs: the layout shows a member the
// sections their role may open (WorkspaceNav draws them). Kept here, with the dashboard, so that the
// site-wide config (config/site.ts) depends on no domain module.
import type { Permission } from "@/lib/members/permissions";

/** Sections of a workspace's dashboard, relative to /w/:slug, with the permission each needs. */
export const workspaceNav = [
  { segment: "", label: "Overview", permission: "workspace:read" },
  { segment: "runs", label: "Runs", permission: "runs:read" },
  { segment: "agents", label: "Agents", permission: "workspace:read" },
  { segment: "keys", label: "API keys", permission: "keys:read" },
  { segment: "members", label: "Members", permission: "members:read" },
  { segment: "usage", label: "Usage", permission: "usage:read" },
  { segment: "webhooks", label: "Webhooks", permission: "webhooks:manage" },
  { segment: "billing", label: "Billing", permission: "billing:read" },
  { segment: "audit-log", label: "Audit log", permission: "audit:read" },
  { segment: "settings", label: "Settings", permission: "workspace:read" },
] as const satisfies readonly { segment: string; label: string; permission: Permission }[];
