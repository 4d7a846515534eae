// How each metered metric reads in messages, emails and banners.
import type { UsageMetric } from "@/lib/generated/prisma/enums";

export const METRIC_NAMES: Record<UsageMetric, string> = {
  api_calls: "API calls",
  agent_seconds: "agent-minutes",
  model_spend: "model budget",
};
