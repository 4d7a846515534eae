// npm run admin -- <command> — operator commands for self-hosted installs (uses DATABASE_URL as owner).
//   set-tier <workspace-slug> <free|starter|pro|enterprise>   set a workspace's tier (billing off)
import pg from "pg";
import { z } from "zod";
import { env } from "@/config/env";
import { TIER_IDS } from "@/config/tiers";
import { changeTier } from "@/lib/workspaces/change-tier";
import { slugSchema } from "@/lib/workspaces/slug";

const USAGE = "usage: npm run admin -- set-tier <workspace-slug> <free|starter|pro|enterprise>";
const setTierArgs = z.tuple([z.literal("set-tier"), slugSchema, z.enum(TIER_IDS)]);

const parsed = setTierArgs.safeParse(process.argv.slice(2));
if (!parsed.success) {
  console.error(`${parsed.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  process.exit(2);
}
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}
const [, slug, tier] = parsed.data;
// Finding a workspace by slug across tenants is an operator's lookup: done as the database owner.
const owner = new pg.Client({ connectionString: env.DATABASE_URL });
await owner.connect();
const { rows } = await owner.query<{ id: string }>(`SELECT id FROM "Workspace" WHERE slug = $1`, [slug]);
await owner.end();
if (!rows[0]) {
  console.error(`No workspace with the slug "${slug}".`);
  process.exit(1);
}
const { from, to } = await changeTier(rows[0].id, tier, { actorId: null, source: "admin-cli" });
console.log(from === to ? `${slug} is already on ${to}.` : `${slug}: ${from} → ${to}`);
process.exit(0);
