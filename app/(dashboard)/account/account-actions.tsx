"use client";

import { useState, type FormEvent } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { signOutHere } from "@/lib/auth/sign-out-here";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, type FieldErrors } from "@/lib/forms/field-errors";

const sectionClass = "mt-8 rounded-xl border border-slate-200 bg-white p-5";
const buttonClass = "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60";

export function AccountActions({
  emailVerified,
  hasPassword,
  sessionCount,
  mailConfigured,
}: {
  emailVerified: boolean;
  hasPassword: boolean;
  sessionCount: number;
  mailConfigured: boolean;
}) {
  return (
    <>
      <EmailSection verified={emailVerified} mailConfigured={mailConfigured} />
      {hasPassword && <PasswordSection />}
      <SessionsSection count={sessionCount} />
    </>
  );
}

/** Without SMTP_URL no mail leaves the server: lib/mail/send-mail.ts writes the message and its link to the log. */
const MAIL_OFF = "Mail is off on this install: the link was written to the server's log.";

function EmailSection({ verified, mailConfigured }: { verified: boolean; mailConfigured: boolean }) {
  const [message, setMessage] = useState<string>();
  async function resend() {
    const result = await apiRequest<{ delivery: string }>("POST", "/api/auth/verify-email");
    setMessage(!result.ok ? result.problem.detail : result.data.delivery === "sent" ? "A new confirmation link is on its way." : MAIL_OFF);
  }
  return (
    <section className={sectionClass}>
      <h2 className="font-semibold">Email</h2>
      {verified ? (
        <p className="mt-1 text-sm text-green-700">Your email address is confirmed.</p>
      ) : (
        <div className="mt-1 space-y-2 text-sm">
          <p className="text-amber-800">
            Your email address is not confirmed yet.{" "}
            {mailConfigured
              ? "Follow the link we emailed you, or send a new one."
              : "Mail is off on this install: the confirmation link was written to the server's log, not emailed."}
          </p>
          <button type="button" onClick={resend} className={buttonClass}>
            Send a new confirmation link
          </button>
          {message && <p role="status">{message}</p>}
        </div>
      )}
    </section>
  );
}

function PasswordSection() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setDone(false);
    const result = await apiRequest("POST", "/api/account/password", {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    setPending(false);
    if (!result.ok) {
      const fields = fieldErrorsFromProblem(result.problem);
      setErrors(fields);
      return setAlert(Object.keys(fields).length ? undefined : result.problem.detail);
    }
    setErrors({});
    setAlert(undefined);
    setDone(true);
    formElement.reset();
  }

  return (
    <section className={sectionClass}>
      <h2 className="font-semibold">Change password</h2>
      <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
        {alert && <FormAlert>{alert}</FormAlert>}
        {done && (
          <p role="status" className="text-sm text-green-700">
            Password changed. Your other sessions were logged out.
          </p>
        )}
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          error={errors.newPassword}
          hint="At least 10 characters, mixing letters with numbers or symbols."
        />
        <SubmitButton pending={pending} pendingLabel="Saving…" fullWidth={false}>
          Change password
        </SubmitButton>
      </form>
    </section>
  );
}

function SessionsSection({ count }: { count: number }) {
  const [pending, setPending] = useState(false);
  async function logOutEverywhere() {
    setPending(true);
    await apiRequest("DELETE", "/api/account/sessions");
    await signOutHere();
  }
  return (
    <section className={sectionClass}>
      <h2 className="font-semibold">Sessions</h2>
      <p className="mt-1 text-sm text-slate-600">
        You are logged in on {count} {count === 1 ? "device or browser" : "devices or browsers"}.
      </p>
      <ConfirmButton
        onConfirm={logOutEverywhere}
        disabled={pending}
        title="Log out everywhere?"
        description="Every device and browser logged in to your account is logged out, this one included."
        confirmLabel="Log out everywhere"
        className="mt-3 rounded-md border border-red-300 px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? "Logging out…" : "Log out everywhere"}
      </ConfirmButton>
    </section>
  );
}
