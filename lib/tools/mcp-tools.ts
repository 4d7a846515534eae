// MCP tools: a customer's remote MCP server, reached with the SDK's client through the fetch the caller
// gives (the egress guard), over Streamable HTTP or, for older servers, SSE. Its tools reach the model
// named "<server>__<tool>". A call that fails answers a tool error; only a canceled run throws.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport, SseError } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, ListToolsResultSchema, McpError, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { ToolResult, ToolSpec } from "@/lib/agents/model-types";
import { EgressError, networkErrorCode } from "@/lib/egress/egress-fetch";
import { HeaderSecretUnavailable, outboundUrlSchema, resolveHeaders, toolHeadersSchema } from "./tool-headers";

/** Headers the transport owns. */
const headersSchema = toolHeadersSchema({
  names: new Set([
    "host",
    "content-length",
    "content-type",
    "accept",
    "connection",
    "transfer-encoding",
    "keep-alive",
    "upgrade",
    "te",
    "trailer",
    "mcp-session-id",
    "mcp-protocol-version",
    "last-event-id",
  ]),
  message: "The MCP transport sets this header itself.",
});

export const mcpServerSchema = z.strictObject({
  type: z.literal("mcp"),
  /** The server's label within the agent, and the prefix of its tools' names. */
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,32}$/, "Use 1–32 letters, digits, underscores and dashes."),
  url: outboundUrlSchema,
  headers: headersSchema,
  /** The server's own tool names the agent may use; null: all of them. */
  allowedTools: z.array(z.string().min(1).max(64)).max(100).nullable().default(null),
});
export type McpServerDefinition = z.infer<typeof mcpServerSchema>;

export interface McpConnectOptions {
  /** The egress guard's fetch: every request to the server goes through it. */
  fetch: typeof fetch;
  /** A workspace secret's value; throws when the workspace has no such secret. */
  secretValue: (name: string) => string;
  /** The most one request to the server may take. Default 15 s. */
  timeoutMs?: number;
  /** The run's signal: when it aborts, connecting throws it rather than McpUnavailable. */
  signal?: AbortSignal;
}

export interface McpConnection {
  /** The tools the model may call, named "<server>__<tool>". */
  tools: ToolSpec[];
  /** Calls a tool by its name in `tools`; a failure is a tool error, except that the signal aborting throws. */
  call(toolName: string, args: unknown, signal: AbortSignal): Promise<ToolResult & { durationMs: number }>;
  close(): Promise<void>;
}

/** An MCP server that could not be opened; the message is fit to show the customer. */
export class McpUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "McpUnavailable";
  }
}

const MODEL_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_TOOLS = 200;
const MAX_PAGES = 20;
const MAX_DESCRIPTION = 1_000;
/** An input schema larger than this costs every turn more than the tool is worth. */
const MAX_SCHEMA_CHARS = 20_000;
const MAX_CONTENT = 20_000;
const CLIENT_INFO = { name: "agenthq", version: "1" };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const oneLine = (text: string, max: number) => text.replace(/\s+/g, " ").trim().slice(0, max);

/** Why a request failed, in words safe to show: no URL (its query may hold a key), no header. */
function failureReason(error: unknown, timeoutMs: number): string {
  const timedOut = `it did not answer within ${timeoutMs / 1000} s`;
  if (error instanceof EgressError) return error.message;
  if (error instanceof DOMException && error.name === "TimeoutError") return timedOut;
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) return timedOut;
    if (error.code === ErrorCode.ConnectionClosed) return "the connection closed";
    return oneLine(error.message, 500);
  }
  if (error instanceof StreamableHTTPError || error instanceof SseError) {
    if (error.code === 401 || error.code === 403) return `it refused the credentials (HTTP ${error.code})`;
    if (error.code !== undefined && error.code > 0) return `it answered HTTP ${error.code}`;
  }
  // -1: a response neither JSON nor an event stream; $ZodError (zod core, what the SDK throws): a malformed message.
  if ((error instanceof StreamableHTTPError && error.code === -1) || error instanceof z.core.$ZodError || error instanceof SyntaxError)
    return "its answer is not MCP";
  const code = networkErrorCode(error);
  return code ? `could not reach it (${code})` : "could not reach it";
}

/** The SDK leaves its listener on a request's signal: one signal per request keeps them off the run's. */
const requestSignal = (signal: AbortSignal | undefined) => signal && AbortSignal.any([signal]);

/** The promise, or the signal's reason once it aborts: a bound on what the SDK's request timeouts do not cover. */
function until<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal.reason);
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", stop));
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
}

function requestHeaders(server: McpServerDefinition, secretValue: McpConnectOptions["secretValue"]): Record<string, string> {
  try {
    return resolveHeaders(server.headers, secretValue);
  } catch (error) {
    if (error instanceof HeaderSecretUnavailable)
      throw new McpUnavailable(`The MCP server ${server.name} cannot be opened: ${error.message}`);
    throw error;
  }
}

/** A connected client, or the transport's failure (the client closed, so an SSE stream stops retrying). */
async function open(transport: Transport, timeoutMs: number, signal: AbortSignal | undefined): Promise<Client> {
  const client = new Client(CLIENT_INFO);
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    // connect's own timeout covers the initialize request, not the SSE transport waiting for its endpoint.
    await until(
      client.connect(transport, { timeout: timeoutMs, signal: requestSignal(signal) }),
      signal ? AbortSignal.any([deadline, signal]) : deadline,
    );
    return client;
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}

