// npm run admin -- <command> — operator commands for self-hosted installs. Uses DATABASE_URL as owner, or
// without it the embedded PostgreSQL of `npm start` (shared while the app runs, else started for the command).
//   set-tier <workspace-slug> <free|starter|pro|enterprise>   set a workspace's tier (billing off)
//   set-model-budget <workspace-slug> <usd|default>          set the workspace's included monthly model spend
import pg from "pg";
import { z } from "zod";
import { env } from "@/config/env";
import { TIER_IDS } from "@/config/tiers";
import { rerunAgainstLocalDatabase } from "@/lib/db/local-database";
import { formatUsd, usdToMicros } from "@/lib/spend/money";
import { usdAmountSchema } from "@/lib/spend/schemas";
import { setModelBudget } from "@/lib/spend/spend-settings";
import { changeTier } from "@/lib/workspaces/change-tier";
import { slugSchema } from "@/lib/workspaces/slug";

const USAGE = [
  "usage: npm run admin -- set-tier <workspace-slug> <free|starter|pro|enterprise>",
  "       npm run admin -- set-model-budget <workspace-slug> <usd|default>",
].join("\n");
const commands = z.union([
  z.tuple([z.literal("set-tier"), slugSchema, z.enum(TIER_IDS)]),
  z.tuple([z.literal("set-model-budget"), slugSchema, z.union([z.literal("default"), z.coerce.number().pipe(usdAmountSchema)])]),
]);

const parsed = commands.safeParse(process.argv.slice(2));
if (!parsed.success) {
  console.error(`${parsed.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  process.exit(2);
}
if (!env.DATABASE_URL) process.exit(await rerunAgainstLocalDatabase());
const [command, slug, value] = parsed.data;
// Finding a workspace by slug across tenants is an operator's lookup: done as the database owner.
const owner = new pg.Client({ connectionString: env.DATABASE_URL });
await owner.connect();
const { rows } = await owner.query<{ id: string }>(`SELECT id FROM "Workspace" WHERE slug = $1`, [slug]);
await owner.end();
if (!rows[0]) {
  console.error(`No workspace with the slug "${slug}".`);
  process.exit(1);
}
if (command === "set-tier") {
  const { from, to } = await changeTier(rows[0].id, value as (typeof TIER_IDS)[number], { actorId: null, source: "admin-cli" });
  console.log(from === to ? `${slug} is already on ${to}.` : `${slug}: ${from} → ${to}`);
} else {
  const micros = value === "default" ? null : usdToMicros(value as number);
  await setModelBudget(rows[0].id, micros);
  console.log(`${slug}: included model spend ${micros === null ? "back to the tier's" : `${formatUsd(micros)} a month`}`);
}
process.exit(0);
