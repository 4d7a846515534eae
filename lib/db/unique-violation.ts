// A write refused by a unique index (Prisma's P2002): a concurrent request took the same name, slug,
// email or idempotency key first.
import { Prisma } from "@/lib/generated/prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
