// Input and output shapes of workspaces, shared by routes, forms and docs.
import { z } from "zod";
import { singleLineText } from "@/lib/forms/single-line";
import { slugSchema } from "./slug";

export const workspaceNameSchema = singleLineText(60, "Enter a name.");

export const createWorkspaceSchema = z.strictObject({
  name: workspaceNameSchema,
  slug: slugSchema.optional(),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const renameWorkspaceSchema = z.strictObject({ name: workspaceNameSchema });

export const deleteWorkspaceSchema = z.strictObject({ confirm: z.string().max(100) });
