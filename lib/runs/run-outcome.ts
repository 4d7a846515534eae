// Why a run ended, as one typed union, mapped exhaustively to the status and message the customer sees.
import type { LoopEnd } from "@/lib/agents/agent-loop";
import { ProviderError } from "@/lib/agents/model-types";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { SpendStop } from "@/lib/spend/metered-provider";

export type RunOutcome =
  | LoopEnd
  | { kind: "canceled" }
  | { kind: "timeout"; seconds: number }
  /** The workspace reached its agent-minutes cap while the run ran. */
  | { kind: "agent_minutes_cap" }
  | { kind: "budget"; stop: SpendStop }
  /** `ownKey`: the workspace's own key or connection pays this provider. */
  | { kind: "provider_error"; error: ProviderError; ownKey: boolean; provider: string }
  /** The run's tools or model could not be prepared (a secret this server cannot open, say). */
  | { kind: "setup_error"; message: string }
  | { kind: "unexpected"; error: unknown };

export type StopReason = "canceled" | "timeout" | "agent_minutes_cap";

/** The outcome of a loop that threw: a stop the run asked for first, else what the failure was. */
export function outcomeOfFailure(
  failure: unknown,
  stopReason: StopReason | undefined,
  context: { maxRuntimeSeconds: number; ownKey: boolean; provider: string },
): RunOutcome {
  if (stopReason === "canceled") return { kind: "canceled" };
  if (stopReason === "timeout") return { kind: "timeout", seconds: context.maxRuntimeSeconds };
  if (stopReason === "agent_minutes_cap") return { kind: "agent_minutes_cap" };
  if (failure instanceof SpendStop) return { kind: "budget", stop: failure };
  if (failure instanceof ProviderError)
    return { kind: "provider_error", error: failure, ownKey: context.ownKey, provider: context.provider };
  return { kind: "unexpected", error: failure };
}

export function describeOutcome(
  outcome: RunOutcome,
  agentId: string,
): { status: RunStatus; output?: { text: string; turns: number }; error?: string } {
  switch (outcome.kind) {
    case "finished":
      return { status: "succeeded", output: { text: outcome.text, turns: outcome.turns } };
    case "out_of_turns":
      return { status: "failed", error: `The agent did not finish within its ${outcome.maxTurns} turns.` };
    case "canceled":
      return { status: "canceled" };
    case "timeout":
      return {
        status: "failed",
        error: `The run exceeded its time limit of ${outcome.seconds} seconds (the ${agentId} agent's, within the tier's).`,
      };
    case "agent_minutes_cap":
      return { status: "failed", error: "The workspace reached its agent-minutes cap, so the run was stopped." };
    case "budget":
      return { status: "failed", error: outcome.stop.message };
    case "provider_error":
      return {
        status: "failed",
        error: !(outcome.error.rejectedKey && outcome.ownKey)
          ? outcome.error.message
          : outcome.provider === "anthropic"
            ? "Anthropic rejected the workspace's own API key. An owner can replace it in Settings."
            : "The model connection rejected its API key. An owner can replace the connection in Settings.",
      };
    case "setup_error":
      return { status: "failed", error: outcome.message };
    case "unexpected":
      return { status: "failed", error: "The run failed unexpectedly." };
    default:
      return outcome satisfies never;
  }
}
