// The demo's sample runs: every agent, spread over the last two weeks, finished in different ways.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStatus } from "@/lib/generated/prisma/enums";

type FinishedStatus = Extract<RunStatus, "succeeded" | "failed" | "canceled">;

export interface SampleRun {
  agent: string;
  tool: string;
  input: Prisma.InputJsonObject;
  hoursAgo: number;
  seconds: number;
  status: FinishedStatus;
  /** The answer of a succeeded run, or the error of a failed one. */
  text?: string;
}

export const SAMPLE_RUNS: SampleRun[] = [
  {
    agent: "research",
    tool: "outline",
    hoursAgo: 320,
    seconds: 94,
    status: "succeeded",
    input: { question: "Which open-source vector databases support hybrid search?", depth: "thorough" },
    text: "Key findings: three mature options support hybrid (keyword + vector) search natively; two need a plugin. Open question: how each scales past 100M vectors.",
  },
  {
    agent: "support-triage",
    tool: "classify",
    hoursAgo: 297,
    seconds: 18,
    status: "succeeded",
    input: { ticket: "I was charged twice for my subscription this month.", customerTier: "pro" },
    text: "Urgency: high. Topic: billing. Draft reply: Sorry about the double charge; we have refunded the duplicate and it will appear within 5 business days.",
  },
  {
    agent: "code-review",
    tool: "find_patterns",
    hoursAgo: 270,
    seconds: 141,
    status: "succeeded",
    input: {
      code: "export function total(items) {\n  let sum = 0;\n  for (var i = 0; i <= items.length; i++) sum += items[i].price;\n  return sum;\n}",
      language: "javascript",
    },
    text: "Bug: the loop runs to i <= items.length and reads past the end. Readability: prefer items.reduce(...) and const/let over var.",
  },
  {
    agent: "writer",
    tool: "outline",
    hoursAgo: 244,
    seconds: 46,
    status: "succeeded",
    input: {
      brief: "Release notes: SSO for all paid tiers, CSV exports twice as fast, fixed the timezone bug in reports.",
      tone: "friendly",
    },
    text: "What's new: single sign-on now comes with every paid plan, CSV exports finish in half the time, and reports show the right times in every timezone.",
  },
  {
    agent: "data-analyst",
    tool: "describe_csv",
    hoursAgo: 219,
    seconds: 300,
    status: "failed",
    input: { csv: "month,signups\n2026-06,310\n2026-07,355\n2026-08,402" },
    text: "The run exceeded the data-analyst agent's limit of 300 seconds.",
  },
  {
    agent: "research",
    tool: "summarize",
    hoursAgo: 190,
    seconds: 73,
    status: "succeeded",
    input: { question: "What changed in the EU AI Act's obligations for general-purpose models?" },
    text: "Key findings: transparency and copyright obligations apply from August 2025; systemic-risk models face extra evaluation duties. Caveat: codes of practice are still being finalised.",
  },
  {
    agent: "support-triage",
    tool: "classify",
    hoursAgo: 166,
    seconds: 9,
    status: "canceled",
    input: { ticket: "How do I export my data before closing my account?" },
  },
  {
    agent: "data-analyst",
    tool: "describe_csv",
    hoursAgo: 140,
    seconds: 118,
    status: "succeeded",
    input: { csv: "region,revenue\nEMEA,1200\nAMER,2100\nAPAC,800" },
    text: "AMER brings 51% of revenue (2,100 of 4,100); APAC trails at 20%. Mean per region: 1,367.",
  },
  {
    agent: "code-review",
    tool: "count_lines",
    hoursAgo: 98,
    seconds: 57,
    status: "failed",
    input: { code: "SELECT * FROM users WHERE email = '\" + email + \"'", language: "sql" },
    text: "The agent did not finish within its 6 turns.",
  },
  {
    agent: "writer",
    tool: "outline",
    hoursAgo: 71,
    seconds: 38,
    status: "succeeded",
    input: { brief: "Email to customers: maintenance window Sunday 02:00-03:00 UTC, API read-only during it.", tone: "formal" },
    text: "Subject: Scheduled maintenance on Sunday. We will perform maintenance on Sunday from 02:00 to 03:00 UTC; during this window the API will be read-only.",
  },
  {
    agent: "research",
    tool: "outline",
    hoursAgo: 26,
    seconds: 112,
    status: "succeeded",
    input: { question: "Compare managed PostgreSQL offerings for point-in-time recovery.", depth: "quick" },
    text: "Key findings: all major providers offer PITR; retention ranges from 7 to 35 days; restores create a new instance rather than rewinding in place.",
  },
  {
    agent: "support-triage",
    tool: "classify",
    hoursAgo: 3,
    seconds: 15,
    status: "succeeded",
    input: { ticket: "The dashboard shows a 502 error since this morning.", customerTier: "starter" },
    text: "Urgency: urgent. Topic: availability. Draft reply: Thanks for the report; we are investigating the 502 errors and will update you within the hour.",
  },
];
