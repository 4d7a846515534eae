import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freePort,
  startReferenceServer,
  startRogueServer,
  startScriptedServer,
  TOO_LONG_TOOL_NAME,
  type ReferenceServer,
  type ScriptedServer,
  type TestServer,
} from "@/tests/support/mcp-servers";
import { connectMcpServer, mcpServerSchema, McpUnavailable, type McpConnection, type McpConnectOptions } from "./mcp-tools";

const TOKEN = "Bearer s3cret-token-value";
const secrets: Record<string, string> = { mcp_token: TOKEN };

const definition = (overrides: Record<string, unknown>) =>
  mcpServerSchema.parse({ type: "mcp", name: "srv", url: "https://mcp.example.com/mcp", ...overrides });

// The egress guard is tested with egress-fetch; here the servers are on 127.0.0.1.
const options = (overrides: Partial<McpConnectOptions> = {}): McpConnectOptions => ({
  fetch: globalThis.fetch,
  secretValue: (name) => {
    const value = secrets[name];
    if (value === undefined) throw new Error(`no secret ${name}`);
    return value;
  },
  timeoutMs: 2_000,
  ...overrides,
});

const live = new AbortController().signal;
const opened: McpConnection[] = [];
const connect = async (...args: Parameters<typeof connectMcpServer>) => {
  const connection = await connectMcpServer(...args);
  opened.push(connection);
  return connection;
};
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
});

describe("mcpServerSchema", () => {
  it("takes a server with defaults, and refuses what could not be sent", () => {
    expect(definition({})).toEqual({ type: "mcp", name: "srv", url: "https://mcp.example.com/mcp", headers: {}, allowedTools: null });
    for (const overrides of [
      { name: "has space" },
      { name: "x".repeat(33) },
      { url: "ftp://mcp.example.com/" },
      { url: "https://user:pw@mcp.example.com/mcp" },
      { url: `https://mcp.example.com/${"x".repeat(2_000)}` },
      { headers: { "Mcp-Session-Id": "abc" } },
      { headers: { "X-Two": "one\ntwo" } },
      { headers: { Authorization: { secret: "Not-A-Name" } } },
      { allowedTools: ["x".repeat(65)] },
    ]) {
      expect(
        mcpServerSchema.safeParse({ type: "mcp", name: "srv", url: "https://mcp.example.com/mcp", ...overrides }).success,
        JSON.stringify(overrides),
      ).toBe(false);
    }
  });
});

