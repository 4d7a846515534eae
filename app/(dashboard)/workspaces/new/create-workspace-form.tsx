"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { fieldErrorsFromProblem, fieldErrorsFromZod, readProblem, type FieldErrors } from "@/lib/forms/field-errors";
import { createWorkspaceSchema } from "@/lib/workspaces/schemas";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAlert(undefined);
    const form = new FormData(event.currentTarget);
    const slug = String(form.get("slug") ?? "").trim();
    const parsed = createWorkspaceSchema.safeParse({ name: form.get("name"), ...(slug && { slug }) });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    setPending(true);
    try {
      const response = await fetch("/api/workspaces", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      if (!response.ok) {
        const problem = await readProblem(response);
        setErrors(fieldErrorsFromProblem(problem));
        setAlert(problem.status === 401 ? "Your session ended. Log in again." : problem.detail);
        return;
      }
      const workspace = (await response.json()) as { slug: string };
      router.push(`/w/${workspace.slug}`);
      router.refresh();
    } catch {
      setAlert("Could not reach AgentHQ. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {alert && <FormAlert>{alert}</FormAlert>}
      <TextField label="Workspace name" name="name" required placeholder="Acme Labs" error={errors.name} />
      <TextField
        label="URL slug (optional)"
        name="slug"
        placeholder="acme-labs"
        hint="Lowercase letters, digits and hyphens. Left empty, we derive it from the name."
        error={errors.slug}
      />
      <SubmitButton pending={pending} pendingLabel="Creating…">Create workspace</SubmitButton>
    </form>
  );
}
