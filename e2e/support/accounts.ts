// Accounts for API-level tests: sign up and log in through the real endpoints, in a request context
// that then carries the session cookie like a browser would.
import { expect, request, type APIRequestContext } from "@playwright/test";
import { TEST_PASSWORD, uniqueEmail } from "../../tests/support/ids";

export interface ApiUser {
  id: string;
  email: string;
  api: APIRequestContext;
}

export async function logIn(api: APIRequestContext, email: string, password = TEST_PASSWORD): Promise<void> {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.status(), `log in ${email}`).toBe(200);
  const session = await (await api.get("/api/auth/session")).json();
  expect(session.user?.email, `session for ${email}`).toBe(email);
}

export async function signUpAndLogIn(baseURL: string, label: string): Promise<ApiUser> {
  const api = await request.newContext({ baseURL });
  const email = uniqueEmail(label);
  const created = await api.post("/api/auth/signup", { data: { email, password: TEST_PASSWORD, name: `E2E ${label}` } });
  expect(created.status(), `sign up ${email}`).toBe(201);
  await logIn(api, email);
  return { id: (await created.json()).id, email, api };
}
