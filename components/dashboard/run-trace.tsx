// A run's trace: one row per model turn with its tokens, cost and latency, and the tools it called.
import { TableHead } from "@/components/ui/table-head";
import type { TraceStep } from "@/lib/runs/run-trace";
import { formatUsdAmount } from "@/lib/spend/money";

const count = new Intl.NumberFormat("en-US");

export function RunTrace({ steps }: { steps: TraceStep[] }) {
  if (steps.length === 0) return <p className="mt-2 text-sm text-slate-500">No model turns yet.</p>;
  const estimated = steps.some((s) => s.estimated);
  const cost = (s: TraceStep) => `${formatUsdAmount(s.costUsd)}${s.estimated ? "*" : ""}`;
  return (
    <div className="mt-2">
      {/* Phones get one line a turn; wider screens the full table. */}
      <ol className="space-y-2 text-sm sm:hidden">
        {steps.map((s) => (
          <li key={`${s.attempt}-${s.turn}`} className="rounded-md border border-slate-100 p-2 tabular-nums">
            <span className="font-medium">Turn {s.turn}{s.attempt > 1 && ` (attempt ${s.attempt})`}</span> · {count.format(s.inputTokens)} in ·{" "}
            {count.format(s.outputTokens)} out · {cost(s)} · {count.format(s.latencyMs)} ms{s.toolCalls.length > 0 && ` · ${s.toolCalls.join(", ")}`}
          </li>
        ))}
      </ol>
      <div className="hidden overflow-x-auto sm:block">
      <table className="w-full min-w-[640px] text-left text-sm" data-testid="run-trace">
        <TableHead columns={["Turn", "Model", "Input", "Output", "Cache read", "Cache write", "Cost", "Latency", "Tools"]} />
        <tbody>
          {steps.map((s) => (
            <tr key={`${s.attempt}-${s.turn}`} className="border-b border-slate-100 tabular-nums">
              <td className="py-2 pr-3">{s.attempt > 1 ? `${s.turn} (attempt ${s.attempt})` : s.turn}</td>
              <td className="py-2 pr-3 font-mono text-xs">{s.model}</td>
              <td className="py-2 pr-3">{count.format(s.inputTokens)}</td>
              <td className="py-2 pr-3">{count.format(s.outputTokens)}</td>
              <td className="py-2 pr-3">{count.format(s.cacheReadTokens)}</td>
              <td className="py-2 pr-3">{count.format(s.cacheWriteTokens)}</td>
              <td className="py-2 pr-3">{cost(s)}</td>
              <td className="py-2 pr-3">{count.format(s.latencyMs)} ms</td>
              <td className="py-2 font-mono text-xs">{s.toolCalls.join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {estimated && <p className="mt-2 text-xs text-slate-500">* Estimated: the offline demo provider reports no tokens, so they are estimated and priced as the default model.</p>}
    </div>
  );
}
