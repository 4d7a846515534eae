"use client";

// The playground: run the agent on a sample input, then watch the run live (status, log, each turn and
// tool call with its arguments, result, duration, tokens and cost) with the run page's own view.
import { useState, type FormEvent } from "react";
import { RunInputField, useRunInput } from "@/components/dashboard/run-input-field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { apiRequest } from "@/lib/forms/api-request";
import type { RunDetail } from "@/lib/runs/read-runs";
import { LiveRun } from "../../runs/[id]/live-run";

export function Playground({
  slug,
  agentRef,
  example,
  inputSchema,
}: {
  slug: string;
  agentRef: string;
  example: unknown;
  inputSchema: Record<string, unknown>;
}) {
  const input = useRunInput(inputSchema, JSON.stringify(example, null, 2));
  const [run, setRun] = useState<RunDetail>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const checked = input.check();
    if (!checked) return;
    setPending(true);
    const created = await apiRequest<{ id: string }>("POST", `/api/workspaces/${slug}/runs`, { agent: agentRef, input: checked.input });
    if (!created.ok) {
      setPending(false);
      if (!input.showProblem(created.problem)) setError(created.problem.detail);
      return;
    }
    const detail = await apiRequest<RunDetail>("GET", `/api/workspaces/${slug}/runs/${created.data.id}`);
    setPending(false);
    if (detail.ok) setRun(detail.data);
  }

  return (
    <div className="mt-3 rounded-xl border border-slate-200 p-4">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {error && <FormAlert>{error}</FormAlert>}
        <RunInputField id="playground-input" state={input} rows={5} />
        <SubmitButton pending={pending} pendingLabel="Starting…" fullWidth={false}>
          Run in playground
        </SubmitButton>
      </form>
      {run && (
        <div data-testid="playground-run">
          <p className="mt-4 text-sm">
            Run{" "}
            <a href={`/w/${slug}/runs/${run.id}`} className="font-mono text-brand-700 underline">
              {run.id}
            </a>
          </p>
          <LiveRun key={run.id} slug={slug} initial={run} canCancel />
        </div>
      )}
    </div>
  );
}
