// Input and output shapes of workspaces, shared by routes, forms and docs.
import { z } from "zod";
import { TIER_IDS } from "@/config/tiers";
import { singleLineText } from "@/lib/forms/single-line";
import { WorkspaceStatus } from "@/lib/generated/prisma/enums";
import { slugSchema } from "./slug";

export const workspaceNameSchema = singleLineText(60, "Enter a name.");

export const createWorkspaceSchema = z.strictObject({
  name: workspaceNameSchema,
  slug: slugSchema.optional(),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const renameWorkspaceSchema = z.strictObject({ name: workspaceNameSchema });

export const deleteWorkspaceSchema = z.strictObject({ confirm: z.string().max(100) });

/** GET /api/v1/workspace: the workspace an API key belongs to. */
export const workspaceViewSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    tier: z.enum(TIER_IDS),
    status: z.enum(WorkspaceStatus),
    pausedReason: z.string().optional().meta({ description: 'Why the workspace is paused ("quota": it reached its usage cap).' }),
  })
  .meta({ id: "Workspace" });
