// The built-in agents: read-only templates any workspace can run or copy into an agent of its own. The
// API lists them before the workspace's agents, and the landing page shows them.
import { z } from "zod";
import type { AgentSpec, StoredAgentDefinition } from "./agent-definition";
import type { JsonSchema } from "./input-schema";

interface BuiltInAgent {
  id: string;
  name: string;
  description: string;
  /** System instructions given to the model. */
  instructions: string;
  /** What a run's `input` must look like. */
  inputSchema: z.ZodType;
  /** Names of the built-in tools the agent may call. */
  tools: string[];
  maxTurns: number;
  maxRuntimeSeconds: number;
}

const textTask = (field: string, max: number) => z.strictObject({ [field]: z.string().trim().min(1).max(max) });

const BUILT_INS: BuiltInAgent[] = [
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
    inputSchema: z.strictObject({
      brief: z.string().trim().min(1).max(20_000),
      tone: z.enum(["neutral", "friendly", "formal"]).optional(),
    }),
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

function toSpec(agent: BuiltInAgent): AgentSpec {
  return {
    id: agent.id,
    version: null,
    builtIn: true,
    name: agent.name,
    description: agent.description,
    instructions: agent.instructions,
    model: null,
    tools: agent.tools.map((name) => ({ type: "builtin", name }) as AgentSpec["tools"][number]),
    inputSchema: z.toJSONSchema(agent.inputSchema, { io: "input" }) as JsonSchema,
    parseInput: agent.inputSchema,
    maxTurns: agent.maxTurns,
    maxRuntimeSeconds: agent.maxRuntimeSeconds,
    maxCostMicros: null,
  };
}

export const AGENTS: AgentSpec[] = BUILT_INS.map(toSpec);

export function findBuiltInAgent(id: string): AgentSpec | undefined {
  return AGENTS.find((agent) => agent.id === id);
}

/** A built-in agent as the definition of a new workspace agent ("copy into my workspace"). */
export function templateDefinition(agent: AgentSpec): Omit<StoredAgentDefinition, "name"> {
  const { $schema: _, ...inputSchema } = agent.inputSchema;
  return {
    description: agent.description,
    instructions: agent.instructions,
    model: agent.model,
    tools: agent.tools,
    inputSchema,
    limits: { maxTurns: agent.maxTurns, maxRuntimeSeconds: agent.maxRuntimeSeconds, maxCostUsd: null },
  };
}
