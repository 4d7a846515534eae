// A local stand-in for Anthropic's Messages API, speaking its streaming (SSE) format, so the real SDK
// and the real provider code are tested without reaching Anthropic. Each request is answered by the
// next scripted reply: a list of content blocks, or an HTTP error status.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedReply =
  | { content: ({ type: "text"; text: string } | { type: "tool_use"; name: string; input: unknown })[] }
  | { status: number; delayMs?: number };

export async function startAnthropicStandIn() {
  const replies: ScriptedReply[] = [];
  const requests: { headers: IncomingMessage["headers"]; body: { model: string; messages: unknown[]; tools?: { name: string }[]; stream?: boolean } }[] = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    requests.push({ headers: req.headers, body });
    const reply = replies.shift() ?? { status: 500 };
    if ("status" in reply) {
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error", error: { type: reply.status === 429 ? "rate_limit_error" : "api_error", message: "stand-in error" } }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const hasTool = reply.content.some((b) => b.type === "tool_use");
    send("message_start", {
      type: "message_start",
      message: { id: "msg_standin", type: "message", role: "assistant", model: body.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } },
    });
    reply.content.forEach((block, index) => {
      if (block.type === "text") {
        send("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } });
        for (const piece of block.text.match(/.{1,20}/gs) ?? [""]) {
          send("content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: piece } });
        }
      } else {
        send("content_block_start", { type: "content_block_start", index, content_block: { type: "tool_use", id: `toolu_${index}`, name: block.name, input: {} } });
        send("content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) } });
      }
      send("content_block_stop", { type: "content_block_stop", index });
    });
    send("message_delta", { type: "message_delta", delta: { stop_reason: hasTool ? "tool_use" : "end_turn", stop_sequence: null }, usage: { output_tokens: 5 } });
    send("message_stop", { type: "message_stop" });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    replies,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
