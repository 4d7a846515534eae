"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, fieldErrorsFromZod, type FieldErrors } from "@/lib/forms/field-errors";
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
    const result = await apiRequest<{ slug: string }>("POST", "/api/workspaces", parsed.data);
    setPending(false);
    if (!result.ok) {
      setErrors(fieldErrorsFromProblem(result.problem));
      setAlert(result.problem.status === 401 ? "Your session ended. Log in again." : result.problem.detail);
      return;
    }
    router.push(`/w/${result.data.slug}`);
    router.refresh();
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
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create workspace
      </SubmitButton>
    </form>
  );
}
