// A workspace with one user in each role, built through the public endpoints (invite + accept).
import { expect } from "@playwright/test";
import { uniqueSlug } from "../../tests/support/ids";
import { setTier } from "../../tests/support/owner-db";
import { signUpAndLogIn, type ApiUser } from "./accounts";

export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface Team {
  id: string;
  slug: string;
  name: string;
  users: Record<Role, ApiUser>;
}

export async function invite(owner: ApiUser, slug: string, user: ApiUser, role: Role): Promise<void> {
  const invited = await owner.api.post(`/api/workspaces/${slug}/invitations`, { data: { email: user.email, role } });
  expect(invited.status(), `invite ${role}`).toBe(201);
  const { acceptUrl } = await invited.json();
  const token = new URL(acceptUrl).pathname.split("/").pop();
  const accepted = await user.api.post("/api/invitations/accept", { data: { token } });
  expect(accepted.status(), `accept as ${role}`).toBe(200);
}

export async function createTeam(baseURL: string, label: string): Promise<Team> {
  const owner = await signUpAndLogIn(baseURL, `${label}-owner`);
  const name = `Team ${uniqueSlug(label)}`;
  const created = await owner.api.post("/api/workspaces", { data: { name } });
  expect(created.status()).toBe(201);
  const { id, slug } = await created.json();
  await setTier(slug, "pro");
  const users = { owner } as Record<Role, ApiUser>;
  for (const role of ["admin", "member", "viewer"] as const) {
    users[role] = await signUpAndLogIn(baseURL, `${label}-${role}`);
    await invite(owner, slug, users[role], role);
  }
  return { id, slug, name, users };
}
