"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, type FieldErrors } from "@/lib/forms/field-errors";
import type { CustomSecretView } from "@/lib/secrets/custom-secrets";

/** Secrets tools send in their headers (`secret:<name>` in the agent editor), shown by their last four characters. */
export function ToolSecretsForm({ slug, secrets }: { slug: string; secrets: CustomSecretView[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    const result = await apiRequest("POST", `/api/workspaces/${slug}/secrets`, {
      name: String(data.get("name") ?? ""),
      value: String(data.get("value") ?? ""),
    });
    setPending(false);
    if (!result.ok)
      return setErrors({
        ...fieldErrorsFromProblem(result.problem),
        ...(result.problem.errors ? {} : { value: result.problem.detail ?? "" }),
      });
    setErrors({});
    form.reset();
    setStatus("Secret saved");
    router.refresh();
  }

  async function remove(name: string) {
    const result = await apiRequest("DELETE", `/api/workspaces/${slug}/secrets/${encodeURIComponent(name)}`);
    setStatus(result.ok ? `Removed ${name}` : result.problem.detail);
    router.refresh();
  }

  return (
    <div className="mt-3 space-y-3">
      {secrets.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm" data-testid="tool-secrets">
          {secrets.map((s) => (
            <li key={s.name} className="flex items-center justify-between gap-3 px-3 py-2">
              <span>
                <code className="font-mono">{s.name}</code> <span className="text-slate-500">…{s.last4}</span>
              </span>
              <button type="button" onClick={() => remove(s.name)} className="text-red-700 hover:underline">
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
        <TextField label="Name" name="name" placeholder="crm_token" error={errors.name} autoComplete="off" />
        <TextField label="Value" name="value" type="password" autoComplete="off" error={errors.value} />
        <SubmitButton pending={pending} pendingLabel="Saving…" fullWidth={false}>
          Save secret
        </SubmitButton>
      </form>
      {status && (
        <p role="status" className="text-sm text-green-700">
          {status}
        </p>
      )}
    </div>
  );
}
