import { z } from "zod";
import { singleLineText } from "@/lib/forms/single-line";

export const API_SCOPES = ["runs:read", "runs:write", "usage:read", "agents:write", "webhooks:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const createKeySchema = z.strictObject({
  name: singleLineText(60, "Name the key."),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope.").max(API_SCOPES.length).optional(),
  expiresAt: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() > Date.now() + 60_000, "Choose a time in the future.")
    .refine((d) => d.getTime() < Date.now() + 5 * 366 * 24 * 3600 * 1000, "Choose a time within 5 years.")
    .optional(),
});
export type CreateKeyInput = z.infer<typeof createKeySchema>;

/** An API key as the dashboard lists it: never its secret or hash. */
export const apiKeyViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    display: z.string().meta({ description: "The key's prefix and last 4 characters, as it can be shown after creation." }),
    scopes: z.array(z.string()),
    createdById: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiKey" });

export const apiKeyListSchema = z
  .object({ data: z.array(apiKeyViewSchema).meta({ description: "Newest first; a member sees only their own keys." }) })
  .meta({ id: "ApiKeyList" });

/** A key just created: the one answer that carries its secret. */
export const createdApiKeySchema = z
  .object({ ...apiKeyViewSchema.shape, key: z.string().meta({ description: "The secret, `ahq_live_…`: shown this once." }) })
  .meta({ id: "CreatedApiKey" });
