"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setPending(true);
    const result = await apiRequest<{ detail: string }>("POST", "/api/auth/password-reset", { email });
    setPending(false);
    if (!result.ok) return setError(result.problem.errors?.[0]?.message ?? result.problem.detail);
    setError(undefined);
    setSent(result.data.detail);
  }

  if (sent)
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {sent}
      </p>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <FormAlert>{error}</FormAlert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
