// Input and output shapes of workspaces, shared by routes, forms and docs.
import { z } from "zod";
import { slugSchema } from "./slug";

export const workspaceNameSchema = z.string().trim().min(1, "Enter a name.").max(60, "Use at most 60 characters.");

export const createWorkspaceSchema = z.strictObject({
  name: workspaceNameSchema,
  slug: slugSchema.optional(),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const renameWorkspaceSchema = z.strictObject({ name: workspaceNameSchema });

export const deleteWorkspaceSchema = z.strictObject({ confirm: z.string().max(100) });
