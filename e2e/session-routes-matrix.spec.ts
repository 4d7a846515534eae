// Tenant isolation and roles across every session route: each route × each role of workspace A, plus an
// outsider (owner of workspace B) and an anonymous caller. The outsider always gets 404, exactly like a
// missing workspace; each role gets what the permission table grants; no body mentions the other tenant.
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { uniqueEmail } from "../tests/support/ids";
import { signUpAndLogIn, type ApiUser } from "./support/accounts";
import { createTeam, invite, ROLES, type Role, type Team } from "./support/team";

interface World {
  a: Team;
  b: Team;
  /** A member of A that mutating routes can act on without changing the callers' roles. */
  target: ApiUser;
}

interface RouteCase {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** Status each role of the workspace gets. */
  expect: Record<Role, number>;
}

const ALL_OK = (status: number) => ({ owner: status, admin: status, member: status, viewer: status });
const MANAGERS = (status: number) => ({ owner: status, admin: status, member: 403, viewer: 403 });
const OWNERS = (status: number) => ({ owner: status, admin: 403, member: 403, viewer: 403 });
const EDITORS = (status: number) => ({ owner: status, admin: status, member: status, viewer: 403 });

const ROUTES: RouteCase[] = [
  { name: "read workspace", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}`, expect: ALL_OK(200) },
  {
    name: "rename workspace",
    method: "PATCH",
    path: (w) => `/api/workspaces/${w.a.slug}`,
    body: (w) => ({ name: w.a.name }),
    expect: MANAGERS(200),
  },
  {
    name: "delete workspace (wrong confirmation)",
    method: "DELETE",
    path: (w) => `/api/workspaces/${w.a.slug}`,
    body: () => ({ confirm: "not-the-slug" }),
    expect: { owner: 400, admin: 403, member: 403, viewer: 403 },
  },
  { name: "list members", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/members`, expect: ALL_OK(200) },
  {
    name: "change a member's role",
    method: "PATCH",
    path: (w) => `/api/workspaces/${w.a.slug}/members/${w.target.id}`,
    body: () => ({ role: "viewer" }),
    expect: MANAGERS(200),
  },
  {
    name: "remove a member who does not exist",
    method: "DELETE",
    path: (w) => `/api/workspaces/${w.a.slug}/members/nobody-${w.b.id}`,
    expect: MANAGERS(404),
  },
  { name: "list invitations", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/invitations`, expect: ALL_OK(200) },
  {
    name: "invite",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/invitations`,
    body: () => ({ email: uniqueEmail("matrix"), role: "viewer" }),
    expect: MANAGERS(201),
  },
  {
    name: "revoke a missing invitation",
    method: "DELETE",
    path: (w) => `/api/workspaces/${w.a.slug}/invitations/missing`,
    expect: MANAGERS(404),
  },
  { name: "read audit log", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/audit-log`, expect: MANAGERS(200) },
  { name: "list API keys", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/keys`, expect: ALL_OK(200) },
  {
    name: "create an API key",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/keys`,
    body: () => ({ name: "matrix key" }),
    expect: { owner: 201, admin: 201, member: 201, viewer: 403 },
  },
  {
    name: "revoke a missing API key",
    method: "DELETE",
    path: (w) => `/api/workspaces/${w.a.slug}/keys/missing`,
    expect: { owner: 404, admin: 404, member: 404, viewer: 403 },
  },
  {
    name: "start a checkout",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/billing/checkout`,
    body: () => ({ tier: "pro" }),
    expect: { owner: 200, admin: 403, member: 403, viewer: 403 },
  },
  // After the owner's checkout above, the workspace has a Stripe customer and the portal opens.
  {
    name: "open the billing portal",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/billing/portal`,
    expect: { owner: 200, admin: 403, member: 403, viewer: 403 },
  },
  { name: "read usage", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/usage`, expect: ALL_OK(200) },
  {
    name: "set a spend limit",
    method: "PUT",
    path: (w) => `/api/workspaces/${w.a.slug}/spend-limit`,
    body: () => ({ limitUsd: 5 }),
    expect: OWNERS(200),
  },
  {
    name: "store the workspace's own provider key",
    method: "PUT",
    path: (w) => `/api/workspaces/${w.a.slug}/provider-key`,
    body: () => ({ apiKey: "sk-ant-matrix-only-0000000000000000" }),
    expect: OWNERS(200),
  },
  {
    name: "read the provider key's last four",
    method: "GET",
    path: (w) => `/api/workspaces/${w.a.slug}/provider-key`,
    expect: OWNERS(200),
  },
  { name: "remove the provider key", method: "DELETE", path: (w) => `/api/workspaces/${w.a.slug}/provider-key`, expect: OWNERS(204) },
  { name: "list agents", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/agents`, expect: ALL_OK(200) },
  {
    name: "create an agent",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/agents`,
    body: () => ({ name: `Matrix agent ${Math.random().toString(36).slice(2)}`, instructions: "Answer briefly." }),
    expect: EDITORS(201),
  },
  { name: "read a missing agent", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/agents/no-such-agent`, expect: ALL_OK(404) },
  {
    name: "list a missing agent's versions",
    method: "GET",
    path: (w) => `/api/workspaces/${w.a.slug}/agents/no-such-agent/versions`,
    expect: ALL_OK(404),
  },
  {
    name: "change a missing agent",
    method: "PATCH",
    path: (w) => `/api/workspaces/${w.a.slug}/agents/no-such-agent`,
    body: () => ({ instructions: "x" }),
    expect: EDITORS(404),
  },
  {
    name: "archive a missing agent",
    method: "DELETE",
    path: (w) => `/api/workspaces/${w.a.slug}/agents/no-such-agent`,
    expect: EDITORS(404),
  },
  { name: "list model connections", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/model-connections`, expect: ALL_OK(200) },
  {
    name: "add a model connection to the metadata service",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/model-connections`,
    body: () => ({
      name: "meta",
      baseUrl: "http://169.254.169.254/v1",
      models: [{ name: "m", inputUsdPerMillion: 0, outputUsdPerMillion: 0 }],
    }),
    expect: OWNERS(400),
  },
  {
    name: "remove a missing model connection",
    method: "DELETE",
    path: (w) => `/api/workspaces/${w.a.slug}/model-connections/missing`,
    expect: OWNERS(404),
  },
  { name: "list the secrets for tools", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/secrets`, expect: ALL_OK(200) },
  {
    name: "set a secret for tools",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/secrets`,
    body: () => ({ name: "matrix_token", value: "tok-0000" }),
    expect: OWNERS(201),
  },
  { name: "remove a missing secret", method: "DELETE", path: (w) => `/api/workspaces/${w.a.slug}/secrets/missing`, expect: OWNERS(404) },
  {
    name: "reveal the tool signing secret",
    method: "GET",
    path: (w) => `/api/workspaces/${w.a.slug}/tool-signing-secret`,
    expect: OWNERS(200),
  },
  { name: "list webhook endpoints", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/webhooks`, expect: MANAGERS(200) },
  {
    name: "add a webhook endpoint at the metadata service",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/webhooks`,
    body: () => ({ url: "http://169.254.169.254/latest", events: ["run.failed"] }),
    expect: MANAGERS(400),
  },
  {
    name: "delete a missing webhook endpoint",
    method: "DELETE",
    path: (w) => `/api/workspaces/${w.a.slug}/webhooks/missing`,
    expect: MANAGERS(404),
  },
  {
    name: "list a missing endpoint's deliveries",
    method: "GET",
    path: (w) => `/api/workspaces/${w.a.slug}/webhooks/missing/deliveries`,
    expect: MANAGERS(404),
  },
  {
    name: "send a test event to a missing endpoint",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/webhooks/missing/test`,
    expect: MANAGERS(404),
  },
  {
    name: "rotate a missing endpoint's secret",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/webhooks/missing/rotate-secret`,
    expect: MANAGERS(404),
  },
  {
    name: "enable a missing endpoint",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/webhooks/missing/enable`,
    expect: MANAGERS(404),
  },
  {
    name: "resend a missing delivery",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/webhooks/deliveries/missing/resend`,
    expect: MANAGERS(404),
  },
  { name: "list runs", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/runs`, expect: ALL_OK(200) },
  {
    name: "start a run with an unknown agent",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/runs`,
    body: () => ({ agent: "no-such-agent", input: {} }),
    expect: { owner: 400, admin: 400, member: 400, viewer: 403 },
  },
  { name: "read a missing run", method: "GET", path: (w) => `/api/workspaces/${w.a.slug}/runs/missing`, expect: ALL_OK(404) },
  {
    name: "cancel a missing run",
    method: "POST",
    path: (w) => `/api/workspaces/${w.a.slug}/runs/missing/cancel`,
    expect: { owner: 404, admin: 404, member: 404, viewer: 403 },
  },
];

test.describe.configure({ mode: "serial" });

let world: World;
let anonymous: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  const [a, b] = [await createTeam(baseURL!, "matrix-a"), await createTeam(baseURL!, "matrix-b")];
  const target = await signUpAndLogIn(baseURL!, "matrix-target");
  await invite(a.users.owner, a.slug, target, "viewer");
  world = { a, b, target };
  anonymous = await request.newContext({ baseURL });
});

function call(api: APIRequestContext, route: RouteCase) {
  const body = route.body?.(world);
  return api.fetch(route.path(world), { method: route.method, ...(body !== undefined && { data: body }) });
}

/** Neither the id, the slug nor the name of `other` may appear in a response of `own`'s routes. */
function expectNoMentionOf(text: string, other: Team) {
  for (const secret of [other.id, other.slug, other.name]) expect(text).not.toContain(secret);
}

for (const route of ROUTES) {
  test.describe(`${route.method} ${route.name}`, () => {
    for (const role of ROLES) {
      test(`${role} of the workspace gets ${route.expect[role]}`, async () => {
        const response = await call(world.a.users[role].api, route);
        expect(response.status()).toBe(route.expect[role]);
        expectNoMentionOf(await response.text(), world.b);
      });
    }

    test("an outsider (owner of another workspace) gets 404, as for a missing workspace", async () => {
      const response = await call(world.b.users.owner.api, route);
      expect(response.status()).toBe(404);
      const body = await response.json();
      expect(body.code).toBe("not_found");
      expectNoMentionOf(JSON.stringify(body), world.a);

      const missing = await world.b.users.owner.api.fetch(route.path(world).replace(world.a.slug, "no-such-workspace-x"), {
        method: route.method,
        ...(route.body && { data: route.body(world) }),
      });
      expect(missing.status()).toBe(404);
      expect(Object.keys(await missing.json()).sort()).toEqual(Object.keys(body).sort());
    });

    test("an anonymous caller gets 401", async () => {
      const response = await call(anonymous, route);
      expect(response.status()).toBe(401);
    });
  });
}

test("the workspace list shows each user only their own workspaces", async () => {
  for (const role of ROLES) {
    const response = await world.a.users[role].api.get("/api/workspaces");
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    expect(data.map((w: { slug: string; role: string }) => [w.slug, w.role])).toEqual([[world.a.slug, role]]);
    expectNoMentionOf(JSON.stringify(data), world.b);
  }
});

test("nothing an outsider sent changed workspace A", async () => {
  const response = await world.a.users.owner.api.get(`/api/workspaces/${world.a.slug}/members`);
  const { data } = await response.json();
  expect(data.map((m: { role: string }) => m.role).sort()).toEqual(["admin", "member", "owner", "viewer", "viewer"]);
  const workspace = await (await world.a.users.owner.api.get(`/api/workspaces/${world.a.slug}`)).json();
  expect(workspace.name).toBe(world.a.name);
});
