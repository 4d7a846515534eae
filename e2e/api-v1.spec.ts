// The public API as customers' programs call it: keys, scopes, errors, usage counting, revocation across
// instances, and tier rate limits on Redis shared by two instances and on the in-memory backend.
import { expect, test, type APIResponse } from "@playwright/test";
import { ownerQuery } from "../tests/support/owner-db";
import { MAIN_INSTANCE, MEMORY_INSTANCE, SECOND_INSTANCE, SHARED_REDIS } from "./support/instances";
import { apiClient, createKey, createKeyedWorkspace } from "./support/keys";

const withoutRequestId = async (r: APIResponse) => {
  const { requestId, ...rest } = await r.json();
  expect(requestId).toBeTruthy();
  return rest;
};

test("a key reads its workspace, the agents and its usage; each accepted call counts once", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "v1-basics");
  const api = await apiClient(baseURL!, ws.key);

  const workspace = await api.get("/api/v1/workspace");
  expect(workspace.status()).toBe(200);
  expect(await workspace.json()).toEqual({ id: ws.id, slug: ws.slug, name: ws.name, tier: "free", status: "active" });
  for (const header of ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "x-request-id"]) {
    expect(workspace.headers()[header], header).toBeTruthy();
  }
  expect(workspace.headers()["ratelimit-limit"]).toBe("60");

  const agents = await (await api.get("/api/v1/agents")).json();
  expect(agents.data.length).toBeGreaterThanOrEqual(5);
  // Built-in agents are templates: each shows what a run's input must be and what it would copy.
  expect(agents.data[0]).toMatchObject({
    id: "research",
    name: expect.any(String),
    description: expect.any(String),
    builtIn: true,
    version: null,
    inputSchema: { type: "object", required: ["question"] },
  });

  const usage = await (await api.get("/api/v1/usage")).json();
  expect(usage).toMatchObject({
    tier: "free",
    apiCalls: { used: 3, limit: 10_000 },
    agentMinutes: { used: 0, limit: 60 },
    concurrentRuns: { used: 0, limit: 1 },
  });
  expect(new Date(usage.periodEnd).getTime()).toBeGreaterThan(new Date(usage.periodStart).getTime());
});

test("200 concurrent calls are each counted exactly once, in the ledger and the counter", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "v1-exact", "pro");
  const api = await apiClient(baseURL!, ws.key);
  const statuses = await Promise.all(Array.from({ length: 200 }, () => api.get("/api/v1/agents").then((r) => r.status())));
  expect(statuses.filter((s) => s === 200)).toHaveLength(200);
  const { rows } = await ownerQuery(
    `SELECT (SELECT count(*)::int FROM "UsageEvent" WHERE "workspaceId" = $1 AND metric = 'api_calls') AS ledger,
            (SELECT used::int FROM "UsageCounter" WHERE "workspaceId" = $1 AND metric = 'api_calls') AS counter`,
    [ws.id],
  );
  expect(rows[0]).toEqual({ ledger: 200, counter: 200 });
});

test("RateLimit-Remaining counts down call by call", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "v1-countdown");
  const api = await apiClient(baseURL!, ws.key);
  const remaining = [];
  for (let i = 0; i < 3; i++) remaining.push((await api.get("/api/v1/workspace")).headers()["ratelimit-remaining"]);
  expect(remaining).toEqual(["59", "58", "57"]);
});

test("a workspace's keys share its rate limit: a second key continues the first one's countdown", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "v1-shared-limit");
  const second = await createKey(ws.owner, ws.slug, { name: "second" });
  const [first, other] = [await apiClient(baseURL!, ws.key), await apiClient(baseURL!, second.key)];
  const remaining = [];
  for (const api of [first, first, other, other, first])
    remaining.push((await api.get("/api/v1/workspace")).headers()["ratelimit-remaining"]);
  expect(remaining).toEqual(["59", "58", "57", "56", "55"]);
});

test("missing, malformed, unknown and revoked keys all get the same 401", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "v1-401");
  const revoked = await createKey(ws.owner, ws.slug, { name: "to revoke" });
  expect((await ws.owner.api.delete(`/api/workspaces/${ws.slug}/keys/${revoked.id}`)).status()).toBe(200);

  const headers = [
    undefined,
    "Bearer",
    "Basic dXNlcjpwYXNz",
    // One character changed (never to the one it already is, which would leave the key valid).
    `Bearer ${ws.key.slice(0, -1)}${ws.key.endsWith("X") ? "Y" : "X"}`,
    `Bearer ${revoked.key}`,
    `Bearer ${"A".repeat(8_000)}`,
    `Bearer ${ws.key}\u0000`.replace("\u0000", "%00"),
  ];
  const bodies = [];
  for (const authorization of headers) {
    const api = await apiClient(baseURL!);
    const response = await api.get("/api/v1/workspace", { headers: authorization ? { authorization } : {} });
    expect(response.status(), authorization?.slice(0, 30)).toBe(401);
    expect(response.headers()["www-authenticate"]).toContain("Bearer");
    bodies.push(JSON.stringify(await withoutRequestId(response)));
  }
  expect(new Set(bodies).size).toBe(1);
});

