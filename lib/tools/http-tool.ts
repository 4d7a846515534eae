// HTTP tools: a customer's endpoint an agent calls with the model's arguments (a JSON body, or query
// parameters for GET and DELETE), signed the Standard Webhooks way and sent through the egress guard.
// Whatever goes wrong comes back as a tool error the model can read; only a canceled run throws.
import { z } from "zod";
import type { ToolResult } from "@/lib/agents/model-types";
import { EgressError, egressFetch, networkErrorCode, parseOutboundUrl, readBodyLimited, ResponseTooLarge } from "@/lib/egress/egress-fetch";
import { HeaderSecretUnavailable, outboundUrlSchema, resolveHeaders, toolHeadersSchema } from "./tool-headers";
import { signToolRequest } from "./tool-signature";

/** Headers the transport or the signature owns. */
const headersSchema = toolHeadersSchema({
  names: new Set(["host", "content-length", "connection", "transfer-encoding", "keep-alive", "upgrade", "expect", "te", "trailer"]),
  prefixes: ["webhook-"],
  message: "AgentHQ sets this header itself.",
});

export const httpToolSchema = z.strictObject({
  type: z.literal("http"),
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "Use 1–64 letters, digits, underscores and dashes."),
  description: z.string().trim().min(1, "Tell the model what the tool does.").max(1_000),
  /** JSON Schema of the arguments; the agent layer checks it further. */
  inputSchema: z.record(z.string(), z.unknown()).refine((schema) => schema.type === "object", 'The input schema must have type "object".'),
  url: outboundUrlSchema,
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("POST"),
  headers: headersSchema,
});
export type HttpToolDefinition = z.infer<typeof httpToolSchema>;

export interface HttpToolContext {
  /** The workspace's signing secret ("whsec_…"). */
  signingSecret: string;
  /** A workspace secret's value; undefined, or a throw, when the workspace has no such secret. */
  secretValue: (name: string) => string | undefined;
  /** The model's tool call id, sent as webhook-id. */
  callId: string;
  /** The run's signal: when it aborts, the call throws rather than answering. */
  signal: AbortSignal;
  timeoutMs?: number;
  maxResponseBytes?: number;
  allowPrivate?: boolean;
}

export type HttpToolResult = ToolResult & { status?: number; durationMs: number };

/** A call that cannot be made as asked; its message is the tool error. */
class ToolCallError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function signature(secret: string, body: string, callId: string): Record<string, string> {
  try {
    return signToolRequest(secret, body, callId, new Date());
  } catch {
    throw new ToolCallError("The request could not be signed: the workspace's tool signing secret is missing or malformed.");
  }
}

function toolRequest(tool: HttpToolDefinition, args: unknown, context: HttpToolContext): { url: URL; init: RequestInit } {
  if (!isObject(args)) throw new ToolCallError("The tool's arguments must be a JSON object.");
  const url = parseOutboundUrl(tool.url);
  const inQuery = tool.method === "GET" || tool.method === "DELETE";
  if (inQuery) {
    for (const [key, value] of Object.entries(args)) {
      if (value === undefined) continue;
      if (typeof value === "object" && value !== null)
        throw new ToolCallError(`The argument "${key}" must be a single value: this tool takes its arguments as query parameters.`);
      url.searchParams.append(key, typeof value === "string" ? value : JSON.stringify(value));
    }
  }
  const body = inQuery ? "" : JSON.stringify(args);
  const headers: Record<string, string> = { "user-agent": "AgentHQ-Tools/1", ...(inQuery ? {} : { "content-type": "application/json" }) };
  for (const [name, value] of Object.entries(resolveHeaders(tool.headers, context.secretValue))) headers[name.toLowerCase()] = value;
  // GET and DELETE carry their arguments in the query, so the query is what is signed for them.
  Object.assign(headers, signature(context.signingSecret, inQuery ? url.search.slice(1) : body, context.callId));
  return { url, init: { method: tool.method, headers, body: inQuery ? undefined : body } };
}

/** Calls the tool; a failure is a tool error (never a throw), except that a canceled run rethrows its abort. */
export async function callHttpTool(tool: HttpToolDefinition, args: unknown, context: HttpToolContext): Promise<HttpToolResult> {
  const { timeoutMs = 10_000, maxResponseBytes = 100_000 } = context;
  const started = performance.now();
  const answer = (content: string, isError: boolean, status?: number): HttpToolResult => ({
    content,
    isError,
    ...(status === undefined ? {} : { status }),
    durationMs: Math.round(performance.now() - started),
  });
  const deadline = AbortSignal.timeout(timeoutMs);
  let status: number | undefined;
  try {
    const { url, init } = toolRequest(tool, args, context);
    const response = await egressFetch(
      url,
      { ...init, signal: AbortSignal.any([context.signal, deadline]) },
      { allowPrivate: context.allowPrivate, sameOriginRedirects: true },
    );
    status = response.status;
    const text = await readBodyLimited(response, maxResponseBytes);
    return response.ok ? answer(text, false, status) : answer(`HTTP ${status}: ${text.slice(0, 2_000)}`, true, status);
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason;
    if (deadline.aborted) return answer(`The tool did not answer within ${timeoutMs / 1000} s.`, true, status);
    if (error instanceof ResponseTooLarge) return answer(`The tool's answer was larger than ${maxResponseBytes / 1000} KB.`, true, status);
    if (error instanceof EgressError || error instanceof ToolCallError || error instanceof HeaderSecretUnavailable)
      return answer(error.message, true, status);
    const code = networkErrorCode(error);
    return answer(code ? `Could not reach the tool (${code}).` : "Could not reach the tool.", true, status);
  }
}
