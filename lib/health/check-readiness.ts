// Readiness: can this instance reach what it needs to serve requests?
import { db } from "@/lib/db/client";

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, "ok" | "failed">;
}

const TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}

async function check(probe: () => Promise<unknown>): Promise<"ok" | "failed"> {
  try {
    await withTimeout(probe(), TIMEOUT_MS);
    return "ok";
  } catch {
    return "failed";
  }
}

export async function checkReadiness(): Promise<ReadinessReport> {
  const checks = { database: await check(() => db().$queryRaw`SELECT 1`) };
  return { ready: Object.values(checks).every((c) => c === "ok"), checks };
}
