import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callHttpTool, httpToolSchema, type HttpToolContext, type HttpToolDefinition } from "./http-tool";
import { newSigningSecret } from "./tool-signature";

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const received: Received[] = [];
let base = "";
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === "/fail") res.writeHead(500).end("boom");
      else if (path === "/slow") setTimeout(() => res.end("late"), 2_000).unref();
      else if (path === "/big") res.end("x".repeat(150_000));
      else if (path === "/elsewhere")
        res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/orders` }).end();
      else if (path === "/moved") res.writeHead(302, { location: "/orders" }).end();
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  received.length = 0;
});

const signingSecret = newSigningSecret();
const secrets: Record<string, string> = { api_key: "s3cret" };

const tool = (overrides: Partial<HttpToolDefinition> = {}): HttpToolDefinition =>
  httpToolSchema.parse({
    type: "http",
    name: "lookup_order",
    description: "Looks up an order.",
    inputSchema: { type: "object", properties: { id: { type: "string" } } },
    url: `${base}/orders`,
    headers: { "X-Api-Key": { secret: "api_key" }, "X-Plain": "plain" },
    ...overrides,
  });

const context = (overrides: Partial<HttpToolContext> = {}): HttpToolContext => ({
  signingSecret,
  secretValue: (name) => secrets[name],
  callId: "toolu_01",
  signal: new AbortController().signal,
  allowPrivate: true,
  ...overrides,
});

/** The headers as standardwebhooks takes them. */
const flat = (headers: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));

describe("callHttpTool", () => {
  it("POSTs the arguments as signed JSON with the tool's headers", async () => {
    const result = await callHttpTool(tool(), { id: "A-1", qty: 2 }, context());
    expect(result).toMatchObject({ content: '{"ok":true}', isError: false, status: 200 });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    const [request] = received;
    expect(request).toMatchObject({ method: "POST", url: "/orders", body: '{"id":"A-1","qty":2}' });
    expect(request!.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "AgentHQ-Tools/1",
      "x-api-key": "s3cret",
      "x-plain": "plain",
      "webhook-id": "toolu_01",
    });
    expect(new Webhook(signingSecret).verify(request!.body, flat(request!.headers))).toEqual({ id: "A-1", qty: 2 });
    expect(() => new Webhook(newSigningSecret()).verify(request!.body, flat(request!.headers))).toThrow();
  });

  it("sends GET arguments as query parameters, and signs the query string", async () => {
    const result = await callHttpTool(
      tool({ method: "GET", url: `${base}/orders?v=1` }),
      { q: "a b&c", n: 3, open: true, none: null },
      context(),
    );
    expect(result.isError).toBe(false);
    const [request] = received;
    expect(request!.method).toBe("GET");
    expect(Object.fromEntries(new URL(request!.url, base).searchParams)).toEqual({
      v: "1",
      q: "a b&c",
      n: "3",
      open: "true",
      none: "null",
    });
    expect(request!.body).toBe("");
    expect(request!.headers["content-type"]).toBeUndefined();
    const query = request!.url.slice(request!.url.indexOf("?") + 1);
    expect(new Webhook(signingSecret).verify(query, flat(request!.headers), { jsonParse: false })).toBeUndefined();
    // The signature covers the arguments: another query does not verify.
    expect(() => new Webhook(signingSecret).verify(query.replace("n=3", "n=4"), flat(request!.headers), { jsonParse: false })).toThrow();
  });

  it("refuses arguments that are not an object, and nested query arguments", async () => {
    expect(await callHttpTool(tool(), ["a"], context())).toMatchObject({
      isError: true,
      content: "The tool's arguments must be a JSON object.",
    });
    expect(await callHttpTool(tool({ method: "DELETE" }), { ids: [1, 2] }, context())).toMatchObject({
      isError: true,
      content: expect.stringContaining('"ids"'),
    });
    expect(received).toEqual([]);
  });

  it("answers a non-2xx status as a tool error with the status", async () => {
    const result = await callHttpTool(tool({ url: `${base}/fail` }), {}, context());
    expect(result).toMatchObject({ isError: true, status: 500, content: "HTTP 500: boom" });
  });

  it("gives up after timeoutMs", async () => {
    const result = await callHttpTool(tool({ url: `${base}/slow` }), {}, context({ timeoutMs: 300 }));
    expect(result).toMatchObject({ isError: true, content: "The tool did not answer within 0.3 s." });
    expect(result.durationMs).toBeLessThan(1_500);
  });

  it("refuses an answer above maxResponseBytes", async () => {
    expect(await callHttpTool(tool({ url: `${base}/big` }), {}, context())).toMatchObject({
      isError: true,
      status: 200,
      content: "The tool's answer was larger than 100 KB.",
    });
    expect(await callHttpTool(tool({ url: `${base}/big` }), {}, context({ maxResponseBytes: 10_000 }))).toMatchObject({
      content: "The tool's answer was larger than 10 KB.",
    });
  });

  it("names a missing secret without calling the tool", async () => {
    const result = await callHttpTool(tool({ headers: { Authorization: { secret: "other_key" } } }), {}, context());
    expect(result).toMatchObject({ isError: true, content: 'The secret "other_key" is not set in this workspace.' });
    const throwing = await callHttpTool(
      tool(),
      {},
      context({
        secretValue: () => {
          throw new Error("no key");
        },
      }),
    );
    expect(throwing).toMatchObject({ isError: true, content: 'The secret "api_key" is not set in this workspace.' });
    expect(received).toEqual([]);
  });

  it("does not send a request it cannot sign", async () => {
    expect(await callHttpTool(tool(), {}, context({ signingSecret: "" }))).toMatchObject({
      isError: true,
      content: expect.stringMatching(/could not be signed/),
    });
    expect(received).toEqual([]);
  });

  it("rethrows when the run is canceled", async () => {
    const run = new AbortController();
    setTimeout(() => run.abort(), 100);
    await expect(callHttpTool(tool({ url: `${base}/slow` }), {}, context({ signal: run.signal }))).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("answers the egress guard's refusal as a tool error", async () => {
    const result = await callHttpTool(tool(), {}, context({ allowPrivate: false }));
    expect(result).toMatchObject({
      isError: true,
      content: expect.stringMatching(/^The address 127\.0\.0\.1:\d+ is a private network address/),
    });
    expect(received).toEqual([]);
  });

  it("answers a refused connection as a tool error", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await callHttpTool(tool({ url: `http://127.0.0.1:${port}/` }), {}, context());
    expect(result).toMatchObject({ isError: true, content: "Could not reach the tool (ECONNREFUSED)." });
  });
});

