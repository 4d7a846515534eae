"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem } from "@/lib/forms/field-errors";

/** An owner's monthly model-spend limit: runs stop once the month's spend reaches it. */
export function SpendLimitForm({ slug, limitUsd, capUsd }: { slug: string; limitUsd: number | null; capUsd: number | null }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [pending, setPending] = useState(false);

  async function save(limit: number | null) {
    setPending(true);
    setSaved(undefined);
    const result = await apiRequest("PUT", `/api/workspaces/${slug}/spend-limit`, { limitUsd: limit });
    setPending(false);
    if (!result.ok) return setError(fieldErrorsFromProblem(result.problem).limitUsd ?? result.problem.detail);
    setError(undefined);
    setSaved(limit === null ? "Limit removed" : "Limit saved");
    router.refresh();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("limitUsd") ?? "")
      .trim()
      .replace(/^\$/, "");
    const value = Number(text);
    if (text === "" || !Number.isFinite(value)) return setError("Enter an amount in US dollars, like 5 or 12.50.");
    void save(value);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 flex flex-wrap items-end gap-3">
      <div className="w-48">
        <TextField
          label="Monthly spend limit (USD)"
          name="limitUsd"
          inputMode="decimal"
          defaultValue={limitUsd ?? ""}
          placeholder={capUsd === null ? "e.g. 100" : `below ${capUsd}`}
          error={error}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…" fullWidth={false}>
        Set limit
      </SubmitButton>
      {limitUsd !== null && (
        <button
          type="button"
          disabled={pending}
          onClick={() => save(null)}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-60"
        >
          Remove limit
        </button>
      )}
      {saved && (
        <span role="status" className="pb-2 text-sm text-green-700">
          {saved}
        </span>
      )}
    </form>
  );
}
