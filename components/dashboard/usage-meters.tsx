// This period's usage against the tier's limits: model spend, API calls, agent-minutes and concurrent runs.
import { formatUsdAmount } from "@/lib/spend/money";
import type { UsageSummary } from "@/lib/usage/get-usage";
import { UsageMeter } from "./usage-meter";

function spendNote({ modelSpend: s }: UsageSummary): string | undefined {
  const parts = [
    s.limitUsd !== null && s.limitUsd === s.capUsd && `your spend limit`,
    s.includedUsd !== null && s.capUsd !== null && s.capUsd !== s.includedUsd && `${formatUsdAmount(s.includedUsd)} included`,
    s.reservedUsd > 0 && `${formatUsdAmount(s.reservedUsd)} held by turns in flight`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : undefined;
}

export function UsageMeters({ usage, className = "" }: { usage: UsageSummary; className?: string }) {
  return (
    <div className={`grid gap-4 sm:grid-cols-2 lg:grid-cols-4 ${className}`}>
      <UsageMeter
        label="Model spend"
        used={usage.modelSpend.usedUsd}
        limit={usage.modelSpend.capUsd}
        unit="USD"
        format={formatUsdAmount}
        note={spendNote(usage)}
      />
      <UsageMeter label="API calls" used={usage.apiCalls.used} limit={usage.apiCalls.limit} unit="calls" />
      <UsageMeter label="Agent-minutes" used={usage.agentMinutes.used} limit={usage.agentMinutes.limit} unit="minutes" />
      <UsageMeter label="Concurrent runs" used={usage.concurrentRuns.used} limit={usage.concurrentRuns.limit} unit="running" />
    </div>
  );
}
