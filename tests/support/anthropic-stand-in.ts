// A local stand-in for Anthropic's Messages API, speaking its streaming (SSE) format, so the real SDK
// and the real provider code are tested without reaching Anthropic. Each request is answered by the
// next scripted reply (a list of content blocks, or an HTTP error status), or by `fallback` when none is
// scripted. Like the real API it reports token usage and bills it: `billed` lists, per answered request,
// the tokens and their cost at list prices, computed here independently of AgentHQ's own price code.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

type Block = { type: "text"; text: string } | { type: "tool_use"; name: string; input: unknown };
export type ScriptedReply = { content: Block[]; usage?: StandInUsage; delayMs?: number } | { status: number; delayMs?: number };

/** List prices in USD per million tokens: input, output, cache write, cache read. */
const LIST_PRICES: Record<string, [number, number, number, number]> = {
  "claude-sonnet-4-6": [3, 15, 3.75, 0.3],
  "claude-sonnet-4-5": [3, 15, 3.75, 0.3],
  "claude-haiku-4-5": [1, 5, 1.25, 0.1],
};

/** The bill of one request in micro-USD, in exact rational arithmetic (tenths of a nano-dollar), rounded up. */
function billMicros(model: string, usage: StandInUsage): number {
  const [input, output, write, read] = LIST_PRICES[model] ?? LIST_PRICES["claude-sonnet-4-6"]!;
  const tenthsOfNano = (tokens: number, usdPerMillion: number) => BigInt(tokens) * BigInt(Math.round(usdPerMillion * 10_000));
  const total =
    tenthsOfNano(usage.input_tokens, input) +
    tenthsOfNano(usage.output_tokens, output) +
    tenthsOfNano(usage.cache_creation_input_tokens ?? 0, write) +
    tenthsOfNano(usage.cache_read_input_tokens ?? 0, read);
  return Number((total + 9_999n) / 10_000n);
}

export async function startAnthropicStandIn() {
  const replies: ScriptedReply[] = [];
  /** Answers requests when no reply is scripted (e.g. many concurrent runs). */
  const fallback: { reply?: ScriptedReply } = {};
  const billed: { model: string; apiKey: string; usage: StandInUsage; costMicros: number }[] = [];
  const requests: {
    headers: IncomingMessage["headers"];
    body: { model: string; max_tokens: number; messages: unknown[]; tools?: { name: string }[]; stream?: boolean };
  }[] = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    requests.push({ headers: req.headers, body });
    const reply = replies.shift() ?? fallback.reply ?? { status: 500 };
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          type: "error",
          error: { type: reply.status === 429 ? "rate_limit_error" : "api_error", message: "stand-in error" },
        }),
      );
      return;
    }
    // Unless scripted: about 4 bytes a token, as the real tokenizer does for English, never above max_tokens.
    const scripted = reply.usage ?? {
      input_tokens: Math.ceil(Buffer.byteLength(JSON.stringify([body.system, body.messages, body.tools])) / 4),
      output_tokens: Math.ceil(Buffer.byteLength(JSON.stringify(reply.content)) / 4),
    };
    const usage: StandInUsage = { ...scripted, output_tokens: Math.min(body.max_tokens, scripted.output_tokens) };
    billed.push({
      model: body.model,
      apiKey: String(req.headers["x-api-key"] ?? req.headers.authorization ?? ""),
      usage,
      costMicros: billMicros(body.model, usage),
    });
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const hasTool = reply.content.some((b) => b.type === "tool_use");
    send("message_start", {
      type: "message_start",
      message: {
        id: "msg_standin",
        type: "message",
        role: "assistant",
        model: body.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    });
    reply.content.forEach((block, index) => {
      if (block.type === "text") {
        send("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } });
        for (const piece of block.text.match(/.{1,20}/gs) ?? [""]) {
          send("content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: piece } });
        }
      } else {
        send("content_block_start", {
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: `toolu_${index}`, name: block.name, input: {} },
        });
        send("content_block_delta", {
          type: "content_block_delta",
          index,
          delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) },
        });
      }
      send("content_block_stop", { type: "content_block_stop", index });
    });
    send("message_delta", {
      type: "message_delta",
      delta: { stop_reason: hasTool ? "tool_use" : "end_turn", stop_sequence: null },
      usage: { output_tokens: usage.output_tokens },
    });
    send("message_stop", { type: "message_stop" });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    replies,
    fallback,
    requests,
    billed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
