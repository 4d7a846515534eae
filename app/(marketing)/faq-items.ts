import type { FaqItem } from "@/components/marketing/faq";

export const FAQ_ITEMS: FaqItem[] = [
  {
    question: "Can a runaway agent run up my bill?",
    answer:
      "No. Every workspace has hard limits. Free workspaces stop at their quota. Paid workspaces may run into overage up to twice the included quota and are then paused automatically until the period resets or you upgrade. You get alerts at 80% and 100%.",
  },
  {
    question: "Is my data isolated from other customers?",
    answer:
      "Yes. Every request is scoped to one workspace, and PostgreSQL row-level security backs that up in the database itself. Another workspace's runs, keys and members are invisible to you, and yours to them.",
  },
  {
    question: "How do I call an agent?",
    answer:
      "Create an API key in your workspace and POST to /api/v1/runs with the agent's id and its input. Watch the run stream live in the dashboard or over server-sent events.",
  },
  {
    question: "Can I host AgentHQ myself?",
    answer:
      "Yes. AgentHQ ships with a Docker image and a compose file. With no configuration, `npm start` runs the whole product on an embedded PostgreSQL.",
  },
  {
    question: "What happens when I cancel?",
    answer: "Your paid tier lasts until the end of the period you paid for; then the workspace moves to Free. Nothing is deleted.",
  },
];
