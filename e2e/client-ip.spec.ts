// Per-IP limits as an attacker meets them: a rotated X-Forwarded-For does not make one client many. Two
// instances of the build on the suite's database with a low sign-up limit: one with no trusted proxy (the
// socket's address is the client), one told it sits behind one proxy (the address that proxy appended is).
import { expect, test } from "@playwright/test";
import { startAppInstance, type AppProcess } from "../tests/support/app-process";
import { TEST_PASSWORD, uniqueEmail } from "../tests/support/ids";

const LIMIT = 5;
test.describe.configure({ mode: "serial" });

let direct: AppProcess;
let behindProxy: AppProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const common = {
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    NEXTAUTH_SECRET: "client-ip-only-secret",
    AUTH_IP_LIMIT_PER_MINUTE: String(LIMIT),
    RUN_WORKERS: "0",
    LOG_LEVEL: "warn",
  };
  [direct, behindProxy] = await Promise.all([
    startAppInstance(3120, { ...common, NEXTAUTH_URL: "http://127.0.0.1:3120" }),
    startAppInstance(3121, { ...common, NEXTAUTH_URL: "http://127.0.0.1:3121", TRUSTED_PROXIES: "1" }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([direct?.stop("SIGKILL"), behindProxy?.stop("SIGKILL")]);
});

const signUp = (app: AppProcess, forwardedFor: string) =>
  fetch(`${app.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email: uniqueEmail("client-ip"), password: TEST_PASSWORD, name: "Rotating Client" }),
  }).then((r) => r.status);

test("with no trusted proxy, 12 sign-ups with a rotated X-Forwarded-For count as one client", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push(await signUp(direct, `198.51.100.${i}`));
  expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(201));
  expect(statuses.slice(LIMIT)).toEqual(Array(12 - LIMIT).fill(429));
});

test("behind one trusted proxy, the address it appended is the client, and a spoofed entry before it changes nothing", async () => {
  // Distinct clients, as the proxy reports them: none reaches the limit.
  for (let i = 0; i < LIMIT + 2; i++) expect(await signUp(behindProxy, `203.0.113.${i}`)).toBe(201);
  // One client rotating a forged entry to the left of what the proxy appended is still one client.
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 2; i++) statuses.push(await signUp(behindProxy, `10.9.9.${i}, 192.0.2.77`));
  expect(statuses.filter((s) => s === 201)).toHaveLength(LIMIT);
  expect(statuses.slice(LIMIT)).toEqual([429, 429]);
});
