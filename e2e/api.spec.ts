// The HTTP contract of the foundation routes, called as a customer's program would.
import { expect, test, type APIResponse } from "@playwright/test";
import { TEST_PASSWORD, uniqueEmail } from "../tests/support/ids";
import { apiClient, createKeyedWorkspace } from "./support/keys";

async function expectProblem(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ type: `https://agenthq.dev/errors/${code}`, status, code });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+/);
  return body;
}

test.describe("operations", () => {
  test("health and readiness answer", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: "ok" } });
  });

  test("every response carries a request id: a sane one is echoed, anything else replaced", async ({ request }) => {
    const echoed = await request.get("/api/health", { headers: { "x-request-id": "client-id-123" } });
    expect(echoed.headers()["x-request-id"]).toBe("client-id-123");

    const hostile = await request.get("/api/health", { headers: { "x-request-id": "<script>" + "x".repeat(300) } });
    expect(hostile.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    for (const path of ["/", "/pricing", "/login", "/api/ready", "/does-not-exist"]) {
      const response = await request.get(path);
      expect(response.headers()["x-request-id"], path).toBeTruthy();
    }
    const failed = await request.post("/api/auth/signup", { data: {} });
    const body = await failed.json();
    expect(failed.headers()["x-request-id"]).toBe(body.requestId);
  });

  test("pages carry security headers and no X-Powered-By", async ({ request }) => {
    const response = await request.get("/");
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
});

test.describe("POST /api/auth/signup", () => {
  test("creates an account once; the same email again is a conflict", async ({ request }) => {
    const email = uniqueEmail("api");
    const created = await request.post("/api/auth/signup", { data: { email: email.toUpperCase(), password: TEST_PASSWORD, name: "Api" } });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body).toEqual({ id: expect.any(String), email });

    await expectProblem(
      await request.post("/api/auth/signup", { data: { email, password: TEST_PASSWORD, name: "Again" } }),
      409,
      "conflict",
    );
  });

  test("rejects weak passwords and bad fields, listing each", async ({ request }) => {
    const body = await expectProblem(
      await request.post("/api/auth/signup", { data: { email: "nope", password: "password", name: "", role: "owner" } }),
      400,
      "invalid_request",
    );
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "name", "(body)"]));
  });

  test("answers malformed, oversized and mistyped bodies with a clear 4xx", async ({ request }) => {
    const url = "/api/auth/signup";
    await expectProblem(
      await request.post(url, { headers: { "content-type": "application/json" }, data: "{not json" }),
      400,
      "invalid_request",
    );
    await expectProblem(await request.post(url, { headers: { "content-type": "application/json" }, data: "[]" }), 400, "invalid_request");
    await expectProblem(
      await request.post(url, { headers: { "content-type": "text/plain" }, data: "hello" }),
      415,
      "unsupported_media_type",
    );
    const huge = JSON.stringify({ email: uniqueEmail(), password: TEST_PASSWORD, name: "x".repeat(1024 * 1024) });
    await expectProblem(await request.post(url, { headers: { "content-type": "application/json" }, data: huge }), 413, "payload_too_large");
    const wrongMethod = await request.delete(url);
    expect(wrongMethod.status()).toBe(405);
  });

  test("refuses oversized bodies before next-auth or the Stripe webhook reads them", async ({ request, baseURL }) => {
    const huge = "x".repeat(1024 * 1024 + 1);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    await expectProblem(await request.post("/api/auth/callback/credentials", { headers: form, data: huge }), 413, "payload_too_large");
    await expectProblem(
      await request.post("/api/webhooks/stripe", {
        headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=x" },
        data: huge,
      }),
      413,
      "payload_too_large",
    );

    // Chunked, with no Content-Length to refuse it by: counted while read.
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`email=a%40b.test&password=${"x".repeat(64 * 1024)}`));
        controller.close();
      },
    });
    const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
      method: "POST",
      headers: form,
      body: chunked,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large" });
  });
});

test.describe("/api/workspaces", () => {
  test("requires a session", async ({ request }) => {
    await expectProblem(await request.get("/api/workspaces"), 401, "unauthorized");
    await expectProblem(await request.post("/api/workspaces", { data: { name: "x" } }), 401, "unauthorized");
  });
});

test.describe("hostile text", () => {
  test("a NUL, a lone surrogate or a broken percent-encoding is a 400 problem+json before any lookup, and starts no run", async ({
    baseURL,
  }) => {
    const { owner, slug, key } = await createKeyedWorkspace(baseURL!, "hostile");
    const api = await apiClient(baseURL!, key);
    const bad = (response: APIResponse) => expectProblem(response, 400, "invalid_request");

    await bad(await owner.api.get("/api/workspaces/%00"));
    await bad(await api.get("/api/v1/runs/%00"));
    await bad(await api.get("/api/v1/runs/%00/events"));
    await bad(await api.post("/api/v1/runs/%00/cancel"));
    await bad(await api.get("/api/v1/runs?cursor=%00"));
    // Next would answer these with a plain-text 500 while decoding the route's params; the proxy answers first.
    await bad(await api.get("/api/v1/runs/%E0%A4%A"));
    await bad(await api.get("/api/v1/runs/%E0%A4%A/events"));
    // Refused before the key is even looked up: the same 400 without one.
    await bad(await (await apiClient(baseURL!)).get("/api/v1/runs/%00"));

    await bad(await api.post("/api/v1/runs", { data: { agent: "support-triage", input: { ticket: "down\u0000" } } }));
    await bad(await api.post("/api/v1/runs", { data: { agent: "support-triage", input: { ticket: "down" }, idempotencyKey: "k\u0000" } }));
    await bad(
      await api.post("/api/v1/runs", {
        headers: { "content-type": "application/json" },
        data: '{"agent":"support-triage","input":{"ticket":"down \\ud800"}}',
      }),
    );
    await bad(await owner.api.post("/api/workspaces", { data: { name: "Acme\u0000" } }));
    await bad(await owner.api.post(`/api/workspaces/${slug}/keys`, { data: { name: "ci\u0000" } }));

    const runs = await api.get("/api/v1/runs");
    expect(runs.status()).toBe(200);
    expect((await runs.json()).data).toEqual([]);

    // The dashboard's runs page with a cursor that is not one shows the newest runs, not an error page.
    const page = await owner.api.get(`/w/${slug}/runs?cursor=doesnotexist`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("That page of runs is no longer available");
  });
});