describe("the reference server over Streamable HTTP", () => {
  let reference: ReferenceServer;
  let everything: McpConnection;
  beforeAll(async () => {
    reference = await startReferenceServer();
    everything = await connect(definition({ name: "everything", url: reference.url }), options());
  });
  afterAll(async () => {
    await everything?.close();
    await reference?.kill();
  });

  it("lists its tools under the server's name, with their own input schemas", () => {
    const names = everything.tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["everything__echo", "everything__get-sum", "everything__get-tiny-image"]));
    const echo = everything.tools.find((t) => t.name === "everything__echo")!;
    expect(echo.description).toBe("Echoes back the input string");
    expect(echo.input_schema).toMatchObject({ type: "object", properties: { message: { type: "string" } }, required: ["message"] });
    expect(everything.tools.find((t) => t.name === "everything__get-tiny-image")!.input_schema).toMatchObject({
      type: "object",
      properties: {},
    });
  });

  it("calls them, text as is and other content described", async () => {
    expect(await everything.call("everything__echo", { message: "hello" }, live)).toMatchObject({
      content: "Echo: hello",
      isError: false,
      durationMs: expect.any(Number),
    });
    expect((await everything.call("everything__get-sum", { a: 2, b: 3 }, live)).content).toBe("The sum of 2 and 3 is 5.");
    expect((await everything.call("everything__get-tiny-image", {}, live)).content).toMatch(
      /^Here's the image you requested:\n\[image image\/png, \d+ bytes\]/,
    );
    expect((await everything.call("everything__get-resource-reference", { resourceType: "Text", resourceId: 2 }, live)).content).toMatch(
      /\[resource demo:\/\/resource\/dynamic\/text\/2\]\nResource 2: This is a plaintext resource/,
    );
  });

  it("answers a tool error for a name it does not have or arguments that are not an object", async () => {
    expect(await everything.call("everything__nope", {}, live)).toMatchObject({
      isError: true,
      content: "The MCP server everything has no tool everything__nope.",
    });
    expect(await everything.call("everything__echo", ["hello"], live)).toMatchObject({
      isError: true,
      content: "The tool's arguments must be a JSON object.",
    });
    expect(await everything.call("everything__get-sum", { a: "two" }, live)).toMatchObject({ isError: true });
  });

  it("offers only the allowed tools", async () => {
    const allowed = await connect(
      definition({ name: "ev", url: reference.url, allowedTools: ["echo", "get-sum", "not-there"] }),
      options(),
    );
    expect(allowed.tools.map((t) => t.name).sort()).toEqual(["ev__echo", "ev__get-sum"]);
    expect((await allowed.call("ev__get-tiny-image", {}, live)).isError).toBe(true);
  });

  it("answers a tool error, not a throw, once the server is killed", async () => {
    const doomed = await startReferenceServer();
    const connection = await connect(definition({ name: "doomed", url: doomed.url }), options());
    expect((await connection.call("doomed__echo", { message: "hi" }, live)).isError).toBe(false);
    await doomed.kill();
    expect(await connection.call("doomed__echo", { message: "hi" }, live)).toMatchObject({
      isError: true,
      content: expect.stringMatching(/^The MCP server doomed failed: /),
    });
  });
});

describe("an SDK-built server", () => {
  let scripted: ScriptedServer;
  let srv: McpConnection;
  beforeAll(async () => {
    scripted = await startScriptedServer({ token: TOKEN.slice("Bearer ".length) });
    srv = await connect(
      definition({ url: scripted.url, headers: { Authorization: { secret: "mcp_token" }, "X-Team": "blue" } }),
      options({ timeoutMs: 500 }),
    );
  });
  afterAll(async () => {
    await srv?.close();
    await scripted?.close();
  });

  it("gets the headers, the secret resolved", () => {
    expect(scripted.received.length).toBeGreaterThan(0);
    for (const headers of scripted.received) expect(headers).toMatchObject({ authorization: TOKEN, "x-team": "blue" });
  });

  it("skips a tool whose prefixed name would not fit the model's rule", () => {
    expect(srv.tools.map((t) => t.name).sort()).toEqual(["srv__add", "srv__fail", "srv__slow"]);
    expect(srv.tools.some((t) => t.name.includes(TOO_LONG_TOOL_NAME))).toBe(false);
  });

  it("answers results, the tool's own errors and timeouts", async () => {
    expect(await srv.call("srv__add", { a: 2, b: 40 }, live)).toMatchObject({ content: "42", isError: false });
    expect(await srv.call("srv__fail", {}, live)).toMatchObject({ content: "the order system is down", isError: true });
    const slow = await srv.call("srv__slow", { ms: 2_000 }, live);
    expect(slow).toMatchObject({ content: "The MCP server srv failed: it did not answer within 0.5 s.", isError: true });
    expect(slow.durationMs).toBeLessThan(1_500);
  });

  it("rethrows when the run is canceled mid-call", async () => {
    const run = new AbortController();
    setTimeout(() => run.abort(new Error("run canceled")), 100);
    await expect(srv.call("srv__slow", { ms: 2_000 }, run.signal)).rejects.toThrow("run canceled");
  });

  it("is unavailable with the wrong credentials or a missing secret, and says so without the secret", async () => {
    secrets.wrong_token = "Bearer wrong-token";
    const wrong = await connectMcpServer(
      definition({ url: scripted.url, headers: { Authorization: { secret: "wrong_token" } } }),
      options(),
    ).catch((e) => e);
    expect(wrong).toBeInstanceOf(McpUnavailable);
    expect(wrong.message).toBe("The MCP server srv could not be opened: it refused the credentials (HTTP 401).");
    expect(wrong.message).not.toContain("wrong-token");

    const missing = await connectMcpServer(
      definition({ url: scripted.url, headers: { Authorization: { secret: "other_token" } } }),
      options(),
    ).catch((e) => e);
    expect(missing).toBeInstanceOf(McpUnavailable);
    expect(missing.message).toBe('The MCP server srv cannot be opened: The secret "other_token" is not set in this workspace.');
  });

  it("throws the run's reason, not McpUnavailable, when the run is already canceled", async () => {
    const run = new AbortController();
    run.abort(new Error("run canceled"));
    await expect(
      connectMcpServer(
        definition({ url: scripted.url, headers: { Authorization: { secret: "mcp_token" } } }),
        options({ signal: run.signal }),
      ),
    ).rejects.toThrow("run canceled");
  });
});

