// Every v1 operation of the served OpenAPI document, called with hostile path parameters (a NUL byte,
// 10,000 characters, broken percent-encoding, traversal, a bidi override): each answers a clear 4xx
// problem, never a 500, and changes nothing.
import { expect, test } from "@playwright/test";
import { apiClient, createKeyedWorkspace } from "./support/keys";

const HOSTILE = ["%00", "x".repeat(10_000), "%E0%A4%A", "..%2F..%2Fworkspace", "%E2%80%AE", "%20", "null", "'%20OR%201=1--"];

test("hostile path parameters on every v1 route answer 4xx, never 500", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const ws = await createKeyedWorkspace(baseURL!, "hostile-paths", "pro");
  const api = await apiClient(baseURL!, ws.key);
  const document = await (await api.get("/api/v1/openapi.json")).json();
  const templated = Object.entries(document.paths as Record<string, Record<string, unknown>>).filter(([path]) => path.includes("{"));
  expect(templated.length).toBeGreaterThan(5);
  for (const [path, item] of templated) {
    for (const method of Object.keys(item).filter((m) => ["get", "post", "patch", "delete", "put"].includes(m))) {
      for (const value of HOSTILE) {
        const url = path.replace(/\{\w+\}/g, value);
        const response = await api.fetch(url, { method, ...(method === "patch" || method === "post" ? { data: {} } : {}) });
        expect(response.status(), `${method.toUpperCase()} ${url.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
        expect(response.status(), `${method.toUpperCase()} ${url.slice(0, 60)}`).toBeLessThan(500);
        if (response.headers()["content-type"]?.includes("json")) expect((await response.json()).code).toBeTruthy();
      }
    }
  }
  // Nothing was created or changed.
  expect((await (await api.get("/api/v1/runs")).json()).data).toEqual([]);
  expect((await (await api.get("/api/v1/agents")).json()).data.filter((a: { builtIn: boolean }) => !a.builtIn)).toEqual([]);
});
