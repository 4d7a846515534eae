// The agent catalog: each agent is a typed definition the API lists, the landing page shows and the
// run worker executes.
import { z } from "zod";

export interface AgentDefinition {
  id: string;
  name: string;
  description: string;
  /** System instructions given to the model. */
  instructions: string;
  /** What a run's `input` must look like. */
  inputSchema: z.ZodType;
  /** Names of the tools the agent may call. */
  tools: string[];
  maxTurns: number;
  maxRuntimeSeconds: number;
}

const textTask = (field: string, max: number) => z.strictObject({ [field]: z.string().trim().min(1).max(max) });

export const AGENTS: AgentDefinition[] = [
  {
    id: "research",
    name: "Research Analyst",
    description: "Answers a question with a structured brief: findings, open questions and next steps.",
    instructions: "You are a careful research analyst. Answer with a brief: key findings, caveats, open questions.",
    inputSchema: z.strictObject({ question: z.string().trim().min(1).max(4_000), depth: z.enum(["quick", "thorough"]).optional() }),
    tools: ["outline", "summarize"],
    maxTurns: 8,
    maxRuntimeSeconds: 300,
  },
  {
    id: "code-review",
    name: "Code Reviewer",
    description: "Reviews a diff or a file for bugs, security issues and readability, with line-level comments.",
    instructions: "You are a senior engineer reviewing code. Report bugs first, then security, then readability.",
    inputSchema: z.strictObject({ code: z.string().min(1).max(200_000), language: z.string().max(40).optional() }),
    tools: ["count_lines", "find_patterns"],
    maxTurns: 6,
    maxRuntimeSeconds: 300,
  },
  {
    id: "writer",
    name: "Technical Writer",
    description: "Drafts docs, release notes or emails from bullet points, in the tone you ask for.",
    instructions: "You are a technical writer. Turn notes into clear prose; keep facts exactly as given.",
    inputSchema: z.strictObject({ brief: z.string().trim().min(1).max(20_000), tone: z.enum(["neutral", "friendly", "formal"]).optional() }),
    tools: ["outline"],
    maxTurns: 4,
    maxRuntimeSeconds: 180,
  },
  {
    id: "data-analyst",
    name: "Data Analyst",
    description: "Reads CSV data, computes summary statistics and explains the trends it finds.",
    instructions: "You are a data analyst. Compute before you conclude; state the numbers behind each claim.",
    inputSchema: textTask("csv", 500_000),
    tools: ["describe_csv"],
    maxTurns: 6,
    maxRuntimeSeconds: 300,
  },
  {
    id: "support-triage",
    name: "Support Triage",
    description: "Classifies a support ticket by urgency and topic and drafts a first reply.",
    instructions: "You triage support tickets: label urgency (low/normal/high/urgent) and topic, then draft a reply.",
    inputSchema: z.strictObject({ ticket: z.string().trim().min(1).max(20_000), customerTier: z.string().max(40).optional() }),
    tools: ["classify"],
    maxTurns: 4,
    maxRuntimeSeconds: 120,
  },
];

export function findAgent(id: string): AgentDefinition | undefined {
  return AGENTS.find((agent) => agent.id === id);
}

/** The public view of an agent (what `GET /api/v1/agents` returns). */
export function publicAgent(agent: AgentDefinition) {
  return { id: agent.id, name: agent.name, description: agent.description };
}
