// The Anthropic provider with the real SDK against a local stand-in of the Messages API: streaming,
// tool use through the agent loop, and provider failures turned into clear errors.
import { afterAll, describe, expect, it } from "vitest";
import { runAgentLoop } from "@/lib/agents/agent-loop";
import { findBuiltInAgent } from "@/lib/agents/catalog";
import { ProviderError } from "@/lib/agents/model-types";
import { AnthropicProvider } from "@/lib/agents/providers/anthropic-provider";
import { openToolbox } from "@/lib/agents/toolbox";
import { startAnthropicStandIn } from "../support/anthropic-stand-in";

const standIn = await startAnthropicStandIn();
afterAll(() => standIn.close());

const provider = (timeoutMs?: number) =>
  new AnthropicProvider({ apiKey: "test-key", baseURL: standIn.url, model: "claude-haiku-4-5", timeoutMs });
const logs: string[] = [];
const log = async (message: string) => void logs.push(message);

describe("Anthropic provider", () => {
  it("runs the agent loop: a tool call, its result sent back, then the streamed answer", async () => {
    standIn.replies.push(
      {
        content: [
          { type: "text", text: "Let me classify it." },
          { type: "tool_use", name: "classify", input: { text: "Everything is down, urgent" } },
        ],
      },
      { content: [{ type: "text", text: "Urgency: urgent. Topic: technical. Reply drafted." }] },
    );
    const streamed: string[] = [];
    const agent = findBuiltInAgent("support-triage")!;
    const signal = new AbortController().signal;
    const toolbox = await openToolbox(agent.tools, { signingSecret: null, secretValue: () => "", signal, callIdPrefix: "test" });
    const wrapped = provider();
    const original = wrapped.turn.bind(wrapped);
    wrapped.turn = (request) => original({ ...request, onText: (t) => streamed.push(t) });

    const result = await runAgentLoop({
      agent,
      input: { ticket: "Everything is down, urgent" },
      provider: wrapped,
      toolbox,
      signal,
      log,
      onToolCall: async () => {},
    });
    expect(result).toEqual({ kind: "finished", text: "Urgency: urgent. Topic: technical. Reply drafted.", turns: 2 });
    expect(streamed.join("")).toContain("Urgency: urgent");

    const [first, second] = standIn.requests.slice(-2);
    // The SDK sends the key as a bearer token (older versions: x-api-key).
    expect(String(first!.headers.authorization ?? first!.headers["x-api-key"])).toContain("test-key");
    expect(first!.headers["anthropic-version"]).toBeTruthy();
    expect(first!.body).toMatchObject({ model: "claude-haiku-4-5", stream: true });
    expect(first!.body.tools?.map((t) => t.name)).toEqual(["classify"]);
    const toolResult = JSON.stringify(second!.body.messages.at(-1));
    expect(toolResult).toContain("tool_result");
    expect(toolResult).toContain('\\"urgency\\":\\"urgent\\"');
  });

  it.each([
    [429, /rate limiting/],
    [500, /answered with an error \(500\)/],
  ])("turns an HTTP %i into a clear provider error (after one retry)", async (status, message) => {
    standIn.replies.push({ status }, { status });
    const error = await provider()
      .turn({ system: "s", messages: [{ role: "user", content: "hi" }], tools: [], signal: new AbortController().signal })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toMatch(message);
  });

  it("gives up on a provider that does not answer in time", async () => {
    standIn.replies.push({ status: 200, delayMs: 3_000 }, { status: 200, delayMs: 3_000 });
    const error = await provider(300)
      .turn({ system: "s", messages: [{ role: "user", content: "hi" }], tools: [], signal: new AbortController().signal })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toMatch(/did not answer in time/);
  });
});
