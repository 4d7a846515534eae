// The demo seed: a login, a workspace with runs, usage, API keys and audit entries. Idempotent: each part
// is found before it is created, and usage is recorded under fixed idempotency keys, so seeding again
// changes nothing.
import { DEMO_EMAIL, ensureDemoAccount } from "./demo-account";
import { ensureDemoApiKeys } from "./demo-api-keys";
import { ensureDemoRuns } from "./demo-runs";
import { ensureDemoApiCalls } from "./demo-usage";
import { ensureDemoWorkspace } from "./demo-workspace";

export interface DemoSeed {
  email: string;
  /** Set when this seed created the login or reset its password; null when it was left unchanged. */
  password: string | null;
  workspaceId: string;
  slug: string;
}

export async function seedDemo(options: { resetPassword?: boolean; now?: Date } = {}): Promise<DemoSeed> {
  const now = options.now ?? new Date();
  const account = await ensureDemoAccount(options);
  const ctx = await ensureDemoWorkspace(account.userId);
  await ensureDemoApiKeys(ctx);
  await ensureDemoRuns(ctx, now);
  await ensureDemoApiCalls(ctx.workspaceId, now);
  return { email: DEMO_EMAIL, password: account.password, workspaceId: ctx.workspaceId, slug: ctx.slug };
}
