// Every API request writes one JSON access log line with its request id, route pattern, status and
// latency, plus the workspace once the caller's key names it; never the key itself.
import { afterAll, describe, expect, it } from "vitest";

process.env.LOG_LEVEL = "info";
const lines: string[] = [];
const originalWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
  lines.push(String(chunk)),
  originalWrite(chunk, ...rest)
)) as typeof process.stdout.write;
afterAll(() => {
  process.stdout.write = originalWrite;
});

const { createApiKey } = await import("@/lib/api-keys/manage-keys");
const { GET } = await import("@/app/api/v1/runs/[id]/route");
const { createTeam } = await import("../support/workspace-fixture");

function accessLogFor(requestId: string): Record<string, unknown> {
  const entries = lines
    .flatMap((chunk) => chunk.split("\n"))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const found = entries.filter((e) => e.msg === "request" && e.requestId === requestId);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("access log", () => {
  it("names the route pattern and the caller's workspace, and nothing secret", async () => {
    const team = await createTeam();
    const { key } = await createApiKey(team.as("owner"), { name: "log" });
    const call = (requestId: string, authorization: string) =>
      GET(new Request("http://test/api/v1/runs/run_missing?cursor=abc", { headers: { authorization, "x-request-id": requestId } }), {
        params: Promise.resolve({ id: "run_missing" }),
      });

    expect((await call("log-known", `Bearer ${key}`)).status).toBe(404);
    expect(accessLogFor("log-known")).toEqual({
      time: expect.any(String),
      level: "info",
      msg: "request",
      requestId: "log-known",
      method: "GET",
      path: "/api/v1/runs/run_missing",
      route: "/api/v1/runs/[id]",
      status: 404,
      ms: expect.any(Number),
      workspaceId: team.workspaceId,
    });

    expect((await call("log-unknown", "Bearer ahq_live_not-a-real-key-00000000000000000")).status).toBe(401);
    expect(accessLogFor("log-unknown")).not.toHaveProperty("workspaceId");

    const log = lines.join("");
    expect(log).not.toContain(key.slice("ahq_live_".length));
    expect(log).not.toContain("cursor=abc");
  });
});
