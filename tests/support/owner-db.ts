// A Prisma client connected as the database owner, not as the app role: row-level security does not
// apply to it, so tests can arrange and inspect any tenant's rows directly.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

let client: PrismaClient | undefined;

export function ownerDb(): PrismaClient {
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  return client;
}
