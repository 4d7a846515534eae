"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";

export function DeleteWorkspaceForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await apiRequest("DELETE", `/api/workspaces/${slug}`, { confirm });
    if (!result.ok) {
      setPending(false);
      return setError(result.problem.detail);
    }
    router.push("/w");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3">
      <TextField
        label={`Type ${slug} to confirm`}
        name="confirm"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        autoComplete="off"
        error={error}
      />
      <button
        type="submit"
        disabled={pending || confirm !== slug}
        className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-50"
      >
        {pending ? "Deleting…" : "Delete workspace"}
      </button>
    </form>
  );
}
