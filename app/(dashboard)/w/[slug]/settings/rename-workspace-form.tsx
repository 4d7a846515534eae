"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem } from "@/lib/forms/field-errors";

export function RenameWorkspaceForm({ slug, name }: { slug: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newName = String(new FormData(event.currentTarget).get("name") ?? "");
    setPending(true);
    setSaved(false);
    const result = await apiRequest("PATCH", `/api/workspaces/${slug}`, { name: newName });
    setPending(false);
    if (!result.ok) return setError(fieldErrorsFromProblem(result.problem).name ?? result.problem.detail);
    setError(undefined);
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 flex items-end gap-3">
      <div className="flex-1">
        <TextField label="Workspace name" name="name" defaultValue={name} required error={error} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…" fullWidth={false}>
        Save
      </SubmitButton>
      {saved && (
        <span role="status" className="pb-2 text-sm text-green-700">
          Saved
        </span>
      )}
    </form>
  );
}
