// What an agent is, whoever wrote it: instructions, model, tools, input schema and limits. The built-in
// agents (catalog.ts) and a workspace's own (workspace-agents.ts, one immutable version per saved change)
// both become an AgentSpec, the one shape runs are admitted and executed with.
import { z } from "zod";
import { singleLineText } from "@/lib/forms/single-line";
import { usdAmountSchema } from "@/lib/spend/schemas";
import { httpToolSchema, type HttpToolDefinition } from "@/lib/tools/http-tool";
import { mcpServerSchema, type McpServerDefinition } from "@/lib/tools/mcp-tools";
import { DEFAULT_INPUT_SCHEMA, inputSchemaSchema, type JsonSchema } from "./input-schema";
import { BUILT_IN_TOOL_NAMES } from "./tools";

export const builtInToolSchema = z.strictObject({ type: z.literal("builtin"), name: z.enum(BUILT_IN_TOOL_NAMES) });

export const toolDeclarationSchema = z
  .discriminatedUnion("type", [builtInToolSchema, httpToolSchema, mcpServerSchema])
  .meta({ id: "ToolDeclaration", outputId: "Tool" });
export type ToolDeclaration = z.infer<typeof builtInToolSchema> | HttpToolDefinition | McpServerDefinition;

/** Defaults of a new agent's limits; the tier's run limits (config/tiers.ts) bound them. */
export const DEFAULT_MAX_TURNS = 8;
export const DEFAULT_MAX_RUNTIME_SECONDS = 300;

const limitFields = {
  maxTurns: z.number().int().min(1).max(1_000),
  maxRuntimeSeconds: z.number().int().min(10).max(86_400),
  /** The most one run of this agent may spend on model turns; a run's own maxCostUsd may lower it. */
  maxCostUsd: usdAmountSchema.nullable(),
};

export const agentLimitsSchema = z.strictObject({
  maxTurns: limitFields.maxTurns.default(DEFAULT_MAX_TURNS),
  maxRuntimeSeconds: limitFields.maxRuntimeSeconds.default(DEFAULT_MAX_RUNTIME_SECONDS),
  maxCostUsd: limitFields.maxCostUsd.default(null),
});

const AGENT_ID = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;
/** "claude-sonnet-4-6", or "<connection>/<model>" for a model connection's model. */
export const MODEL_REF = /^[A-Za-z0-9._:-]{1,100}(?:\/[A-Za-z0-9._:/@-]{1,200})?$/;

export const agentIdSchema = z.string().regex(AGENT_ID, "Use 1–48 lowercase letters, digits and dashes.");

/** The fields every version stores (immutable once written). */
export const agentDefinitionSchema = z.strictObject({
  name: singleLineText(80, "Give the agent a name."),
  description: z.string().trim().max(1_000).default(""),
  instructions: z.string().trim().min(1, "Tell the agent what to do.").max(50_000),
  /** null: the server's default model (ANTHROPIC_MODEL). */
  model: z.string().regex(MODEL_REF, "Name a model such as claude-sonnet-4-6, or <connection>/<model>.").nullable().default(null),
  tools: z
    .array(toolDeclarationSchema)
    .max(20, "An agent has at most 20 tools.")
    .default([])
    .superRefine((tools, ctx) => {
      const names = tools.map((t) => t.name);
      const twice = names.find((n, i) => names.indexOf(n) !== i);
      if (twice) ctx.addIssue({ code: "custom", message: `Two tools are named "${twice}".` });
    }),
  inputSchema: inputSchemaSchema.default(DEFAULT_INPUT_SCHEMA),
  limits: agentLimitsSchema.default({ maxTurns: DEFAULT_MAX_TURNS, maxRuntimeSeconds: DEFAULT_MAX_RUNTIME_SECONDS, maxCostUsd: null }),
});
export type AgentDefinitionInput = z.input<typeof agentDefinitionSchema>;
export type StoredAgentDefinition = z.output<typeof agentDefinitionSchema>;

export const createAgentSchema = agentDefinitionSchema.extend({
  /** The agent's public id; default: derived from its name. */
  id: agentIdSchema.optional(),
});
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

/** Copy a built-in agent into the workspace: `{ template: "research" }`, optionally naming the copy. */
export const copyTemplateSchema = z.strictObject({
  template: z.string().max(60),
  name: agentDefinitionSchema.shape.name.optional(),
  id: agentIdSchema.optional(),
});
export type CopyTemplateInput = z.infer<typeof copyTemplateSchema>;

/** POST /agents: a whole definition, or a template to copy. */
export const createAgentRequestSchema = z.union([copyTemplateSchema, createAgentSchema]);

/** A change is any subset of the definition; the rest is carried over from the latest version. */
export const updateAgentSchema = z
  .strictObject({
    name: agentDefinitionSchema.shape.name.optional(),
    description: z.string().trim().max(1_000).optional(),
    instructions: z.string().trim().min(1, "Tell the agent what to do.").max(50_000).optional(),
    model: agentDefinitionSchema.shape.model.unwrap().unwrap().nullable().optional(),
    tools: agentDefinitionSchema.shape.tools.unwrap().optional(),
    inputSchema: inputSchemaSchema.optional(),
    // No defaults here: a change of one limit keeps the others as they are.
    limits: z
      .strictObject({
        maxTurns: limitFields.maxTurns.optional(),
        maxRuntimeSeconds: limitFields.maxRuntimeSeconds.optional(),
        maxCostUsd: limitFields.maxCostUsd.optional(),
      })
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Change at least one field.")
  .meta({ minProperties: 1 });
export type UpdateAgentInput = z.infer<typeof updateAgentSchema>;

/** `agent` of a run: "<id>" (its latest version) or "<id>@<version>". */
export function parseAgentRef(ref: string): { id: string; version: number | null } | null {
  const match = /^([a-z0-9-]{1,48})(?:@([1-9][0-9]{0,8}))?$/.exec(ref);
  return match ? { id: match[1]!, version: match[2] ? Number(match[2]) : null } : null;
}

export interface AgentSpec {
  id: string;
  /** The version a run of it records; null for a built-in agent. */
  version: number | null;
  builtIn: boolean;
  name: string;
  description: string;
  instructions: string;
  model: string | null;
  tools: ToolDeclaration[];
  inputSchema: JsonSchema;
  /** Built-ins check their input with zod (it trims and bounds text); workspace agents with ajv. */
  parseInput?: z.ZodType;
  maxTurns: number;
  maxRuntimeSeconds: number;
  maxCostMicros: number | null;
}
