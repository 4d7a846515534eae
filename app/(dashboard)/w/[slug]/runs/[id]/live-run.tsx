"use client";

import { useEffect, useState } from "react";
import { RunStatusBadge } from "@/components/dashboard/run-status-badge";
import { RunTrace } from "@/components/dashboard/run-trace";
import { apiRequest } from "@/lib/forms/api-request";
import type { RunDetail } from "@/lib/runs/read-runs";
import type { RunView } from "@/lib/runs/run-view";
import { formatUsdAmount } from "@/lib/spend/money";

const count = new Intl.NumberFormat("en-US");

interface LogLine {
  id: string;
  message: string;
}

export function LiveRun({ slug, initial, canCancel }: { slug: string; initial: RunDetail; canCancel: boolean }) {
  const [run, setRun] = useState(initial);
  const [log, setLog] = useState<LogLine[]>([]);
  const [connection, setConnection] = useState<"live" | "reconnecting" | "ended">("live");
  const base = `/api/workspaces/${slug}/runs/${initial.id}`;

  useEffect(() => {
    const source = new EventSource(`${base}/events`);
    const data = (e: MessageEvent) => JSON.parse(e.data) as Record<string, unknown>;
    // Each log line follows a model turn or a tool call: fetch the run again for its trace and spend.
    let refetch: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(refetch);
      refetch = setTimeout(async () => {
        const fresh = await apiRequest<RunDetail>("GET", base);
        // The stream is the live source of the status; the fetch brings the trace and spend.
        if (fresh.ok) setRun((r) => ({ ...fresh.data, status: r.status }));
      }, 300);
    };
    source.addEventListener("status", (e) => setRun((r) => ({ ...r, status: data(e as MessageEvent).status as RunView["status"] })));
    source.addEventListener("log", (e) => {
      const event = e as MessageEvent;
      setLog((lines) => (lines.some((l) => l.id === event.lastEventId) ? lines : [...lines, { id: event.lastEventId, message: String(data(event).message) }]));
      refresh();
    });
    source.addEventListener("tool", refresh);
    source.addEventListener("output", (e) => setRun((r) => ({ ...r, output: data(e as MessageEvent) })));
    source.addEventListener("done", async () => {
      source.close();
      setConnection("ended");
      clearTimeout(refetch);
      const fresh = await apiRequest<RunDetail>("GET", base);
      if (fresh.ok) setRun(fresh.data);
    });
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? "ended" : "reconnecting");
    source.onopen = () => setConnection("live");
    return () => {
      clearTimeout(refetch);
      source.close();
    };
  }, [base]);

  const finished = ["succeeded", "failed", "canceled"].includes(run.status);
  const output = run.output as { text?: string } | undefined;

  return (
    <div className="mt-6 space-y-6">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <RunStatusBadge status={run.status} />
        <span className="text-slate-600">{run.agentSeconds} agent-seconds{run.provider && ` · ${run.provider === "offline" ? "offline demo provider" : run.provider}`}</span>
        {!finished && <span className="text-slate-500" aria-live="polite">{connection === "live" ? "● live" : "reconnecting…"}</span>}
        {canCancel && !finished && (
          <button
            type="button"
            onClick={async () => {
              const result = await apiRequest<RunView>("POST", `${base}/cancel`);
              if (result.ok) setRun((r) => ({ ...r, ...result.data }));
            }}
            className="rounded-md border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50"
          >
            Cancel run
          </button>
        )}
      </div>
      <p className="text-sm text-slate-700" data-testid="run-spend">
        {count.format(run.usage.inputTokens)} input · {count.format(run.usage.outputTokens)} output tokens
        {run.usage.cacheReadTokens + run.usage.cacheWriteTokens > 0 && ` · ${count.format(run.usage.cacheReadTokens)} cache read · ${count.format(run.usage.cacheWriteTokens)} cache write`}
        {" · "}
        <strong>{formatUsdAmount(run.usage.costUsd)}</strong>{" "}
        {run.usage.billedTo === "platform" ? "of the workspace's model budget" : run.provider === "openai" ? "paid through the workspace's own model connection" : "billed to the workspace's own Anthropic key"}
        {run.maxCostUsd !== undefined && ` · limit ${formatUsdAmount(run.maxCostUsd)}`}
      </p>
      {run.error && <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{run.error}</p>}
      <section>
        <h2 className="font-semibold">Input</h2>
        <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-50 p-3 text-xs">{JSON.stringify(run.input, null, 2)}</pre>
      </section>
      <section>
        <h2 className="font-semibold">Log</h2>
        <ol className="mt-2 space-y-1 font-mono text-xs" data-testid="run-log">
          {log.length === 0 && <li className="text-slate-500">{finished ? "No log lines." : "Waiting for the agent…"}</li>}
          {log.map((line) => <li key={line.id}>{line.message}</li>)}
        </ol>
      </section>
      <section>
        <h2 className="font-semibold">Trace</h2>
        <RunTrace steps={run.trace} />
      </section>
      <section>
        <h2 className="font-semibold">Output</h2>
        {output?.text ? (
          <pre data-testid="run-output" className="mt-2 whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm">{output.text}</pre>
        ) : (
          <p className="mt-2 text-sm text-slate-500">{finished ? "No output." : "Arrives when the run finishes."}</p>
        )}
      </section>
    </div>
  );
}
