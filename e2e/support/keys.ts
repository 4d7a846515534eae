// API keys for v1 tests, created through the dashboard's endpoint as a user would.
import { expect, request, type APIRequestContext } from "@playwright/test";
import { setTier } from "../../tests/support/owner-db";
import { signUpAndLogIn, type ApiUser } from "./accounts";
import { withContractChecks } from "./contract";

export interface KeyedWorkspace {
  owner: ApiUser;
  id: string;
  slug: string;
  name: string;
  key: string;
  keyId: string;
}

export async function createKey(owner: ApiUser, slug: string, body: Record<string, unknown> = {}) {
  const response = await owner.api.post(`/api/workspaces/${slug}/keys`, { data: { name: "test key", ...body } });
  expect(response.status(), "create key").toBe(201);
  return (await response.json()) as { id: string; key: string };
}

export async function createKeyedWorkspace(baseURL: string, label: string, tier?: "starter" | "pro"): Promise<KeyedWorkspace> {
  const owner = await signUpAndLogIn(baseURL, label);
  const created = await owner.api.post("/api/workspaces", { data: { name: `Keyed ${label} ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const { id, slug, name } = await created.json();
  if (tier) await setTier(slug, tier);
  const { id: keyId, key } = await createKey(owner, slug);
  return { owner, id, slug, name, key, keyId };
}

/**
 * A request context for a program calling the API with a key, against any instance. Every /api/v1 answer
 * it receives is checked against the instance's OpenAPI document (support/contract.ts).
 */
export async function apiClient(baseURL: string, key?: string): Promise<APIRequestContext> {
  return withContractChecks(await request.newContext({ baseURL, extraHTTPHeaders: key ? { authorization: `Bearer ${key}` } : {} }));
}
