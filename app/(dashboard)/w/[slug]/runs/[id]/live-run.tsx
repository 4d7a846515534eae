"use client";

import { useEffect, useState } from "react";
import { RunStatusBadge } from "@/components/dashboard/run-status-badge";
import { RunTrace } from "@/components/dashboard/run-trace";
import { CopyButton } from "@/components/ui/copy-button";
import { apiRequest } from "@/lib/forms/api-request";
import { renderMarkdown } from "@/lib/markdown/safe-markdown";
import type { RunDetail } from "@/lib/runs/read-runs";
import { durationBetween } from "@/lib/runs/run-durations";
import type { RunView } from "@/lib/runs/run-view";
import { formatUsdAmount } from "@/lib/spend/money";

const count = new Intl.NumberFormat("en-US");

interface LogLine {
  id: string;
  message: string;
  /** When this page received it (a replayed line: when the page opened). */
  at: string;
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString("en-US", { hour12: false });
const stamp = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "medium" });

/** The run's times; while it runs, its duration ticks every second. */
function RunTimes({ run, finished }: { run: RunDetail; finished: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [finished]);
  const end = run.finishedAt ? new Date(run.finishedAt).getTime() : now;
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="run-times">
      <div>
        <dt className="text-xs text-slate-500">Created</dt>
        <dd>{stamp(run.createdAt)}</dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Started</dt>
        <dd>{run.startedAt ? stamp(run.startedAt) : "waiting for a worker"}</dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Finished</dt>
        <dd>{run.finishedAt ? stamp(run.finishedAt) : "—"}</dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">{finished ? "Took" : "Running for"}</dt>
        <dd className="tabular-nums" data-testid="run-duration">
          {run.startedAt ? durationBetween(run.startedAt, end) : "—"}
        </dd>
      </div>
    </dl>
  );
}

/** The input as it was sent: text fields (code, CSV, prose) as text, the rest as JSON. */
function RunInput({ input }: { input: unknown }) {
  const fields =
    typeof input === "object" && input !== null && !Array.isArray(input) ? Object.entries(input as Record<string, unknown>) : [];
  const texts = fields.filter(([, v]) => typeof v === "string" && (v as string).includes("\n"));
  return (
    <div className="mt-2 space-y-2">
      {texts.map(([name, value]) => (
        <div key={name}>
          <div className="flex items-center justify-between text-xs text-slate-500">
            <span className="font-mono">{name}</span>
            <CopyButton text={String(value)} />
          </div>
          <pre className="mt-1 max-h-96 overflow-auto whitespace-pre rounded-lg bg-slate-50 p-3 text-xs">{String(value)}</pre>
        </div>
      ))}
      <div className="flex items-center justify-between text-xs text-slate-500">
        <span>JSON</span>
        <CopyButton text={JSON.stringify(input, null, 2)} />
      </div>
      <pre className="overflow-x-auto rounded-lg bg-slate-50 p-3 text-xs">{JSON.stringify(input, null, 2)}</pre>
    </div>
  );
}

export function LiveRun({
  slug,
  initial,
  canCancel,
  reproduce,
}: {
  slug: string;
  initial: RunDetail;
  canCancel: boolean;
  reproduce?: string;
}) {
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
      setLog((lines) =>
        lines.some((l) => l.id === event.lastEventId)
          ? lines
          : [
              ...lines,
              { id: event.lastEventId, message: String(data(event).message), at: String(data(event).at ?? new Date().toISOString()) },
            ],
      );
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
        <span className="text-slate-600">
          {run.agentSeconds} agent-seconds{run.provider && ` · ${run.provider === "offline" ? "offline demo provider" : run.provider}`}
        </span>
        {!finished && (
          <span className="text-slate-500" aria-live="polite">
            {connection === "live" ? "● live" : "reconnecting…"}
          </span>
        )}
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
      <RunTimes run={run} finished={finished} />
      <p className="text-sm text-slate-700" data-testid="run-spend">
        {count.format(run.usage.inputTokens)} input · {count.format(run.usage.outputTokens)} output tokens
        {run.usage.cacheReadTokens + run.usage.cacheWriteTokens > 0 &&
          ` · ${count.format(run.usage.cacheReadTokens)} cache read · ${count.format(run.usage.cacheWriteTokens)} cache write`}
        {" · "}
        <strong>{formatUsdAmount(run.usage.costUsd)}</strong>{" "}
        {run.usage.billedTo === "platform"
          ? "of the workspace's model budget"
          : run.provider === "openai"
            ? "paid through the workspace's own model connection"
            : "billed to the workspace's own Anthropic key"}
        {run.maxCostUsd !== undefined && ` · limit ${formatUsdAmount(run.maxCostUsd)}`}
      </p>
      {run.error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {run.error}
        </p>
      )}
      <section>
        <h2 className="font-semibold">Input</h2>
        <RunInput input={run.input} />
      </section>
      <section>
        <h2 className="font-semibold">Log</h2>
        <ol className="mt-2 space-y-1 font-mono text-xs" data-testid="run-log">
          {log.length === 0 && <li className="text-slate-500">{finished ? "No log lines." : "Waiting for the agent…"}</li>}
          {log.map((line) => (
            <li key={line.id}>
              <span className="text-slate-400">{clock(line.at)}</span> {line.message}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2 className="font-semibold">Trace</h2>
        <RunTrace steps={run.trace} />
      </section>
      <section>
        <h2 className="font-semibold">Output</h2>
        {output?.text ? (
          <>
            <div className="mt-2 flex justify-end">
              <CopyButton text={output.text} label="Copy output" />
            </div>
            {/* Rendered from Markdown with HTML escaped and only safe links (lib/markdown/safe-markdown.ts). */}
            <div
              data-testid="run-output"
              className="prose-docs mt-1 rounded-lg bg-slate-50 p-3 text-sm"
              dangerouslySetInnerHTML={{ __html: renderMarkdown(output.text) }}
            />
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-500">{finished ? "No output." : "Arrives when the run finishes."}</p>
        )}
      </section>
      {reproduce && (
        <section>
          <div className="flex items-center justify-between">
            <h2 className="font-semibold">Reproduce with curl</h2>
            <CopyButton text={reproduce} />
          </div>
          <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100" data-testid="run-reproduce">
            {reproduce}
          </pre>
        </section>
      )}
    </div>
  );
}
