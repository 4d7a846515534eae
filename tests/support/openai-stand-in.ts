// A local stand-in for an OpenAI-compatible Chat Completions endpoint (what Ollama, vLLM, OpenRouter…
// serve), speaking its streaming format, so the real SDK and the real provider code are tested without
// any model server. Each request is answered by the next scripted reply (a list of content blocks, or an
// HTTP error status), or by `fallback` when none is scripted. Streamed tool calls arrive as real servers
// send them: id and name in one chunk, the arguments in fragments after it. `requests` records what was
// sent (path, Authorization header, body) for tests to assert on.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Usage as the endpoint reports it: prompt_tokens include the cached ones, as OpenAI counts them. */
export interface StandInUsage {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens?: number;
}

/** A tool call's arguments are the JSON of `input`, or `rawArguments` verbatim (to script broken JSON). */
type Block =
  | { type: "text"; text: string }
  | { type: "tool_use"; name: string; input: unknown }
  | { type: "tool_use"; name: string; rawArguments: string };
export type ScriptedReply =
  /** `usage: null` reports none, as some servers do; `chunkDelayMs` paces the stream so tests can act mid-way. */
  { content: Block[]; usage?: StandInUsage | null; delayMs?: number; chunkDelayMs?: number } | { status: number; delayMs?: number };

export interface StandInRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: {
    model?: string;
    max_tokens?: number;
    messages?: { role: string; content?: string | null; tool_calls?: unknown[]; tool_call_id?: string }[];
    tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
    stream?: boolean;
    stream_options?: { include_usage?: boolean };
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pieces of a text, as a server streams it. */
const pieces = (text: string, size: number) => text.match(new RegExp(`.{1,${size}}`, "gs")) ?? [""];

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Usage in the wire format, output capped at max_tokens as a real server caps it. */
function wireUsage(usage: StandInUsage, maxTokens: number) {
  const completion = Math.min(maxTokens, usage.completion_tokens);
  return {
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: completion,
    total_tokens: usage.prompt_tokens + completion,
    ...(usage.cached_tokens !== undefined && { prompt_tokens_details: { cached_tokens: usage.cached_tokens } }),
  };
}

export async function startOpenAIStandIn(options: { models?: string[] } = {}) {
  const models = options.models ?? ["stand-in-model"];
  const replies: ScriptedReply[] = [];
  /** Answers requests when no reply is scripted. */
  const fallback: { reply?: ScriptedReply } = {};
  const requests: StandInRequest[] = [];

  const server = createServer(async (req, res) => {
    res.on("error", () => {}); // the client may hang up mid-stream (an aborted run)
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body: StandInRequest["body"] = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization, body });

    if (req.method === "GET" && path === "/v1/models") {
      return sendJson(res, 200, { object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "stand-in" })) });
    }
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      return sendJson(res, 404, { error: { message: `Unknown path ${path}`, type: "invalid_request_error", code: null } });
    }
    const reply = replies.shift() ?? fallback.reply ?? { status: 500 };
    if (reply.delayMs) await sleep(reply.delayMs);
    if ("status" in reply) {
      const type =
        reply.status === 401
          ? "authentication_error"
          : reply.status === 429
            ? "rate_limit_error"
            : reply.status === 404
              ? "not_found_error"
              : "server_error";
      return sendJson(res, reply.status, { error: { message: "stand-in error", type, code: null } });
    }

    // Unless scripted: about 4 bytes a token, never above max_tokens.
    const maxTokens = body.max_tokens ?? Infinity;
    const reported =
      reply.usage === undefined
        ? {
            prompt_tokens: Math.ceil(Buffer.byteLength(JSON.stringify([body.messages, body.tools])) / 4),
            completion_tokens: Math.ceil(Buffer.byteLength(JSON.stringify(reply.content)) / 4),
          }
        : reply.usage;
    const usage = reported && wireUsage(reported, maxTokens);
    const text = reply.content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("");
    const toolCalls = reply.content
      .flatMap((b) => (b.type === "tool_use" ? [b] : []))
      .map((b, index) => ({
        id: `call_${requests.length}_${index}`,
        type: "function" as const,
        function: { name: b.name, arguments: "rawArguments" in b ? b.rawArguments : JSON.stringify(b.input) },
      }));
    const finishReason = toolCalls.length > 0 ? "tool_calls" : "stop";
    const base = { id: `chatcmpl-standin-${requests.length}`, created: Math.floor(Date.now() / 1000), model: body.model };

    if (!body.stream) {
      const message = { role: "assistant", content: text || null, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) };
      return sendJson(res, 200, {
        ...base,
        object: "chat.completion",
        choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
        ...(usage && { usage }),
      });
    }

    const withUsage = body.stream_options?.include_usage === true;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = async (choices: unknown[], extra: Record<string, unknown> = {}) => {
      if (res.destroyed) return;
      res.write(
        `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices, ...(withUsage && { usage: null }), ...extra })}\n\n`,
      );
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
    };
    const delta = (d: Record<string, unknown>, finish: string | null = null) => [
      { index: 0, delta: d, finish_reason: finish, logprobs: null },
    ];

    await send(delta({ role: "assistant", content: "" }));
    if (text) for (const piece of pieces(text, 20)) await send(delta({ content: piece }));
    for (const [index, call] of toolCalls.entries()) {
      await send(delta({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }));
      for (const piece of pieces(call.function.arguments, 8))
        await send(delta({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
    await send(delta({}, finishReason));
    if (withUsage && usage) await send([], { usage });
    if (!res.destroyed) res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The base URL, as configured for a model connection (ends in /v1). */
    url: `http://127.0.0.1:${port}/v1`,
    replies,
    fallback,
    requests,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
