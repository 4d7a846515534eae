// Agents on the wire: what the API answers about an agent and its saved versions. Each answer is parsed
// through these schemas on the way out, and the OpenAPI document is generated from them.
import { z } from "zod";
import { usdValueSchema } from "@/lib/spend/schemas";
import { agentDefinitionSchema, toolDeclarationSchema } from "./agent-definition";

const jsonSchemaObject = z.record(z.string(), z.unknown());

export const agentViewSchema = z
  .object({
    id: z.string().meta({ description: 'What a run names as `agent` ("<id>", or "<id>@<version>" for a workspace agent).' }),
    name: z.string(),
    description: z.string(),
    builtIn: z.boolean(),
    version: z.number().int().min(1).nullable().meta({ description: "The latest version; null for a built-in agent." }),
    model: z.string(),
    instructions: z.string(),
    tools: z.array(toolDeclarationSchema),
    inputSchema: jsonSchemaObject.meta({ description: "JSON Schema of a run's `input` (default: `{ prompt: string }`)." }),
    limits: z.object({ maxTurns: z.number().int(), maxRuntimeSeconds: z.number().int(), maxCostUsd: usdValueSchema.nullable() }),
    archived: z.boolean(),
    createdAt: z.iso.datetime().optional().meta({ description: "Absent for a built-in agent." }),
    updatedAt: z.iso.datetime().optional(),
  })
  .meta({ id: "Agent" });

export const agentListSchema = z
  .object({ data: z.array(agentViewSchema).meta({ description: "The built-in agents, then the workspace's own." }) })
  .meta({ id: "AgentList" });

/**
 * A saved version's definition as stored. Its input schema is not checked again on the way out: a rule
 * added later for new schemas must not make an old version unreadable.
 */
const storedDefinitionSchema = agentDefinitionSchema.extend({ inputSchema: jsonSchemaObject });

export const agentVersionViewSchema = z
  .object({
    version: z.number().int().min(1),
    createdAt: z.iso.datetime(),
    createdById: z.string().nullable(),
    definition: storedDefinitionSchema,
  })
  .meta({ id: "AgentVersion" });

export const agentVersionListSchema = z
  .object({ data: z.array(agentVersionViewSchema).meta({ description: "Newest first." }) })
  .meta({ id: "AgentVersionList" });
