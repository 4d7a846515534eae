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
];

/** Sections of a workspace's dashboard, relative to /w/:slug. */
export const workspaceNav = [
  { segment: "", label: "Overview" },
  { segment: "runs", label: "Runs" },
  { segment: "keys", label: "API keys" },
  { segment: "members", label: "Members" },
  { segment: "usage", label: "Usage" },
  { segment: "billing", label: "Billing" },
  { segment: "settings", label: "Settings" },
] as const;
