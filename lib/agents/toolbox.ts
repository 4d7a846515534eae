// The tools one run of an agent may call, whatever they are: built-in functions, the customer's HTTP
// endpoints (signed, behind the egress guard) and the tools of their MCP servers (connected once per
// run, closed at its end). Every call answers the model, failing or not; only the run stopping (its
// signal) ends a call by throwing.
import { cappedEgressFetch } from "@/lib/egress/egress-fetch";
import { callHttpTool } from "@/lib/tools/http-tool";
import { connectMcpServer, McpUnavailable, type McpConnection } from "@/lib/tools/mcp-tools";
import type { ToolDeclaration } from "./agent-definition";
import type { ToolResult, ToolSpec } from "./model-types";
import { builtInToolSpecs, runTool } from "./tools";

export type ToolCallResult = ToolResult & { durationMs: number };

export interface Toolbox {
  specs: ToolSpec[];
  call(name: string, input: unknown, callId: string, signal: AbortSignal): Promise<ToolCallResult>;
  /** What could not be opened (an MCP server that is down): the run goes on without it. */
  warnings: string[];
  close(): Promise<void>;
}

export interface ToolboxContext {
  /** Signs HTTP tool requests (Standard Webhooks); null when the agent has no HTTP tool. */
  signingSecret: string | null;
  /** A customer secret's value by its name; throws when the workspace has no such secret. */
  secretValue: (name: string) => string;
  signal: AbortSignal;
  /** Makes each HTTP call's webhook-id unique across runs and attempts (models reuse their call ids). */
  callIdPrefix: string;
}

/** Most bytes one answer of an MCP server may have (the SDK reads answers whole). */
const MCP_MAX_RESPONSE_BYTES = 10_000_000;

type Handler = (input: unknown, callId: string, signal: AbortSignal) => Promise<ToolCallResult>;

/** The model's view of declared tools that need no connection (for the first turn's size estimate). */
export function declaredToolSpecs(tools: ToolDeclaration[]): ToolSpec[] {
  return [
    ...builtInToolSpecs(tools.flatMap((t) => (t.type === "builtin" ? [t.name] : []))),
    ...tools.flatMap((t) =>
      t.type === "http" ? [{ name: t.name, description: t.description, input_schema: t.inputSchema as ToolSpec["input_schema"] }] : [],
    ),
  ];
}

export async function openToolbox(tools: ToolDeclaration[], context: ToolboxContext): Promise<Toolbox> {
  const handlers = new Map<string, Handler>();
  const specs: ToolSpec[] = [];
  const warnings: string[] = [];
  const connections: McpConnection[] = [];
  let calls = 0;

  for (const spec of declaredToolSpecs(tools)) specs.push(spec);
  for (const tool of tools) {
    if (tool.type === "builtin") {
      handlers.set(tool.name, async (input) => {
        const started = performance.now();
        return { ...runTool(tool.name, input), durationMs: Math.round(performance.now() - started) };
      });
    } else if (tool.type === "http") {
      handlers.set(tool.name, (input, _callId, signal) =>
        callHttpTool(tool, input, {
          signingSecret: context.signingSecret ?? "",
          secretValue: context.secretValue,
          callId: `${context.callIdPrefix}_c${++calls}`,
          signal,
        }),
      );
    }
  }

  const servers = tools.filter((t) => t.type === "mcp");
  const opened = await Promise.allSettled(
    servers.map((server) =>
      connectMcpServer(server, {
        fetch: cappedEgressFetch(MCP_MAX_RESPONSE_BYTES),
        secretValue: context.secretValue,
        signal: context.signal,
      }),
    ),
  );
  for (const [index, result] of opened.entries()) {
    const server = servers[index]!;
    if (result.status === "rejected") {
      const reason = result.reason instanceof McpUnavailable ? result.reason.message : `The MCP server ${server.name} could not be opened.`;
      warnings.push(reason);
      continue;
    }
    connections.push(result.value);
    for (const spec of result.value.tools) {
      if (handlers.has(spec.name)) continue;
      specs.push(spec);
      handlers.set(spec.name, (input, _callId, signal) => result.value.call(spec.name, input, signal));
    }
  }

  return {
    specs,
    warnings,
    async call(name, input, callId, signal) {
      const handler = handlers.get(name);
      if (!handler) return { content: `Unknown tool ${name}.`, isError: true, durationMs: 0 };
      return handler(input, callId, signal);
    },
    async close() {
      await Promise.allSettled(connections.map((c) => c.close()));
    },
  };
}
