// API keys on the real database: hash-only storage, who manages which keys, and authentication rules.
import { describe, expect, it } from "vitest";
import { authenticateApiKey, keyCache } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/manage-keys";
import { changeMemberRole, removeMember } from "@/lib/members/change-members";
import { ownerDb } from "../support/owner-db";
import { createTeam } from "../support/workspace-fixture";

const bearer = (key: string) => `Bearer ${key}`;

describe("API keys", () => {
  it("stores only the hash, prefix and last 4: the secret is in no row", async () => {
    const team = await createTeam();
    const { key, id } = await createApiKey(team.as("member"), { name: "ci" });
    const secret = key.slice("ahq_live_".length);
    const rows = [
      ...(await ownerDb().apiKey.findMany({ where: { id } })),
      ...(await ownerDb().auditLog.findMany({ where: { workspaceId: team.workspaceId } })),
    ];
    expect(rows.length).toBeGreaterThan(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect((await listApiKeys(team.as("member")))[0]).toMatchObject({ id, display: `ahq_live_…${key.slice(-4)}` });
    expect(JSON.stringify(await listApiKeys(team.as("owner")))).not.toContain(secret);
  });

  it("lets members see and revoke only their own keys; admins and owners all", async () => {
    const team = await createTeam();
    const mine = await createApiKey(team.as("member"), { name: "mine" });
    const admins = await createApiKey(team.as("admin"), { name: "admins" });
    expect((await listApiKeys(team.as("member"))).map((k) => k.name)).toEqual(["mine"]);
    expect((await listApiKeys(team.as("owner"))).map((k) => k.name).sort()).toEqual(["admins", "mine"]);
    await expect(revokeApiKey(team.as("member"), admins.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createApiKey(team.as("viewer"), { name: "nope" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await revokeApiKey(team.as("admin"), mine.id)).revokedAt).not.toBeNull();
    const audit = await ownerDb().auditLog.findMany({ where: { workspaceId: team.workspaceId, action: { startsWith: "key." } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["key.created", "key.created", "key.revoked"]);
  });

  it("authenticates a live key to its workspace with its scopes", async () => {
    const team = await createTeam();
    const { key } = await createApiKey(team.as("member"), { name: "runner", scopes: ["runs:read", "usage:read"] });
    const principal = await authenticateApiKey(bearer(key));
    expect(principal.workspace).toMatchObject({ id: team.workspaceId, slug: team.slug, tier: "pro", status: "active" });
    expect(principal.scopes).toEqual(["runs:read", "usage:read"]);
  });

  it("refuses revoked keys at once on this instance, and expired keys", async () => {
    const team = await createTeam();
    const { key, id } = await createApiKey(team.as("owner"), { name: "short-lived" });
    await authenticateApiKey(bearer(key)); // now cached
    await revokeApiKey(team.as("owner"), id);
    await expect(authenticateApiKey(bearer(key))).rejects.toMatchObject({ code: "unauthorized" });

    const expiring = await createApiKey(team.as("owner"), { name: "expiring", expiresAt: new Date(Date.now() + 120_000) });
    await ownerDb().apiKey.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    keyCache.clear();
    await expect(authenticateApiKey(bearer(expiring.key))).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("gives a key only what its creator's current role allows, and nothing once the creator left", async () => {
    const team = await createTeam();
    const { key } = await createApiKey(team.as("member"), { name: "demoted" });
    expect((await authenticateApiKey(bearer(key))).scopes).toEqual(["runs:read", "runs:write", "usage:read", "agents:write"]);
    await changeMemberRole(team.as("owner"), team.users.member.id, "viewer");
    keyCache.clear();
    expect((await authenticateApiKey(bearer(key))).scopes).toEqual(["runs:read", "usage:read"]);
    await removeMember(team.as("owner"), team.users.member.id);
    keyCache.clear();
    await expect(authenticateApiKey(bearer(key))).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("answers every kind of bad key the same way", async () => {
    const answers = await Promise.all(
      ["", "Bearer", "Bearer ahq_live_" + "A".repeat(40), "Token abc", `Bearer ${"x".repeat(5000)}`].map((h) =>
        authenticateApiKey(h).catch((e) => `${e.code}:${e.message}`),
      ),
    );
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^unauthorized:/);
  });
});
