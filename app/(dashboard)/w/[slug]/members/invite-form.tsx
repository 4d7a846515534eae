"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { apiRequest } from "@/lib/forms/api-request";
import { fieldErrorsFromProblem, type FieldErrors } from "@/lib/forms/field-errors";

interface Created {
  email: string;
  delivery: "sent" | "logged";
  acceptUrl?: string;
}

export function InviteForm({ slug, actorRole }: { slug: string; actorRole: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string>();
  const [created, setCreated] = useState<Created>();
  const [pending, setPending] = useState(false);
  const roles = actorRole === "owner" ? ["member", "viewer", "admin", "owner"] : ["member", "viewer", "admin"];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setAlert(undefined);
    setCreated(undefined);
    const result = await apiRequest<Created>("POST", `/api/workspaces/${slug}/invitations`, {
      email: String(form.get("email") ?? ""),
      role: String(form.get("role") ?? "member"),
    });
    setPending(false);
    if (!result.ok) {
      setErrors(fieldErrorsFromProblem(result.problem));
      return setAlert(result.problem.detail);
    }
    setErrors({});
    setCreated(result.data);
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
      {alert && <FormAlert>{alert}</FormAlert>}
      {created && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          {created.delivery === "sent" ? (
            <>Invitation emailed to {created.email}.</>
          ) : (
            <>
              Email is not configured, so send {created.email} this link yourself (it works once, for 7 days):
              <input
                readOnly
                aria-label="Invitation link"
                value={created.acceptUrl}
                onFocus={(e) => e.currentTarget.select()}
                className="mt-2 block w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs"
              />
            </>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <TextField label="Email" name="email" type="email" required error={errors.email} />
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="member" className="mt-1 rounded-md border border-slate-300 px-2 py-2 text-sm">
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pending={pending} pendingLabel="Inviting…" fullWidth={false}>
          Send invitation
        </SubmitButton>
      </div>
    </form>
  );
}
