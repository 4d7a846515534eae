// npm run db:migrate — applies pending migrations to DATABASE_URL (offline; see lib/db/migrate.ts).
import { env } from "@/config/env";
import { prepareDatabase } from "@/lib/db/prepare-database";

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. (`npm start` migrates its embedded database by itself.)");
  process.exit(2);
}
try {
  const result = await prepareDatabase(env.DATABASE_URL);
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `Database is up to date (${result.alreadyApplied} migration(s) applied before).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
