"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { API_SCOPES, type ApiScope } from "@/lib/api-keys/schemas";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, type FieldErrors } from "@/lib/forms/field-errors";

/** How each scope reads here; a scope added to API_SCOPES does not compile until it has a label. */
const SCOPE_LABELS: Record<ApiScope, string> = {
  "runs:read": "Read runs",
  "runs:write": "Start and cancel runs",
  "usage:read": "Read usage",
  "agents:write": "Create and edit agents",
  "webhooks:write": "Manage webhooks (owners and admins)",
};

export function CreateKeyForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  const [created, setCreated] = useState<{ key: string; name: string }>();
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const expires = String(form.get("expiresAt") ?? "");
    setPending(true);
    setCopied(false);
    const result = await apiRequest<{ key: string; name: string }>("POST", `/api/workspaces/${slug}/keys`, {
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String),
      ...(expires && { expiresAt: new Date(`${expires}T23:59:59`).toISOString() }),
    });
    setPending(false);
    if (!result.ok) {
      setErrors(fieldErrorsFromProblem(result.problem));
      return setAlert(result.problem.detail);
    }
    setErrors({});
    setAlert(undefined);
    setCreated(result.data);
    formElement.reset();
    router.refresh();
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard.writeText(created.key);
    setCopied(true);
  }

  return (
    <div className="mt-3 space-y-4">
      {created && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900">
          <p className="font-semibold">Key “{created.name}” created. Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex gap-2">
            <input
              readOnly
              aria-label="New API key"
              value={created.key}
              onFocus={(e) => e.currentTarget.select()}
              className="flex-1 rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs"
            />
            <button type="button" onClick={copy} className="rounded-md border border-green-400 px-3 py-1 font-medium hover:bg-green-100">
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {alert && <FormAlert>{alert}</FormAlert>}
        <TextField label="Key name" name="name" placeholder="Production backend" required error={errors.name} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Scopes</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} defaultChecked /> {SCOPE_LABELS[scope]}
                <code className="font-mono text-xs text-slate-500">{scope}</code>
              </label>
            ))}
          </div>
          {errors.scopes && <p className="mt-1 text-sm text-red-600">{errors.scopes}</p>}
        </fieldset>
        <TextField label="Expires on (optional)" name="expiresAt" type="date" error={errors.expiresAt} />
        <SubmitButton pending={pending} pendingLabel="Creating…" fullWidth={false}>
          Create key
        </SubmitButton>
      </form>
    </div>
  );
}
