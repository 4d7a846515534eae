// What HTTP tools and MCP servers share: their URL (an http(s) address the egress guard will judge),
// and headers whose values are plain text or a reference to a workspace secret, resolved only when the
// request is made.
import { z } from "zod";
import { EgressError, parseOutboundUrl } from "@/lib/egress/egress-fetch";
import { customSecretNameSchema } from "@/lib/secrets/custom-secrets";

export const outboundUrlSchema = z
  .string()
  .max(2_000)
  .superRefine((url, ctx) => {
    try {
      parseOutboundUrl(url);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as EgressError).message });
    }
  });

const headerValueSchema = z.union([
  z
    .string()
    .max(4_000)
    .regex(/^[^\r\n\0]*$/, "A header value is one line."),
  /** A workspace secret, put in when the request is made. */
  z.strictObject({ secret: customSecretNameSchema }),
]);
export type HeaderValue = z.infer<typeof headerValueSchema>;

/**
 * Header names that carry credentials: their values must be stored secrets, not plain text in the
 * definition (which every member and key of the workspace can read).
 */
const CREDENTIAL_HEADER = /authorization|cookie|token|secret|password|api[-_]?key/i;

/** At most 20 headers, none of the names in `reserved` (lowercase) or starting with a reserved prefix. */
export function toolHeadersSchema(reserved: { names: Set<string>; prefixes?: string[]; message: string }) {
  const name = z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/, "Use 1–100 letters, digits and dashes.")
    .refine(
      (n) => !reserved.names.has(n.toLowerCase()) && !(reserved.prefixes ?? []).some((p) => n.toLowerCase().startsWith(p)),
      reserved.message,
    );
  return z
    .record(name, headerValueSchema)
    .refine((headers) => Object.keys(headers).length <= 20, "At most 20 headers.")
    .superRefine((headers, ctx) => {
      for (const [header, value] of Object.entries(headers)) {
        if (typeof value === "string" && CREDENTIAL_HEADER.test(header)) {
          ctx.addIssue({
            code: "custom",
            path: [header],
            message: `Store the ${header} value as a secret (Settings, Secrets for tools) and refer to it: { "secret": "<name>" }.`,
          });
        }
      }
    })
    .default({});
}

/** A header's secret that cannot be sent; the message names the secret, never its value. */
export class HeaderSecretUnavailable extends Error {}

/** The headers to send: secrets looked up by name (`secretValue` may return undefined or throw for a missing one). */
export function resolveHeaders(
  headers: Record<string, HeaderValue>,
  secretValue: (name: string) => string | undefined,
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") {
      resolved[name] = value;
      continue;
    }
    let secret: string | undefined;
    try {
      secret = secretValue(value.secret);
    } catch {
      secret = undefined;
    }
    if (secret === undefined) throw new HeaderSecretUnavailable(`The secret "${value.secret}" is not set in this workspace.`);
    if (/[\r\n\0]/.test(secret))
      throw new HeaderSecretUnavailable(`The secret "${value.secret}" cannot be sent in a header: it has a line break in it.`);
    resolved[name] = secret;
  }
  return resolved;
}
