// MCP servers for the MCP client's tests: the MCP project's reference server ("everything", a child
// process, in Streamable HTTP or SSE mode); a small server built here with the SDK, whose tools script
// what the tests need (a slow one, a failing one, a name too long) and which records the headers it was
// sent; and a hand-written one that misbehaves. Whoever starts one stops it.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

export interface ReferenceServer {
  url: string;
  process: ChildProcess;
  /** SIGKILLs the process and resolves once it has exited. */
  kill(): Promise<void>;
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export interface ScriptedServer extends TestServer {
  /** The headers of every request, in order. */
  received: IncomingHttpHeaders[];
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The reference server on a free port, once it says it listens. Streamable HTTP serves /mcp
 * (dist/transports/streamableHttp.js); SSE opens its stream at /sse and takes messages at /message.
 */
export async function startReferenceServer(
  mode: "streamableHttp" | "sse" = "streamableHttp",
  timeoutMs = 10_000,
): Promise<ReferenceServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["node_modules/@modelcontextprotocol/server-everything/dist/index.js", mode], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  let output = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The reference MCP server (${mode}) did not listen within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      child.stderr!.on("data", (chunk: Buffer) => {
        output = (output + chunk.toString("utf8")).slice(-4_000);
        // "… listening on port N" (Streamable HTTP), "Server is running on port N" (SSE)
        if (/(listening|running) on port/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`The reference MCP server (${mode}) exited (${code}):\n${output}`));
      });
    });
  } catch (error) {
    await kill();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/${mode === "sse" ? "sse" : "mcp"}`, process: child, kill };
}

/** A tool name MCP allows (up to 128 characters) that no "<server>__<tool>" model name can hold. */
export const TOO_LONG_TOOL_NAME = "a_tool_whose_name_is_far_too_long_for_a_model_tool_name_once_prefixed";

function scriptedMcpServer(): McpServer {
  const server = new McpServer({ name: "scripted", version: "1.0.0" });
  server.registerTool("add", { description: "Adds two numbers.", inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({
    content: [{ type: "text", text: String(a + b) }],
  }));
  server.registerTool("slow", { description: "Answers after ms milliseconds.", inputSchema: { ms: z.number() } }, async ({ ms }) => {
    await sleep(ms, undefined, { ref: false });
    return { content: [{ type: "text", text: `done after ${ms} ms` }] };
  });
  server.registerTool("fail", { description: "Always fails." }, async () => ({
    isError: true,
    content: [{ type: "text", text: "the order system is down" }],
  }));
  server.registerTool(TOO_LONG_TOOL_NAME, { description: "Never listed to the model." }, async () => ({
    content: [{ type: "text", text: "unreachable" }],
  }));
  return server;
}

/**
 * The SDK-built server at /mcp, stateless (a server and transport per request), answering JSON. With a
 * token, a request without "Authorization: Bearer <token>" is answered 401.
 */
export async function startScriptedServer(options: { token?: string } = {}): Promise<ScriptedServer> {
  const received: IncomingHttpHeaders[] = [];
  const http = createServer(async (req, res) => {
    received.push(req.headers);
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return void res.writeHead(401).end("unauthorized");
    if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
    const server = scriptedMcpServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => void Promise.allSettled([transport.close(), server.close()]));
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  return { ...(await listen(http)), received };
}

async function listen(http: Server): Promise<TestServer> {
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/**
 * A server that misbehaves: "hang" never answers; "html" answers every request with a web page;
 * "bad-result" speaks MCP (one tool, "lookup") until the tool is called, then answers a result that is
 * not one.
 */
export async function startRogueServer(behavior: "hang" | "html" | "bad-result"): Promise<TestServer> {
  const http = createServer(async (req, res) => {
    if (behavior === "hang") return;
    if (behavior === "html") return void res.writeHead(200, { "content-type": "text/html" }).end("<html>Welcome</html>");
    if (req.method !== "POST") return void res.writeHead(405).end();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      id?: number;
      method: string;
      params?: { protocolVersion?: string };
    };
    if (message.id === undefined) return void res.writeHead(202).end();
    const results: Record<string, unknown> = {
      initialize: {
        protocolVersion: message.params?.protocolVersion,
        capabilities: { tools: {} },
        serverInfo: { name: "rogue", version: "1.0.0" },
      },
      "tools/list": { tools: [{ name: "lookup", inputSchema: { type: "object" } }] },
      "tools/call": { content: "not a list of parts" },
    };
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ jsonrpc: "2.0", id: message.id, result: results[message.method] ?? {} }));
  });
  return listen(http);
}
