// Generates the Prisma client (lib/generated/prisma) without network access.
// Prisma's CLI looks for a native schema engine even for `generate`, which never uses it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops it from trying to download one.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
