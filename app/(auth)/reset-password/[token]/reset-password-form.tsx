"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem } from "@/lib/forms/field-errors";

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    const result = await apiRequest("POST", "/api/auth/password-reset/confirm", { token, password });
    setPending(false);
    if (!result.ok) {
      const fields = fieldErrorsFromProblem(result.problem);
      setFieldError(fields.password);
      return setError(fields.password ? undefined : result.problem.detail);
    }
    setDone(true);
  }

  if (done) {
    return (
      <p role="status" className="text-sm">
        Your password was changed.{" "}
        <Link href="/login" className="font-medium text-brand-700 underline">
          Log in
        </Link>
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <FormAlert>{error}</FormAlert>}
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError}
        hint="At least 10 characters, mixing letters with numbers or symbols."
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
