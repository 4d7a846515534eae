// Code snippets from the contract: the method, path and auth of a curl command come from the OpenAPI
// document's operation, and the SDK call from one table that a test holds to the document and the SDK,
// so the docs' and the dashboard's snippets cannot go stale.
import type { ApiOperation } from "./api-operation";
import { V1_OPERATIONS } from "./v1-operations";

/** The SDK call of each operation; `$` stands for the operation's arguments. */
export const SDK_CALLS: Record<string, string> = {
  getWorkspace: "agenthq.workspace()",
  listAgents: "agenthq.agents.list()",
  createAgent: "agenthq.agents.create($body)",
  getAgent: "agenthq.agents.get($id)",
  updateAgent: "agenthq.agents.update($id, $body)",
  archiveAgent: "agenthq.agents.archive($id)",
  listAgentVersions: "agenthq.agents.versions($id)",
  createRun: "agenthq.runs.create($body)",
  listRuns: "agenthq.runs.list()",
  getRun: "agenthq.runs.get($id)",
  cancelRun: "agenthq.runs.cancel($id)",
  streamRunEvents: "for await (const event of agenthq.runs.events($id)) console.log(event)",
  getUsage: "agenthq.usage()",
  listWebhookEndpoints: "agenthq.webhooks.list()",
  createWebhookEndpoint: "agenthq.webhooks.create($body)",
  deleteWebhookEndpoint: "agenthq.webhooks.delete($id)",
  listWebhookDeliveries: "agenthq.webhooks.deliveries($id)",
  rotateWebhookSecret: "agenthq.webhooks.rotateSecret($id)",
};

/** Operations the SDK has no call for: the document itself. */
export const NOT_IN_SDK = ["getOpenApiDocument"];

export function operation(operationId: string): ApiOperation {
  const found = V1_OPERATIONS.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`No operation ${operationId} in the API document.`);
  return found;
}

interface SnippetInput {
  baseUrl: string;
  /** The key to show; default the shell variable $AGENTHQ_KEY. */
  apiKey?: string;
  /** Values of the path's {parameters}. */
  params?: Record<string, string>;
  body?: unknown;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function pathOf(op: ApiOperation, params: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `$${name.toUpperCase()}`);
}

export function curlSnippet(operationId: string, input: SnippetInput): string {
  const op = operation(operationId);
  const lines = [
    `curl -s${op.method === "get" ? "" : ` -X ${op.method.toUpperCase()}`} "${input.baseUrl.replace(/\/+$/, "")}${pathOf(op, input.params)}"`,
  ];
  if (op.caller.kind === "key") lines.push(`-H "Authorization: Bearer ${input.apiKey ?? "$AGENTHQ_KEY"}"`);
  if (op.path.endsWith("/events")) lines[0] = lines[0]!.replace("curl -s", "curl -N");
  if (input.body !== undefined) lines.push(`-H "Content-Type: application/json"`, `-d ${shellQuote(JSON.stringify(input.body))}`);
  return lines.join(" \\\n  ");
}

export function sdkSnippet(operationId: string, input: SnippetInput): string {
  const call = SDK_CALLS[operationId];
  if (!call) throw new Error(`The SDK has no call for ${operationId}.`);
  const id = Object.values(input.params ?? {})[0];
  const filled = call.replace("$body", JSON.stringify(input.body ?? {})).replace("$id", JSON.stringify(id ?? "…"));
  return [
    'import { AgentHQ } from "@agenthq/sdk";',
    "",
    `const agenthq = new AgentHQ({ apiKey: ${input.apiKey ? JSON.stringify(input.apiKey) : "process.env.AGENTHQ_KEY!"}, baseUrl: ${JSON.stringify(input.baseUrl)} });`,
    filled.startsWith("for ") ? filled : `console.log(await ${filled});`,
  ].join("\n");
}
