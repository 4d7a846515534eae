// A run's trace: one row per model turn with its tokens, cost and latency, and the tools it called; then
// each tool call with its arguments, result, duration and error, in order.
import { TableHead } from "@/components/ui/table-head";
import type { TraceStep, TraceToolCall } from "@/lib/runs/run-trace";
import { formatUsdAmount } from "@/lib/spend/money";

const count = new Intl.NumberFormat("en-US");
const toolNames = (s: TraceStep) => s.toolCalls.map((c) => c.name).join(", ");

function ToolCall({ turn, call }: { turn: number; call: TraceToolCall }) {
  const status = call.durationMs === null ? "not run" : call.isError ? "failed" : "ok";
  return (
    <li className={`rounded-md border p-2 ${call.isError ? "border-red-200 bg-red-50" : "border-slate-100"}`}>
      <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <span className="font-mono font-medium">{call.name}</span>
        <span className="text-xs text-slate-500">turn {turn}</span>
        <span className={`text-xs ${call.isError ? "font-semibold text-red-700" : "text-slate-600"}`}>{status}</span>
        {call.durationMs !== null && <span className="text-xs tabular-nums text-slate-600">{count.format(call.durationMs)} ms</span>}
      </div>
      {call.arguments !== null && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-slate-600">Arguments</summary>
          <pre className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap break-words rounded bg-white p-2">
            {JSON.stringify(call.arguments, null, 2)}
          </pre>
        </details>
      )}
      {call.result !== null && (
        <details className="mt-1 text-xs" open={call.isError}>
          <summary className="cursor-pointer text-slate-600">{call.isError ? "Error" : "Result"}</summary>
          <pre className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap break-words rounded bg-white p-2">{call.result}</pre>
        </details>
      )}
    </li>
  );
}

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
            <span className="font-medium">
              Turn {s.turn}
              {s.attempt > 1 && ` (attempt ${s.attempt})`}
            </span>{" "}
            · {count.format(s.inputTokens)} in · {count.format(s.outputTokens)} out · {cost(s)} · {count.format(s.latencyMs)} ms
            {s.toolCalls.length > 0 && ` · ${toolNames(s)}`}
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
                <td className="py-2 font-mono text-xs">{toolNames(s) || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {steps.some((s) => s.toolCalls.length > 0) && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Tool calls</h3>
          <ol className="mt-2 space-y-2" data-testid="run-tool-calls">
            {steps.flatMap((s) =>
              s.toolCalls.map((call) => <ToolCall key={`${s.attempt}-${s.turn}-${call.id}`} turn={s.turn} call={call} />),
            )}
          </ol>
        </>
      )}
      {estimated && (
        <p className="mt-2 text-xs text-slate-500">
          * Estimated: the offline demo provider reports no tokens, so they are estimated and priced as the default model.
        </p>
      )}
    </div>
  );
}
