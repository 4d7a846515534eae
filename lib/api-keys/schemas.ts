import { z } from "zod";
import { singleLineText } from "@/lib/forms/single-line";

export const API_SCOPES = ["runs:read", "runs:write", "usage:read", "agents:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const createKeySchema = z.strictObject({
  name: singleLineText(60, "Name the key."),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope.").max(3).optional(),
  expiresAt: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() > Date.now() + 60_000, "Choose a time in the future.")
    .refine((d) => d.getTime() < Date.now() + 5 * 366 * 24 * 3600 * 1000, "Choose a time within 5 years.")
    .optional(),
});
export type CreateKeyInput = z.infer<typeof createKeySchema>;
