"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, type FieldErrors } from "@/lib/forms/field-errors";
import type { ConnectionView } from "@/lib/models/model-connections";

/** "llama3.1:8b 0 0" per line: a model and its input and output prices in USD per million tokens. */
function parseModels(text: string) {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = "", input = "0", output = "0"] = line.split(/\s+/);
      return { name, inputUsdPerMillion: Number(input), outputUsdPerMillion: Number(output) };
    });
}

export function ModelConnectionsForm({ slug, connections }: { slug: string; connections: ConnectionView[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const apiKey = String(data.get("apiKey") ?? "").trim();
    setPending(true);
    const result = await apiRequest("POST", `/api/workspaces/${slug}/model-connections`, {
      name: String(data.get("name") ?? ""),
      baseUrl: String(data.get("baseUrl") ?? ""),
      ...(apiKey && { apiKey }),
      models: parseModels(String(data.get("models") ?? "")),
    });
    setPending(false);
    if (!result.ok) {
      setErrors(fieldErrorsFromProblem(result.problem));
      return setAlert(result.problem.detail);
    }
    setErrors({});
    setAlert(undefined);
    form.reset();
    router.refresh();
  }

  async function remove(name: string) {
    const result = await apiRequest("DELETE", `/api/workspaces/${slug}/model-connections/${encodeURIComponent(name)}`);
    if (!result.ok) setAlert(result.problem.detail);
    router.refresh();
  }

  return (
    <div className="mt-3 space-y-4">
      {connections.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm" data-testid="model-connections">
          {connections.map((c) => (
            <li key={c.name} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
              <span className="min-w-0 break-all">
                <code className="font-mono font-semibold">{c.name}</code> · {c.baseUrl} ·{" "}
                {c.models.map((m) => `${c.name}/${m.name}`).join(", ")}
                {c.keyLast4 && <span className="text-slate-500"> · key …{c.keyLast4}</span>}
              </span>
              <button type="button" onClick={() => remove(c.name)} className="text-red-700 hover:underline">
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {alert && <FormAlert>{alert}</FormAlert>}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Name" name="name" placeholder="ollama" error={errors.name} autoComplete="off" />
          <TextField label="Base URL" name="baseUrl" placeholder="https://openrouter.ai/api/v1" error={errors.baseUrl} autoComplete="off" />
        </div>
        <TextField label="API key (optional)" name="apiKey" type="password" error={errors.apiKey} autoComplete="off" />
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Models and prices</span>
          <textarea
            name="models"
            rows={3}
            placeholder={"llama3.1:8b 0 0\ngpt-4.1-mini 0.4 1.6"}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
          />
          <span className="mt-1 block text-xs text-slate-500">
            One per line: the model, then USD per million input and output tokens (0 for your own hardware).
          </span>
          {(errors.models ?? Object.entries(errors).find(([k]) => k.startsWith("models."))?.[1]) && (
            <span role="alert" className="mt-1 block text-sm text-red-600">
              {errors.models ?? Object.entries(errors).find(([k]) => k.startsWith("models."))?.[1]}
            </span>
          )}
        </label>
        <SubmitButton pending={pending} pendingLabel="Adding…" fullWidth={false}>
          Add connection
        </SubmitButton>
      </form>
    </div>
  );
}
