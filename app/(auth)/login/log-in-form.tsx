"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { LOGIN_ERRORS } from "./login-errors";

export function LogInForm({
  callbackPath,
  providers,
  initialError,
}: {
  callbackPath: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError("Enter your email and password.");
    setError(undefined);
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result?.ok) {
        setError(LOGIN_ERRORS[result?.error ?? ""] ?? LOGIN_ERRORS.default);
        return;
      }
      router.push(callbackPath);
      router.refresh();
    } catch {
      setError("Could not reach AgentHQ. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {error && <FormAlert>{error}</FormAlert>}
        <TextField label="Email" name="email" type="email" autoComplete="email" required />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <SubmitButton pending={pending} pendingLabel="Logging in…">
          Log in
        </SubmitButton>
        <p className="text-right text-sm">
          <a href="/forgot-password" className="text-brand-700 underline">
            Forgot your password?
          </a>
        </p>
      </form>
      {providers.length > 0 && (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          {providers.map((p) => (
            <button
              key={p.id}
              type="button"
              onClick={() => signIn(p.id, { callbackUrl: callbackPath })}
              className="w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
            >
              Continue with {p.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
