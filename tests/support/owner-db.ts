// The database as its owner, not as the app role: row-level security does not apply, so the integration
// tests and the end-to-end specs alike can arrange and inspect any tenant's rows directly. `ownerDb()` is a
// Prisma client; `ownerQuery()` runs one SQL statement on a connection of its own (what a spec needs for
// state that has no UI yet); `setTier()` sets a workspace's tier, as billing would.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { TierId } from "@/config/tiers";
import { PrismaClient } from "@/lib/generated/prisma/client";

let client: PrismaClient | undefined;

export function ownerDb(): PrismaClient {
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  return client;
}

export async function ownerQuery(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const connection = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await connection.connect();
  try {
    return await connection.query(sql, values);
  } finally {
    await connection.end();
  }
}

export async function setTier(slug: string, tier: TierId): Promise<void> {
  await ownerQuery(`UPDATE "Workspace" SET tier = $1 WHERE slug = $2`, [tier, slug]);
}
