// The OpenAI-compatible provider with the real SDK against a local stand-in of Chat Completions: the
// Messages format translated both ways (tool calls streamed in fragments, tool results sent back),
// usage as reported or, when none is, at its worst case, and failures turned into clear errors.
import { afterAll, describe, expect, it } from "vitest";
import { ProviderError, type ContentBlock, type Message, type ModelRequest } from "@/lib/agents/model-types";
import { inputTokensUpperBound } from "@/lib/spend/estimate-tokens";
import { startOpenAIStandIn } from "@/tests/support/openai-stand-in";
import { OpenAICompatibleProvider } from "./openai-provider";

const standIn = await startOpenAIStandIn();
afterAll(() => standIn.close());

const price = { input: 0.4, output: 1.6, cacheWrite: 0, cacheRead: 0.1 };
const provider = (options: { apiKey?: string; timeoutMs?: number; fetch?: typeof fetch } = { apiKey: "test-key" }) =>
  new OpenAICompatibleProvider({ baseURL: standIn.url, model: "llama3.1:8b", price, ...options });
const ask = (overrides: Partial<ModelRequest> = {}): ModelRequest => ({
  system: "You are terse.",
  messages: [{ role: "user", content: "hi" }],
  tools: [],
  signal: new AbortController().signal,
  ...overrides,
});
const lastRequest = () => standIn.requests.at(-1)!;

