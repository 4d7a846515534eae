import type { Permission } from "@/lib/members/permissions";

// Site-wide copy and navigation, read by layouts and pages.

export const site = {
  name: "AgentHQ",
  description: "Run specialized AI agents through one API, with isolated workspaces, hard cost limits and live runs.",
  supportEmail: "support@agenthq.dev",
};

export const marketingNav = [
  { href: "/#agents", label: "Agents" },
  { href: "/pricing", label: "Pricing" },
  { href: "/#faq", label: "FAQ" },
  { href: "/docs/api", label: "API" },
];

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
