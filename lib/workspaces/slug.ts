// Workspace slugs: the part of a dashboard URL (/w/:slug) that names the workspace.
import { z } from "zod";

/** Slugs that would clash with routes or mislead users. */
const RESERVED = new Set(["new", "api", "admin", "settings", "login", "signup", "app", "www", "agenthq", "billing", "support"]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens.")
  .refine((s) => !RESERVED.has(s), "This slug is reserved.");

/** A slug derived from a workspace name: "Acme Labs!" → "acme-labs". */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
  const padded = base.length >= 3 ? base : `${base || "workspace"}-ws`.replace(/^-/, "");
  return RESERVED.has(padded) ? `${padded}-ws` : padded;
}
