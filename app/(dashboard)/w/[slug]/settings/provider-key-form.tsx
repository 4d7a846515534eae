"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem } from "@/lib/forms/field-errors";

/** The workspace's own Anthropic API key: stored encrypted, shown only by its last four characters. */
export function ProviderKeyForm({ slug, last4 }: { slug: string; last4: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [pending, setPending] = useState(false);
  const url = `/api/workspaces/${slug}/provider-key`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const apiKey = String(new FormData(form).get("apiKey") ?? "");
    setPending(true);
    setStatus(undefined);
    const result = await apiRequest("PUT", url, { apiKey });
    setPending(false);
    if (!result.ok) return setError(fieldErrorsFromProblem(result.problem).apiKey ?? result.problem.detail);
    setError(undefined);
    form.reset();
    setStatus("Key saved");
    router.refresh();
  }

  async function remove() {
    setPending(true);
    const result = await apiRequest("DELETE", url);
    setPending(false);
    if (!result.ok) return setError(result.problem.detail);
    setStatus("Key removed");
    router.refresh();
  }

  return (
    <div className="mt-3 space-y-3">
      <p className="text-sm" data-testid="provider-key-status">
        {last4 ? (
          <>
            Runs use the workspace&apos;s own key, ending in <code className="font-mono">…{last4}</code>.
          </>
        ) : (
          "No key stored: runs use AgentHQ's model budget."
        )}
      </p>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <TextField
            label={last4 ? "Replace the key" : "Anthropic API key"}
            name="apiKey"
            type="password"
            autoComplete="off"
            placeholder="sk-ant-…"
            error={error}
          />
        </div>
        <SubmitButton pending={pending} pendingLabel="Saving…" fullWidth={false}>
          Save key
        </SubmitButton>
        {last4 && (
          <button
            type="button"
            disabled={pending}
            onClick={remove}
            className="rounded-md border border-red-300 px-4 py-2 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60"
          >
            Remove key
          </button>
        )}
      </form>
      {status && (
        <p role="status" className="text-sm text-green-700">
          {status}
        </p>
      )}
    </div>
  );
}