describe("servers that are not there or misbehave", () => {
  const rogues: TestServer[] = [];
  const rogue = async (behavior: Parameters<typeof startRogueServer>[0]) => {
    const server = await startRogueServer(behavior);
    rogues.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(rogues.map((r) => r.close()));
  });
  const failure = (url: string, overrides: Partial<McpConnectOptions> = {}) =>
    connectMcpServer(definition({ url }), options(overrides)).catch((e: unknown) => e);

  it("is unavailable when nothing listens", async () => {
    const error = await failure(`http://127.0.0.1:${await freePort()}/mcp`);
    expect(error).toBeInstanceOf(McpUnavailable);
    expect((error as Error).message).toBe("The MCP server srv could not be opened: could not reach it (ECONNREFUSED).");
  });

  it("is unavailable when the server never answers, over either transport, within the timeout each", async () => {
    const { url } = await rogue("hang");
    const started = performance.now();
    const error = await failure(url, { timeoutMs: 300 });
    expect((error as Error).message).toBe("The MCP server srv could not be opened: it did not answer within 0.3 s.");
    expect(performance.now() - started).toBeLessThan(1_500);

    const run = new AbortController();
    setTimeout(() => run.abort(new Error("run canceled")), 100);
    expect(await failure(url, { signal: run.signal })).toMatchObject({ message: "run canceled" });
  });

  it("is unavailable when the server answers something that is not MCP", async () => {
    const { url } = await rogue("html");
    expect((await failure(url)) as Error).toMatchObject({
      name: "McpUnavailable",
      message: "The MCP server srv could not be opened: its answer is not MCP.",
    });
  });

  it("answers a tool error when a call's result is not MCP", async () => {
    const { url } = await rogue("bad-result");
    const connection = await connect(definition({ url }), options());
    expect(connection.tools).toEqual([{ name: "srv__lookup", description: "", input_schema: { type: "object", properties: {} } }]);
    expect(await connection.call("srv__lookup", {}, live)).toMatchObject({
      content: "The MCP server srv failed: its answer is not MCP.",
      isError: true,
    });
  });
});

describe("the reference server over SSE", () => {
  let reference: ReferenceServer;
  beforeAll(async () => {
    reference = await startReferenceServer("sse");
  });
  afterAll(async () => {
    await reference?.kill();
  });

  it("is reached by falling back from Streamable HTTP", async () => {
    const legacy = await connect(definition({ name: "legacy", url: reference.url, allowedTools: ["echo"] }), options());
    expect(legacy.tools.map((t) => t.name)).toEqual(["legacy__echo"]);
    expect(await legacy.call("legacy__echo", { message: "over SSE" }, live)).toMatchObject({ content: "Echo: over SSE", isError: false });
    await legacy.close();
  });
});
