// Before a run is queued: a run on the platform's model budget needs a verified email (when a real model
// provider is configured), and its first turn's input alone must fit what is left of the budget (402, or
// 423 on a paid tier already at its cap), and of its own maxCostUsd (400). Each turn is reserved again
// when it runs; this refuses early what could never start.
import { env } from "@/config/env";
import { MIN_OUTPUT_TOKENS } from "@/config/models";
import type { TierId } from "@/config/tiers";
import type { AgentSpec } from "@/lib/agents/agent-definition";
import { firstTurnRequest } from "@/lib/agents/agent-loop";
import { declaredToolSpecs } from "@/lib/agents/toolbox";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ResolvedModel } from "@/lib/models/model-connections";
import type { RunAdmission } from "@/lib/runs/run-admission";
import { stopAtCap } from "@/lib/usage/stop-at-cap";
import { inputTokensUpperBound } from "./estimate-tokens";
import { formatUsd } from "./money";
import { worstCaseMicros } from "./price-turn";
import { spendPolicy } from "./spend-policy";

interface RunBudgetRequest {
  workspace: { id: string; tier: TierId };
  userId: string;
  agent: AgentSpec;
  /** The model the run's turns go to, and who pays for them. */
  model: ResolvedModel;
  input: unknown;
  maxCostMicros: number | null;
  /** The period's spend and the workspace's settings, as read when the run was asked for. */
  admission: RunAdmission;
}

async function assertVerifiedEmail(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  if (!user?.emailVerified) {
    throw new AppError(
      "forbidden",
      "Verify your email address to run agents on AgentHQ's model budget (see your account page), or store the workspace's own Anthropic key in Settings.",
    );
  }
}

export async function assertRunFitsBudget(request: RunBudgetRequest): Promise<void> {
  const { price } = request.model;
  // MCP tools are listed only when the run starts; their reservation then covers them.
  const inputTokens = inputTokensUpperBound(firstTurnRequest(request.agent, declaredToolSpecs(request.agent.tools), request.input));
  const inputOnly = worstCaseMicros(price, inputTokens, 0);
  // The cheapest turn worth sending: this input with the fewest output tokens a turn is allowed.
  const smallestTurn = worstCaseMicros(price, inputTokens, MIN_OUTPUT_TOKENS);
  if (request.maxCostMicros !== null && smallestTurn > request.maxCostMicros) {
    throw new AppError(
      "invalid_request",
      `This input alone may cost up to ${formatUsd(inputOnly)} a turn, more than maxCostUsd ${formatUsd(request.maxCostMicros)}.`,
      {
        fieldErrors: [{ path: "maxCostUsd", message: `Allow at least ${formatUsd(smallestTurn)}.` }],
      },
    );
  }
  const { admission } = request;
  // The workspace's own key or model connection pays.
  if (request.model.billedTo === "workspace" || (request.model.kind === "anthropic" && admission.ownKey)) return;
  if (env.ANTHROPIC_API_KEY) await assertVerifiedEmail(request.userId);

  const policy = spendPolicy(admission.workspace);
  if (policy.capMicros === null) return;
  const left = policy.capMicros - admission.spendUsedMicros - admission.spendReservedMicros;
  if (left <= 0) {
    await stopAtCap(
      request.workspace,
      "model_spend",
      policy.atCap,
      policy.capSetBy === "spend_limit"
        ? `The workspace's monthly spend limit (${formatUsd(policy.capMicros)}) is used up. An owner can raise it on the usage page.`
        : undefined,
    );
  }
  if (smallestTurn > left) {
    throw new AppError(
      "quota_exceeded",
      `This run's input alone may cost up to ${formatUsd(inputOnly)} of model spend a turn; the workspace has ${formatUsd(left)} left this month.`,
    );
  }
}