test("a key without the route's scope gets 403, and the refusal is not counted", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "v1-scope");
  const narrow = await createKey(ws.owner, ws.slug, { name: "runs only", scopes: ["runs:read"] });
  const api = await apiClient(baseURL!, narrow.key);
  const denied = await api.get("/api/v1/usage");
  expect(denied.status()).toBe(403);
  expect((await denied.json()).code).toBe("forbidden");
  const usage = await (await (await apiClient(baseURL!, ws.key)).get("/api/v1/usage")).json();
  expect(usage.apiCalls.used).toBe(1);
});

test("bad input gets a clear 4xx, never a 500", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "v1-bad");
  const api = await apiClient(baseURL!, ws.key);
  expect((await api.post("/api/v1/workspace", { data: {} })).status()).toBe(405);
  expect((await api.delete("/api/v1/agents")).status()).toBe(405);
  expect((await api.get("/api/v1/usage?x=%ZZ")).status()).toBeLessThan(500);
  expect((await api.get("/api/v1/nope")).status()).toBe(404);
  const keyAsSession = await api.get(`/api/workspaces/${ws.slug}`);
  expect(keyAsSession.status()).toBe(401);
});

test("a key sees only its own workspace", async ({ baseURL }) => {
  const [a, b] = [await createKeyedWorkspace(baseURL!, "v1-iso-a"), await createKeyedWorkspace(baseURL!, "v1-iso-b")];
  const text = await (await (await apiClient(baseURL!, a.key)).get("/api/v1/workspace")).text();
  expect(text).toContain(a.id);
  for (const secret of [b.id, b.slug, b.name]) expect(text).not.toContain(secret);
  const usageA = await (await (await apiClient(baseURL!, a.key)).get("/api/v1/usage")).json();
  const usageB = await (await (await apiClient(baseURL!, b.key)).get("/api/v1/usage")).json();
  expect([usageA.apiCalls.used, usageB.apiCalls.used]).toEqual([2, 1]);
});

test("a revoked key stops at once on the instance that revoked it and within 5 s on another", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "v1-revoke");
  const main = await apiClient(MAIN_INSTANCE, ws.key);
  const second = await apiClient(SECOND_INSTANCE, ws.key);
  expect((await main.get("/api/v1/workspace")).status()).toBe(200);
  expect((await second.get("/api/v1/workspace")).status()).toBe(200); // cached there now

  const revokedAt = Date.now();
  expect((await ws.owner.api.delete(`/api/workspaces/${ws.slug}/keys/${ws.keyId}`)).status()).toBe(200);
  expect((await main.get("/api/v1/workspace")).status()).toBe(401);
  let status = 200;
  while (status === 200 && Date.now() - revokedAt < 7_000) {
    status = (await second.get("/api/v1/workspace")).status();
    if (status === 200) await new Promise((r) => setTimeout(r, 200));
  }
  expect(status).toBe(401);
  expect(Date.now() - revokedAt).toBeLessThanOrEqual(5_500);
});

/** N concurrent calls spread over the given instances; returns the statuses and the 429s' Retry-After. */
async function burst(instances: string[], key: string, n: number) {
  const clients = await Promise.all(instances.map((url) => apiClient(url, key)));
  const responses = await Promise.all(Array.from({ length: n }, (_, i) => clients[i % clients.length]!.get("/api/v1/workspace")));
  return {
    ok: responses.filter((r) => r.status() === 200).length,
    limited: responses.filter((r) => r.status() === 429),
    other: responses.filter((r) => ![200, 429].includes(r.status())).map((r) => r.status()),
  };
}

test("tier rate limits admit exactly min(N, L), on Redis shared by two instances and in memory, and admit again in a new window", async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const cases = [
    ...(SHARED_REDIS ? [{ label: "Redis, two instances", instances: [MAIN_INSTANCE, SECOND_INSTANCE] }] : []),
    { label: "memory, one instance", instances: [MEMORY_INSTANCE] },
  ];
  const workspaces = await Promise.all(cases.map((c, i) => createKeyedWorkspace(baseURL!, `v1-burst-${i}`)));
  // Free allows 60 calls a minute. The burst must land within one minute-long window: start it early in
  // one (between 5 and 25 s in), leaving the machine plenty of time to answer all requests.
  const intoWindow = Date.now() % 60_000;
  if (intoWindow < 5_000 || intoWindow >= 25_000) await new Promise((r) => setTimeout(r, (65_000 - intoWindow) % 60_000));

  const results = await Promise.all(cases.map((c, i) => burst(c.instances, workspaces[i]!.key, 100)));
  for (const [i, result] of results.entries()) {
    expect(result.other, cases[i]!.label).toEqual([]);
    expect(result.ok, cases[i]!.label).toBe(60);
    expect(result.limited, cases[i]!.label).toHaveLength(40);
    const limited = result.limited[0]!;
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect(limited.headers()["ratelimit-remaining"]).toBe("0");
    expect((await limited.json()).code).toBe("rate_limited");
  }
  // Only the admitted calls were counted.
  for (const ws of workspaces) {
    expect((await ws.owner.api.get(`/api/workspaces/${ws.slug}/usage`).then((r) => r.json())).apiCalls.used).toBe(60);
  }

  const reset = Number(results[0]!.limited[0]!.headers()["ratelimit-reset"]);
  await new Promise((r) => setTimeout(r, (reset + 1.5) * 1000));
  for (const [i, c] of cases.entries()) {
    const again = await (await apiClient(c.instances[0]!, workspaces[i]!.key)).get("/api/v1/workspace");
    expect(again.status(), c.label).toBe(200);
  }
});