describe("httpToolSchema", () => {
  const valid = { type: "http", name: "t", description: "d", inputSchema: { type: "object" }, url: "https://api.example.com/x" };

  it("defaults the method to POST and the headers to none", () => {
    expect(httpToolSchema.parse(valid)).toMatchObject({ method: "POST", headers: {} });
  });

  it.each([
    ["a URL with credentials", { url: "https://u:p@api.example.com/" }],
    ["a non-http URL", { url: "ftp://api.example.com/" }],
    ["a URL that is not one", { url: "api.example.com" }],
    ["an input schema that is not an object's", { inputSchema: { type: "string" } }],
    ["a name with spaces", { name: "look up" }],
    ["a Host header", { headers: { Host: "evil" } }],
    ["a webhook- header", { headers: { "Webhook-Signature": "v1,x" } }],
    ["a Content-Length header", { headers: { "content-length": "1" } }],
    ["a header value with a line break", { headers: { "X-A": "a\r\nX-B: b" } }],
    ["a credential as plain text", { headers: { Authorization: "Bearer sk-live-123" } }],
    ["a secret reference with capitals", { headers: { "X-A": { secret: "API_KEY" } } }],
    ["21 headers", { headers: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-${i}`, "v"])) }],
    ["an unknown field", { timeout: 5 }],
  ])("refuses %s", (_name, change) => {
    expect(httpToolSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe("newSigningSecret", () => {
  it("is whsec_ and 32 bytes of base64, which standardwebhooks takes", () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(() => new Webhook(secret)).not.toThrow();
  });
});

describe("redirects of HTTP tools", () => {
  it("follows a redirect within the tool's site, and refuses one to another site (its headers carry secrets)", async () => {
    const same = await callHttpTool(tool({ url: `${base}/moved` }), { id: "1" }, context());
    expect(same).toMatchObject({ isError: false, status: 200 });
    received.length = 0;
    const other = await callHttpTool(tool({ url: `${base}/elsewhere` }), { id: "1" }, context());
    expect(other.isError).toBe(true);
    expect(other.content).toMatch(/redirected to another site/);
    expect(received.map((r) => r.url)).toEqual(["/elsewhere"]);
  });
});
