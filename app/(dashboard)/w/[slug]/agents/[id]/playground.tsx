"use client";

// The playground: run the agent on a sample input, then watch the run live (status, log, each turn and
// tool call with its arguments, result, duration, tokens and cost) with the run page's own view.
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { apiRequest } from "@/lib/forms/api-request";
import type { RunDetail } from "@/lib/runs/read-runs";
import { LiveRun } from "../../runs/[id]/live-run";

export function Playground({ slug, agentRef, example }: { slug: string; agentRef: string; example: unknown }) {
  const [input, setInput] = useState(JSON.stringify(example, null, 2));
  const [run, setRun] = useState<RunDetail>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      return setError("The input is not valid JSON.");
    }
    setPending(true);
    setError(undefined);
    const created = await apiRequest<{ id: string }>("POST", `/api/workspaces/${slug}/runs`, { agent: agentRef, input: parsed });
    if (!created.ok) {
      setPending(false);
      const fields = created.problem.errors?.map((e) => `${e.path}: ${e.message}`).join("; ");
      return setError(fields ? `${created.problem.detail} ${fields}` : created.problem.detail);
    }
    const detail = await apiRequest<RunDetail>("GET", `/api/workspaces/${slug}/runs/${created.data.id}`);
    setPending(false);
    if (detail.ok) setRun(detail.data);
  }

  return (
    <div className="mt-3 rounded-xl border border-slate-200 p-4">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {error && <FormAlert>{error}</FormAlert>}
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Input (JSON)</span>
          <textarea value={input} onChange={(e) => setInput(e.target.value)} rows={5} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Starting…" : "Run in playground"}
        </button>
      </form>
      {run && (
        <div data-testid="playground-run">
          <p className="mt-4 text-sm">
            Run <a href={`/w/${slug}/runs/${run.id}`} className="font-mono text-brand-700 underline">{run.id}</a>
          </p>
          <LiveRun key={run.id} slug={slug} initial={run} canCancel />
        </div>
      )}
    </div>
  );
}