/** The model's view of a server's tool, or null when it does not fit (its name, its schema's size). */
function toolSpec(server: McpServerDefinition, tool: Tool): ToolSpec | null {
  const name = `${server.name}__${tool.name}`;
  if (!MODEL_TOOL_NAME.test(name)) return null;
  const input_schema = { ...tool.inputSchema, type: "object" as const, properties: tool.inputSchema.properties ?? {} };
  if (JSON.stringify(input_schema).length > MAX_SCHEMA_CHARS) return null;
  return { name, description: (tool.description ?? tool.title ?? "").slice(0, MAX_DESCRIPTION), input_schema };
}

/**
 * The allowed tools, by the model's name, with the server's name of each. A plain tools/list request, not
 * client.listTools(): that one compiles every tool's outputSchema (a server's one bad schema would fail
 * them all), and structured output is not read here.
 */
async function listTools(client: Client, server: McpServerDefinition, timeoutMs: number, signal: AbortSignal | undefined) {
  const allowed = server.allowedTools ? new Set(server.allowedTools) : null;
  const tools = new Map<string, { spec: ToolSpec; serverName: string }>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES && tools.size < MAX_TOOLS; page++) {
    const result = await client.request({ method: "tools/list", params: cursor ? { cursor } : {} }, ListToolsResultSchema, {
      timeout: timeoutMs,
      signal: requestSignal(signal),
    });
    for (const tool of result.tools) {
      if (allowed && !allowed.has(tool.name)) continue;
      const spec = toolSpec(server, tool);
      if (spec && !tools.has(spec.name) && tools.size < MAX_TOOLS) tools.set(spec.name, { spec, serverName: tool.name });
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

const bytes = (base64: string) => Buffer.byteLength(base64, "base64");

/** The result as text for the model: text as is, anything else named in brackets. */
function resultText(result: CallToolResult): string {
  const parts = result.content.map((part) => {
    switch (part.type) {
      case "text":
        return part.text;
      case "image":
      case "audio":
        return `[${part.type} ${part.mimeType}, ${bytes(part.data)} bytes]`;
      case "resource":
        return "text" in part.resource
          ? `[resource ${part.resource.uri}]\n${part.resource.text}`
          : `[resource ${part.resource.uri}${part.resource.mimeType ? ` ${part.resource.mimeType}` : ""}, ${bytes(part.resource.blob)} bytes]`;
      case "resource_link":
        return `[resource link ${part.uri}${part.name ? ` (${part.name})` : ""}]`;
      default:
        return `[${(part as { type: string }).type} content]`;
    }
  });
  // A tool with structured output should also send it as text; some send only the structure.
  const text = parts.length ? parts.join("\n") : result.structuredContent ? JSON.stringify(result.structuredContent) : "(no content)";
  return text.length > MAX_CONTENT ? `${text.slice(0, MAX_CONTENT)}… (cut at ${MAX_CONTENT} characters)` : text;
}

/** Opens the server and lists its tools; throws McpUnavailable when it cannot (the run goes on without them). */
export async function connectMcpServer(server: McpServerDefinition, options: McpConnectOptions): Promise<McpConnection> {
  const { timeoutMs = 15_000, signal } = options;
  signal?.throwIfAborted();
  const url = new URL(server.url);
  const transportOptions = { fetch: options.fetch, requestInit: { headers: requestHeaders(server, options.secretValue) } };
  const unavailable = (error: unknown) => {
    if (signal?.aborted) return signal.reason;
    return new McpUnavailable(`The MCP server ${server.name} could not be opened: ${failureReason(error, timeoutMs)}.`);
  };

  let client: Client;
  try {
    client = await open(new StreamableHTTPClientTransport(url, transportOptions), timeoutMs, signal);
  } catch (streamableError) {
    if (signal?.aborted) throw signal.reason;
    // An older server speaks SSE (the SDK's advice: try Streamable HTTP, then SSE).
    try {
      client = await open(new SSEClientTransport(url, transportOptions), timeoutMs, signal);
    } catch (sseError) {
      // A 404 or 405 says the server is there but not Streamable HTTP: then SSE's failure is the one to tell.
      const notStreamable =
        streamableError instanceof StreamableHTTPError && (streamableError.code === 404 || streamableError.code === 405);
      throw unavailable(notStreamable ? sseError : streamableError);
    }
  }

  let tools: Awaited<ReturnType<typeof listTools>>;
  try {
    tools = await listTools(client, server, timeoutMs, signal);
  } catch (error) {
    await client.close().catch(() => {});
    throw unavailable(error);
  }

  return {
    tools: [...tools.values()].map((t) => t.spec),
    async call(toolName, args, callSignal) {
      const started = performance.now();
      const answer = (content: string, isError: boolean) => ({ content, isError, durationMs: Math.round(performance.now() - started) });
      const tool = tools.get(toolName);
      if (!tool) return answer(`The MCP server ${server.name} has no tool ${toolName}.`, true);
      if (!isObject(args)) return answer("The tool's arguments must be a JSON object.", true);
      try {
        const result = (await client.callTool({ name: tool.serverName, arguments: args }, undefined, {
          timeout: timeoutMs,
          signal: requestSignal(callSignal),
        })) as CallToolResult;
        return answer(resultText(result), result.isError === true);
      } catch (error) {
        if (callSignal.aborted) throw callSignal.reason;
        return answer(`The MCP server ${server.name} failed: ${failureReason(error, timeoutMs)}.`, true);
      }
    },
    async close() {
      // Ending the session frees it on the server; one that does not answer is not waited for.
      const transport = client.transport;
      if (transport instanceof StreamableHTTPClientTransport)
        await until(transport.terminateSession(), AbortSignal.timeout(2_000)).catch(() => {});
      await client.close().catch(() => {});
    },
  };
}
