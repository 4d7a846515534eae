// A migrated scratch database for a test or benchmark run: on the server of DATABASE_URL when set,
// else on an embedded PostgreSQL started here. `cleanup` drops it and stops what was started.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { createScratchDatabase, dropScratchDatabase } from "./databases";

export interface TestDatabase {
  url: string;
  serverUrl: string;
  embedded: boolean;
  cleanup(): Promise<void>;
}

export async function provisionTestDatabase(label: string, embeddedPort: number): Promise<TestDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "agenthq-pg-"));
    await chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: dir, port: embeddedPort });
    serverUrl = embedded.adminUrl;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const url = await createScratchDatabase(serverUrl, label);
  await prepareDatabase(url);
  const server = serverUrl;
  return {
    url,
    serverUrl: server,
    embedded: !process.env.DATABASE_URL,
    async cleanup() {
      await dropScratchDatabase(server, url).catch((e) => console.error(`could not drop ${label} database: ${e}`));
      await stopEmbedded();
    },
  };
}
