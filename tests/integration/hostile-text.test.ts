// Text PostgreSQL cannot store (a NUL character), text that is not Unicode (a lone surrogate) and URLs that
// cannot be percent-decoded are refused at the edge with a 400 problem+json, before any handler touches
// the database, and nothing is written. The route handlers are called directly, as Next calls them; the
// proxy (which runs before Next decodes a path's params) is called with a NextRequest.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/get-session-user";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/get-session-user", () => ({ getSessionUser: async () => session.user }));

const { createApiKey } = await import("@/lib/api-keys/manage-keys");
const { proxy } = await import("@/proxy");
const v1Runs = await import("@/app/api/v1/runs/route");
const v1Run = await import("@/app/api/v1/runs/[id]/route");
const v1RunEvents = await import("@/app/api/v1/runs/[id]/events/route");
const v1RunCancel = await import("@/app/api/v1/runs/[id]/cancel/route");
const workspaces = await import("@/app/api/workspaces/route");
const workspace = await import("@/app/api/workspaces/[slug]/route");
const keys = await import("@/app/api/workspaces/[slug]/keys/route");
const signup = await import("@/app/api/auth/signup/route");
const { listRunsForPage } = await import("@/lib/runs/read-runs");
const { createRun } = await import("@/lib/runs/create-run");
const { ownerDb } = await import("../support/owner-db");
const { uniqueEmail, TEST_PASSWORD } = await import("../support/ids");
const { createTeam } = await import("../support/workspace-fixture");

const NUL = "\u0000";
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const none = params({} as Record<string, never>);

async function expectBadRequest(response: Response, detail: RegExp = /./) {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ status: 400, code: "invalid_request" });
  expect(body.detail).toMatch(detail);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body;
}

async function keyedTeam() {
  const team = await createTeam();
  const { key } = await createApiKey(team.as("owner"), { name: "hostile" });
  const headers = { authorization: `Bearer ${key}` };
  const runs = () => ownerDb().run.count({ where: { workspaceId: team.workspaceId } });
  const postRun = (body: string) =>
    v1Runs.POST(
      new Request("http://test/api/v1/runs", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body }),
      none,
    );
  return { team, headers, runs, postRun };
}

async function signIn(team: Awaited<ReturnType<typeof createTeam>>) {
  session.user = { id: team.users.owner.id, email: team.users.owner.email, name: "Owner" };
}

describe("hostile text in the public API", () => {
  it("refuses a NUL in a run id of the path: the run, its events and its cancel", async () => {
    const { headers } = await keyedTeam();
    const url = "http://test/api/v1/runs/%00";
    await expectBadRequest(await v1Run.GET(new Request(url, { headers }), params({ id: NUL })), /NUL/);
    await expectBadRequest(await v1RunEvents.GET(new Request(`${url}/events`, { headers }), params({ id: NUL })));
    await expectBadRequest(await v1RunCancel.POST(new Request(`${url}/cancel`, { method: "POST", headers }), params({ id: NUL })));
  });

  it("refuses a NUL in the query, before authentication touches the database", async () => {
    const { headers } = await keyedTeam();
    await expectBadRequest(await v1Runs.GET(new Request("http://test/api/v1/runs?cursor=%00", { headers }), none), /query/);
    await expectBadRequest(await v1Runs.GET(new Request("http://test/api/v1/runs?cursor=%00"), none), /query/);
    await expectBadRequest(await v1Runs.GET(new Request("http://test/api/v1/runs?x%00=1", { headers }), none));
  });

  it("refuses a path or query that cannot be percent-decoded", async () => {
    const { headers } = await keyedTeam();
    await expectBadRequest(
      await v1Run.GET(new Request("http://test/api/v1/runs/%E0%A4%A", { headers }), params({ id: "%E0%A4%A" })),
      /percent/,
    );
    await expectBadRequest(await v1Runs.GET(new Request("http://test/api/v1/runs?cursor=%E0%A4%A", { headers }), none), /percent/);
  });

  it("refuses a NUL in a run's input, its idempotency key or an input key, and starts no run", async () => {
    const { postRun, runs } = await keyedTeam();
    const body = await expectBadRequest(await postRun(JSON.stringify({ agent: "support-triage", input: { ticket: `down${NUL}` } })), /NUL/);
    expect(body.errors).toEqual([{ path: "input.ticket", message: expect.stringMatching(/NUL/) }]);
    await expectBadRequest(
      await postRun(JSON.stringify({ agent: "support-triage", input: { ticket: "down" }, idempotencyKey: `k${NUL}` })),
    );
    await expectBadRequest(await postRun(JSON.stringify({ agent: "support-triage", input: { ticket: "down", [`x${NUL}`]: 1 } })));
    expect(await runs()).toBe(0);
  });

  it("refuses a lone surrogate in a JSON string, and starts no run", async () => {
    const { postRun, runs } = await keyedTeam();
    const body = await expectBadRequest(await postRun('{"agent":"support-triage","input":{"ticket":"down \\ud800"}}'), /surrogate/);
    expect(body.errors).toEqual([{ path: "input.ticket", message: expect.stringMatching(/surrogate/) }]);
    await expectBadRequest(await postRun('{"agent":"support-triage","input":{"ticket":"down"},"idempotencyKey":"\\udc00k"}'));
    expect(await runs()).toBe(0);
  });

  it("still accepts well-formed text, astral characters included", async () => {
    const { postRun, runs } = await keyedTeam();
    expect((await postRun(JSON.stringify({ agent: "support-triage", input: { ticket: "down 🔥 \\u0000 is fine as text" } }))).status).toBe(
      202,
    );
    expect(await runs()).toBe(1);
  });
});

