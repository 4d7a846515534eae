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
