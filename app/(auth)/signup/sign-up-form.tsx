"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { signUpSchema } from "@/lib/auth/credentials-schema";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, fieldErrorsFromZod, type FieldErrors } from "@/lib/forms/field-errors";

/** `next` is where a new user goes once signed in: their first workspace, or an invitation. */
export function SignUpForm({ next, email }: { next: string; email?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<{ message: string; taken?: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAlert(null);
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password") });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    setPending(true);
    const created = await apiRequest("POST", "/api/auth/signup", parsed.data);
    if (!created.ok) {
      setPending(false);
      setErrors(fieldErrorsFromProblem(created.problem));
      setAlert({ message: created.problem.detail ?? "Could not create the account.", taken: created.problem.status === 409 });
      return;
    }
    const login = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false }).catch(
      () => null,
    );
    setPending(false);
    router.push(login?.ok ? next : "/login");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {alert && (
        <FormAlert>
          {alert.message}
          {alert.taken && (
            <>
              {" "}
              <Link href="/login" className="font-medium underline">
                Log in
              </Link>
            </>
          )}
        </FormAlert>
      )}
      <TextField label="Name" name="name" autoComplete="name" required error={errors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={email} error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters, mixing letters with numbers or symbols."
        error={errors.password}
      />
      <SubmitButton pending={pending} pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
