// The Prisma client, one per process, talking to PostgreSQL through node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/config/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { agenthqPrisma?: PrismaClient };

function createClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides a database.");
  }
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: 10,
    connectionTimeoutMillis: 5_000,
    ...(env.DATABASE_APP_ROLE && { options: `-c role=${env.DATABASE_APP_ROLE}` }),
  });
  return new PrismaClient({ adapter });
}

/** The shared client; created on first use so that importing this module never connects. */
export function db(): PrismaClient {
  globalForPrisma.agenthqPrisma ??= createClient();
  return globalForPrisma.agenthqPrisma;
}
