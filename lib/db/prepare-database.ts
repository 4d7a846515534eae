// Everything a database needs before the app serves from it: the schema migrations, then the run
// queue's own schema. Run as the database owner (DATABASE_URL); safe to run from several instances at once.
import { installRunQueue } from "@/lib/queue/run-queue";
import { migrate, type MigrateResult } from "./migrate";

export async function prepareDatabase(connectionString: string): Promise<MigrateResult> {
  const result = await migrate(connectionString);
  await installRunQueue(connectionString);
  return result;
}