describe("OpenAI-compatible provider", () => {
  it("streams a text answer through onText and reports the endpoint's usage", async () => {
    standIn.replies.push({
      content: [{ type: "text", text: "Hello there, this answer streams in several pieces." }],
      usage: { prompt_tokens: 120, completion_tokens: 9 },
    });
    const streamed: string[] = [];
    const turn = await provider().turn(ask({ maxTokens: 500, onText: (t) => streamed.push(t) }));

    expect(turn).toEqual({
      content: [{ type: "text", text: "Hello there, this answer streams in several pieces." }],
      stopReason: "end_turn",
      usage: { inputTokens: 120, outputTokens: 9, cacheReadTokens: 0, cacheWriteTokens: 0 },
    });
    expect(streamed.length).toBeGreaterThan(1);
    expect(streamed.join("")).toBe("Hello there, this answer streams in several pieces.");
    const { path, authorization, body } = lastRequest();
    expect(path).toBe("/v1/chat/completions");
    expect(authorization).toBe("Bearer test-key");
    expect(body).toMatchObject({ model: "llama3.1:8b", max_tokens: 500, stream: true, stream_options: { include_usage: true } });
    expect(body.messages).toEqual([
      { role: "system", content: "You are terse." },
      { role: "user", content: "hi" },
    ]);
    expect(body.tools).toBeUndefined();
  });

  it("assembles a tool call streamed in fragments into a tool_use block", async () => {
    standIn.replies.push({
      content: [
        { type: "text", text: "Classifying." },
        { type: "tool_use", name: "classify", input: { text: "Everything is down, urgent", level: 3 } },
      ],
    });
    const tools = [
      {
        name: "classify",
        description: "Classifies a ticket.",
        input_schema: { type: "object" as const, properties: { text: { type: "string" } }, required: ["text"] },
      },
    ];
    const turn = await provider().turn(ask({ tools }));

    expect(turn.stopReason).toBe("tool_use");
    expect(turn.content).toEqual([
      { type: "text", text: "Classifying." },
      { type: "tool_use", id: expect.stringMatching(/^call_/), name: "classify", input: { text: "Everything is down, urgent", level: 3 } },
    ]);
    expect(lastRequest().body.tools).toEqual([
      { type: "function", function: { name: "classify", description: "Classifies a ticket.", parameters: tools[0]!.input_schema } },
    ]);
  });

  it("sends the assistant's tool calls and the tool results back as chat messages", async () => {
    standIn.replies.push({ content: [{ type: "text", text: "Done." }] });
    await provider().turn(
      ask({
        messages: [
          { role: "user", content: "Triage this." },
          {
            role: "assistant",
            content: [
              { type: "text", text: "Let me look." },
              { type: "tool_use", id: "call_a", name: "classify", input: { text: "down" } },
              { type: "tool_use", id: "call_b", name: "summarize", input: {} },
            ],
          },
          {
            role: "user",
            content: [
              { type: "tool_result", tool_use_id: "call_a", content: '{"urgency":"urgent"}' },
              { type: "tool_result", tool_use_id: "call_b", content: "Unknown tool", is_error: true },
              { type: "text", text: "Be brief." },
            ],
          },
        ],
      }),
    );

    expect(lastRequest().body.messages).toEqual([
      { role: "system", content: "You are terse." },
      { role: "user", content: "Triage this." },
      {
        role: "assistant",
        content: "Let me look.",
        tool_calls: [
          { id: "call_a", type: "function", function: { name: "classify", arguments: '{"text":"down"}' } },
          { id: "call_b", type: "function", function: { name: "summarize", arguments: "{}" } },
        ],
      },
      { role: "tool", tool_call_id: "call_a", content: '{"urgency":"urgent"}' },
      { role: "tool", tool_call_id: "call_b", content: "Error: Unknown tool" },
      { role: "user", content: "Be brief." },
    ]);
  });

  it("answers a streamed tool call with a follow-up that carries its id, as the agent loop does", async () => {
    standIn.replies.push(
      { content: [{ type: "tool_use", name: "classify", input: { text: "Everything is down, urgent" } }] },
      { content: [{ type: "text", text: "Urgency: urgent." }] },
    );
    const first = await provider().turn(ask());
    const use = first.content[0] as Extract<ContentBlock, { type: "tool_use" }>;
    const messages: Message[] = [
      { role: "user", content: "hi" },
      { role: "assistant", content: first.content },
      { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: '{"urgency":"urgent"}' }] },
    ];
    const second = await provider().turn(ask({ messages }));

    expect(second).toMatchObject({ content: [{ type: "text", text: "Urgency: urgent." }], stopReason: "end_turn" });
    expect(lastRequest().body.messages!.slice(-2)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: use.id, type: "function", function: { name: "classify", arguments: '{"text":"Everything is down, urgent"}' } }],
      },
      { role: "tool", tool_call_id: use.id, content: '{"urgency":"urgent"}' },
    ]);
  });

  it("keeps a tool call's broken JSON arguments as _raw, and reads no arguments as {}", async () => {
    standIn.replies.push({
      content: [
        { type: "tool_use", name: "classify", rawArguments: '{"text": "unterminated' },
        { type: "tool_use", name: "outline", rawArguments: "" },
      ],
    });
    const turn = await provider().turn(ask());
    expect(turn.content).toMatchObject([
      { type: "tool_use", name: "classify", input: { _raw: '{"text": "unterminated' } },
      { type: "tool_use", name: "outline", input: {} },
    ]);
  });

  it("bills cached prompt tokens as cache reads, apart from the rest of the input", async () => {
    standIn.replies.push({
      content: [{ type: "text", text: "ok" }],
      usage: { prompt_tokens: 1000, completion_tokens: 2, cached_tokens: 800 },
    });
    const turn = await provider().turn(ask());
    expect(turn.usage).toEqual({ inputTokens: 200, outputTokens: 2, cacheReadTokens: 800, cacheWriteTokens: 0 });
  });

  it("bills the turn's worst case when the endpoint reports no usage", async () => {
    standIn.replies.push({ content: [{ type: "text", text: "ok" }], usage: null });
    const request = ask({ maxTokens: 300 });
    const turn = await provider().turn(request);
    expect(turn.usage).toEqual({ inputTokens: inputTokensUpperBound(request), outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0 });
  });

  it("sends the placeholder key 'none' when the connection has no API key (local Ollama)", async () => {
    standIn.replies.push({ content: [{ type: "text", text: "ok" }] });
    await provider({}).turn(ask());
    expect(lastRequest().authorization).toBe("Bearer none");
  });

  it("goes through the fetch it is given (AgentHQ's egress-guarded fetch)", async () => {
    standIn.replies.push({ content: [{ type: "text", text: "ok" }] });
    const fetched: string[] = [];
    const guarded: typeof fetch = (input, init) => (fetched.push(String(input instanceof Request ? input.url : input)), fetch(input, init));
    await provider({ apiKey: "k", fetch: guarded }).turn(ask());
    expect(fetched).toEqual([`${standIn.url}/chat/completions`]);
  });

  it.each([401, 403])("turns an HTTP %i into a rejected-key provider error", async (status) => {
    standIn.replies.push({ status });
    const error = await provider()
      .turn(ask())
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ rejectedKey: true, message: `The model connection rejected the API key (${status}).` });
  });

  it("names the model the endpoint does not know (404)", async () => {
    standIn.replies.push({ status: 404 });
    const error = await provider()
      .turn(ask())
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ rejectedKey: false, message: "The model connection does not know the model llama3.1:8b (404)." });
  });

  it.each([
    [429, /rate limiting/],
    [500, /answered with an error \(500\)/],
  ])("turns an HTTP %i into a clear provider error (after one retry)", async (status, message) => {
    standIn.replies.push({ status }, { status });
    const before = standIn.requests.length;
    const error = await provider()
      .turn(ask())
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toMatch(message);
    expect(error.rejectedKey).toBe(false);
    expect(standIn.requests.length - before).toBe(2);
  });

  it("gives up on an endpoint that does not answer in time", async () => {
    standIn.replies.push({ status: 200, delayMs: 3_000 }, { status: 200, delayMs: 3_000 });
    const error = await provider({ apiKey: "k", timeoutMs: 300 })
      .turn(ask())
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toMatch(/did not answer in time/);
  });

  it("rethrows an abort mid-stream as is, not as a provider error", async () => {
    standIn.replies.push({
      content: [{ type: "text", text: "A long answer that keeps streaming for a while. ".repeat(10) }],
      chunkDelayMs: 20,
    });
    const controller = new AbortController();
    const streamed: string[] = [];
    const error = await provider()
      .turn(ask({ signal: controller.signal, onText: (t) => (streamed.push(t), streamed.length === 2 && controller.abort()) }))
      .catch((e) => e);
    expect(error).not.toBeInstanceOf(ProviderError);
    expect(error.name).toBe("AbortError");
    expect(streamed.length).toBeLessThan(10);
  });
});
