import { describe, expect, it } from "vitest";
import { AgentHQ } from "@/sdk/src/index";
import { curlSnippet, NOT_IN_SDK, SDK_CALLS, sdkSnippet } from "./snippets";
import { V1_OPERATIONS } from "./v1-operations";

describe("snippets from the contract", () => {
  it("have an SDK call for every operation of the document, and each call exists in the SDK", () => {
    const ids = V1_OPERATIONS.map((o) => o.operationId).filter((id) => !NOT_IN_SDK.includes(id));
    expect(Object.keys(SDK_CALLS).sort()).toEqual(ids.sort());
    const client = new AgentHQ({ apiKey: `ahq_test_${"a".repeat(32)}` }) as unknown as Record<string, unknown>;
    for (const call of Object.values(SDK_CALLS)) {
      const path = /agenthq\.([\w.]+)\(/.exec(call)![1]!.split(".");
      const target = path.reduce<unknown>((object, key) => (object as Record<string, unknown>)?.[key], client);
      expect(typeof target, call).toBe("function");
    }
  });

  it("build curl from the operation's method, path and auth, with the real values filled in", () => {
    expect(
      curlSnippet("createRun", {
        baseUrl: "https://agenthq.example/",
        apiKey: "ahq_live_x",
        body: { agent: "research", input: { question: "It's?" } },
      }),
    ).toBe(
      [
        `curl -s -X POST "https://agenthq.example/api/v1/runs"`,
        `-H "Authorization: Bearer ahq_live_x"`,
        `-H "Content-Type: application/json"`,
        `-d '{"agent":"research","input":{"question":"It'\\''s?"}}'`,
      ].join(" \\\n  "),
    );
    expect(curlSnippet("getRun", { baseUrl: "http://localhost:3000", params: { id: "run_1" } })).toBe(
      `curl -s "http://localhost:3000/api/v1/runs/run_1" \\\n  -H "Authorization: Bearer $AGENTHQ_KEY"`,
    );
    expect(curlSnippet("streamRunEvents", { baseUrl: "http://h" })).toMatch(/^curl -N "http:\/\/h\/api\/v1\/runs\/\$ID\/events"/);
    expect(sdkSnippet("getRun", { baseUrl: "http://h", params: { id: "run_1" } })).toContain(
      'console.log(await agenthq.runs.get("run_1"));',
    );
  });
});
