// A signed-up user with an Enterprise workspace (no monthly caps, a per-minute limit set by the server's
// ENTERPRISE_RATE_LIMIT_PER_MINUTE) and an API key, for benchmarks.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { HttpSession } from "./http-session";

export async function enterpriseWorkspaceWithKey(serverUrl: string, databaseUrl: string) {
  const session = new HttpSession(serverUrl);
  await session.signUpAndLogIn(`bench-${randomBytes(4).toString("hex")}@example.test`, "bench-Password-1234");
  const workspace = await session.json<{ id: string; slug: string }>("/api/workspaces", "POST", { name: "Bench" });
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  await owner.query(`UPDATE "Workspace" SET tier = 'enterprise' WHERE id = $1`, [workspace.id]);
  await owner.end();
  const { key } = await session.json<{ key: string }>(`/api/workspaces/${workspace.slug}/keys`, "POST", { name: "bench" });
  return { session, workspace, key };
}
