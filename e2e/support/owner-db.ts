// Direct database access for arranging test state that has no UI yet (e.g. a workspace's tier before
// billing exists). Connects as the database owner, so row-level security does not apply.
import pg from "pg";

export async function ownerQuery(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

export async function setTier(slug: string, tier: "free" | "starter" | "pro" | "enterprise"): Promise<void> {
  await ownerQuery(`UPDATE "Workspace" SET tier = $1 WHERE slug = $2`, [tier, slug]);
}
