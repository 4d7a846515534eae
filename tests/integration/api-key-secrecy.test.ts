// An API key's secret appears in no log line, whatever happens to the key: created, used, refused, revoked.
// The v1 route handler is called directly, on the real database.
import { afterAll, describe, expect, it } from "vitest";

process.env.LOG_LEVEL = "debug";
const written: string[] = [];
const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
  written.push(String(chunk)),
  originals.out(chunk, ...rest)
)) as typeof process.stdout.write;
process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (
  written.push(String(chunk)),
  originals.err(chunk, ...rest)
)) as typeof process.stderr.write;
afterAll(() => {
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
});

const { createApiKey, revokeApiKey } = await import("@/lib/api-keys/manage-keys");
const { GET } = await import("@/app/api/v1/workspace/route");
const { createTeam } = await import("../support/workspace-fixture");

const call = (key: string) =>
  GET(new Request("http://test/api/v1/workspace", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });

describe("API key secrecy", () => {
  it("never writes the secret to the log", async () => {
    const team = await createTeam();
    const { key, id } = await createApiKey(team.as("owner"), { name: "secret" });
    expect((await call(key)).status).toBe(200);
    expect((await call(`${key.slice(0, -1)}Z`)).status).toBe(401);
    await revokeApiKey(team.as("owner"), id);
    expect((await call(key)).status).toBe(401);

    const log = written.join("");
    expect(log).toContain('"path":"/api/v1/workspace"');
    expect(log).not.toContain(key.slice("ahq_live_".length));
    expect(log).not.toContain(key.slice("ahq_live_".length, -1));
  });
});
