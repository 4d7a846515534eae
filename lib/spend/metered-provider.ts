// A model provider that never spends first and counts later: before each turn it reserves the turn's
// worst case against the workspace's model budget (lowering max_tokens to what is left of the budget, or
// of the run's own maxCostUsd), after it settles the reservation to what the provider reported.
import { MAX_OUTPUT_TOKENS, MIN_OUTPUT_TOKENS } from "@/config/models";
import type { ContentBlock, ModelProvider, ModelRequest, ModelTurn } from "@/lib/agents/model-types";
import { describeError, logger } from "@/lib/log/logger";
import { checkSpendAlerts } from "@/lib/usage/usage-alerts";
import { inputTokensUpperBound } from "./estimate-tokens";
import { formatUsd } from "./money";
import { outputTokensWithin, turnCostMicros, worstCaseMicros } from "./price-turn";
import { releaseSpend, reserveSpend, settleSpend, turnKey, type SettledTurn } from "./spend-ledger";
import type { SpendPolicy } from "./spend-policy";

export type SpendStopKind = "workspace_budget" | "spend_limit" | "run_budget";

/** A run stopped because its next turn did not fit a budget; its finished turns stay billed. */
export class SpendStop extends Error {
  constructor(
    readonly kind: SpendStopKind,
    message: string,
  ) {
    super(message);
    this.name = "SpendStop";
  }
}

export interface TurnMeterOptions {
  workspaceId: string;
  policy: SpendPolicy;
  runId: string;
  attempt: number;
  /** "platform": drawn from the workspace's model budget; "workspace": its own provider key pays. */
  billedTo: "platform" | "workspace";
  /** The run's maxCostUsd in micro-USD, and what earlier attempts of the run already spent. */
  runLimitMicros: number | null;
  runSpentMicros: number;
}

const toolCallsOf = (content: ContentBlock[]) => content.flatMap((b) => (b.type === "tool_use" ? [b.name] : []));

async function settleWithRetry(turn: SettledTurn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await settleSpend(turn);
    } catch (error) {
      if (attempt === 3) throw error;
      logger.warn("could not settle a model turn, retrying", { runId: turn.runId, turn: turn.turn, ...describeError(error) });
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

export function meteredProvider(provider: ModelProvider, options: TurnMeterOptions): ModelProvider {
  const { workspaceId, policy, runId, attempt, runLimitMicros } = options;
  const metered = options.billedTo === "platform";
  let spent = options.runSpentMicros;
  let turn = 0;

  function allowedOutputTokens(request: ModelRequest, inputTokens: number): number {
    const wanted = request.maxTokens ?? MAX_OUTPUT_TOKENS;
    if (runLimitMicros === null) return wanted;
    const fits = Math.min(wanted, outputTokensWithin(provider.price, inputTokens, runLimitMicros - spent));
    if (fits < MIN_OUTPUT_TOKENS) {
      throw new SpendStop(
        "run_budget",
        `The run reached its own cost limit (maxCostUsd ${formatUsd(runLimitMicros)}; spent ${formatUsd(spent)}).`,
      );
    }
    return fits;
  }

  /**
   * Reserves the turn's worst case. Near the cap, where the full worst case no longer fits, the turn may
   * still go with fewer output tokens: what is left decides its max_tokens (a few tries, as concurrent
   * turns take budget too). Returns the output tokens and the amount reserved.
   */
  async function reserve(key: string, inputTokens: number, wanted: number): Promise<{ maxTokens: number; worstCase: number }> {
    let maxTokens = wanted;
    for (let tries = 0; tries < 3; tries++) {
      const worstCase = worstCaseMicros(provider.price, inputTokens, maxTokens);
      if (!metered) return { maxTokens, worstCase };
      const reservation = await reserveSpend({ workspaceId, key, amountMicros: worstCase, capMicros: policy.capMicros });
      if (reservation.admitted) return { maxTokens, worstCase };
      const left = (policy.capMicros ?? 0) - reservation.usedMicros - reservation.reservedMicros;
      const fits = Math.min(maxTokens - 1, outputTokensWithin(provider.price, inputTokens, left));
      if (fits < MIN_OUTPUT_TOKENS) break;
      maxTokens = fits;
    }
    if (policy.capSetBy === "spend_limit") {
      throw new SpendStop(
        "spend_limit",
        `The workspace's monthly spend limit (${formatUsd(policy.capMicros ?? 0)}) is used up, so the run was stopped.`,
      );
    }
    throw new SpendStop("workspace_budget", "The workspace's model budget is used up for this month, so the run was stopped.");
  }

  return {
    name: provider.name,
    model: provider.model,
    price: provider.price,
    estimatesUsage: provider.estimatesUsage,
    async turn(request: ModelRequest): Promise<ModelTurn> {
      turn++;
      const key = turnKey(runId, attempt, turn);
      const inputTokens = inputTokensUpperBound(request);
      const { maxTokens, worstCase } = await reserve(key, inputTokens, allowedOutputTokens(request, inputTokens));

      const started = performance.now();
      const base = {
        workspaceId,
        key,
        metered,
        overageFromMicros: policy.overageFromMicros,
        runId,
        attempt,
        turn,
        provider: provider.name,
        model: provider.model,
      };
      let reply: ModelTurn;
      try {
        reply = await provider.turn({ ...request, maxTokens });
      } catch (error) {
        if (request.signal.aborted && !provider.estimatesUsage) {
          // Stopped mid-turn (cancel, timeout, a cap): the provider may have billed it, so the worst case stands.
          await settleWithRetry({
            ...base,
            usage: { inputTokens, outputTokens: maxTokens, cacheReadTokens: 0, cacheWriteTokens: 0 },
            costMicros: worstCase,
            estimated: true,
            latencyMs: performance.now() - started,
            toolCalls: [],
          });
          spent += worstCase;
        } else if (metered) {
          // The provider refused the request (nothing billed), or an estimating provider was stopped (nothing spent).
          await releaseSpend(workspaceId, key);
        }
        throw error;
      }
      const costMicros = turnCostMicros(provider.price, reply.usage);
      const settled = await settleWithRetry({
        ...base,
        usage: reply.usage,
        costMicros,
        estimated: provider.estimatesUsage,
        latencyMs: performance.now() - started,
        toolCalls: toolCallsOf(reply.content),
      });
      spent += costMicros;
      if (settled.usedMicros !== null) {
        await checkSpendAlerts(
          workspaceId,
          settled.usedMicros,
          policy.capSetBy === "spend_limit" ? policy.capMicros : policy.includedMicros,
        );
      }
      return reply;
    },
  };
}
