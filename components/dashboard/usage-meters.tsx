// This period's usage against the tier's limits: API calls, agent-minutes and concurrent runs.
import type { UsageSummary } from "@/lib/usage/get-usage";
import { UsageMeter } from "./usage-meter";

export function UsageMeters({ usage, className = "" }: { usage: UsageSummary; className?: string }) {
  return (
    <div className={`grid gap-4 md:grid-cols-3 ${className}`}>
      <UsageMeter label="API calls" used={usage.apiCalls.used} limit={usage.apiCalls.limit} unit="calls" />
      <UsageMeter label="Agent-minutes" used={usage.agentMinutes.used} limit={usage.agentMinutes.limit} unit="minutes" />
      <UsageMeter label="Concurrent runs" used={usage.concurrentRuns.used} limit={usage.concurrentRuns.limit} unit="running" />
    </div>
  );
}