describe("hostile text in the dashboard's endpoints", () => {
  it("refuses a NUL in a workspace slug of the path", async () => {
    const team = await createTeam();
    await signIn(team);
    await expectBadRequest(await workspace.GET(new Request("http://test/api/workspaces/%00"), params({ slug: NUL })));
  });

  it("refuses a NUL in a workspace name and creates no workspace", async () => {
    const team = await createTeam();
    await signIn(team);
    const before = await ownerDb().membership.count({ where: { userId: team.users.owner.id } });
    const response = await workspaces.POST(
      new Request("http://test/api/workspaces", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `Acme${NUL}` }),
      }),
      none,
    );
    await expectBadRequest(response);
    expect(await ownerDb().membership.count({ where: { userId: team.users.owner.id } })).toBe(before);
  });

  it("refuses a NUL in an API key's name and creates no key", async () => {
    const team = await createTeam();
    await signIn(team);
    const response = await keys.POST(
      new Request(`http://test/api/workspaces/${team.slug}/keys`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `ci${NUL}` }),
      }),
      params({ slug: team.slug }),
    );
    await expectBadRequest(response);
    expect(await ownerDb().apiKey.count({ where: { workspaceId: team.workspaceId } })).toBe(0);
  });

  it("refuses a NUL in a user's name at sign-up and creates no account", async () => {
    const email = uniqueEmail("nul");
    const response = await signup.POST(
      new Request("http://test/api/auth/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: TEST_PASSWORD, name: `Eve${NUL}` }),
      }),
      none,
    );
    await expectBadRequest(response);
    expect(await ownerDb().user.count({ where: { email } })).toBe(0);
  });
});

describe("the proxy, before Next decodes a path's params", () => {
  it("answers a path that cannot be percent-decoded with a 400 problem+json, not Next's plain-text 500", async () => {
    const body = await expectBadRequest(await proxy(new NextRequest("http://test/api/v1/runs/%E0%A4%A")), /percent/);
    expect(body.requestId).toEqual(expect.any(String));
    await expectBadRequest(await proxy(new NextRequest("http://test/w/acme/runs/%E0%A4%A")));
  });

  it("answers a NUL or an undecodable query anywhere, pages included", async () => {
    await expectBadRequest(await proxy(new NextRequest("http://test/api/workspaces/%00")), /NUL/);
    await expectBadRequest(await proxy(new NextRequest("http://test/w/acme/runs?cursor=%00")), /NUL/);
    await expectBadRequest(await proxy(new NextRequest("http://test/api/v1/runs?cursor=%E0%A4%A")), /percent/);
  });

  it("lets ordinary paths through", async () => {
    const response = await proxy(new NextRequest("http://test/api/v1/runs/run_123?cursor=r%C3%A9sum%C3%A9&x=a+b"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("the dashboard's runs page", () => {
  it("shows the newest runs for a cursor that is not one of this list's, instead of failing", async () => {
    const team = await createTeam();
    const creator = { ctx: team.as("member"), workspace: { id: team.workspaceId, tier: "pro" as const, status: "active" as const } };
    const { run } = await createRun(creator.ctx, creator.workspace, { agent: "support-triage", input: { ticket: "Login fails" } });
    const page = await listRunsForPage(creator.ctx, { limit: 20, cursor: "doesnotexist" });
    expect(page.cursorIgnored).toBe(true);
    expect(page.data.map((r) => r.id)).toEqual([run.id]);
    const first = await listRunsForPage(creator.ctx, { limit: 20 });
    expect(first).toMatchObject({ cursorIgnored: false, nextCursor: null });
  });
});
