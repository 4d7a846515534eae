// npm run demo:seed — a demo login and a "Demo" workspace with runs, usage, API keys and audit entries, so
// a fresh install has something to show. Safe to run again: nothing is duplicated. Uses DATABASE_URL, or
// without it the embedded PostgreSQL of `npm start` (shared while the app runs, else started for the seed).
//   --reset-password   give the demo login a new password (printed)
import { appUrl, env } from "@/config/env";
import { rerunAgainstLocalDatabase } from "@/lib/db/local-database";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { seedDemo, type DemoSeed } from "@/lib/demo/seed-demo";

function printLogin(seed: DemoSeed) {
  const password = seed.password ?? "(unchanged: shown when it was set; `npm run demo:seed -- --reset-password` sets a new one)";
  console.log(
    `Demo workspace ready.\n  log in:    ${appUrl}/login\n  email:     ${seed.email}\n  password:  ${password}\n  workspace: ${appUrl}/w/${seed.slug}`,
  );
}

try {
  if (!env.DATABASE_URL) process.exit(await rerunAgainstLocalDatabase());
  await prepareDatabase(env.DATABASE_URL);
  printLogin(await seedDemo({ resetPassword: process.argv.includes("--reset-password") }));
  process.exit(0);
} catch (error) {
  console.error(`Demo seed failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
