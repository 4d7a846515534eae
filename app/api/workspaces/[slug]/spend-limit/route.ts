// PUT /api/workspaces/:slug/spend-limit { limitUsd } — an owner's monthly model-spend limit (null removes it).
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { spendLimitSchema } from "@/lib/spend/schemas";
import { setSpendLimit } from "@/lib/spend/spend-settings";
import { getUsage } from "@/lib/usage/get-usage";

export const PUT = workspaceRoute<{ slug: string }>("spend:manage", async ({ request, ctx }) => {
  const { limitUsd } = await readJson(request, spendLimitSchema);
  await setSpendLimit(ctx, limitUsd);
  return json((await getUsage(ctx)).modelSpend);
});
