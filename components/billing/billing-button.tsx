"use client";

// A button that asks AgentHQ for a Stripe URL (Checkout or Customer Portal) and sends the browser there.
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { apiRequest } from "@/lib/forms/api-request";

export function BillingButton({
  endpoint,
  body,
  label,
  primary = false,
}: {
  endpoint: string;
  body?: unknown;
  label: string;
  primary?: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function go() {
    setPending(true);
    setError(null);
    const result = await apiRequest<{ url: string }>("POST", endpoint, body);
    if (result.ok) {
      window.location.assign(result.data.url);
      return; // keep the button busy while the browser leaves
    }
    setError(result.problem.detail ?? "Something went wrong. Try again.");
    setPending(false);
  }

  const style = primary
    ? "bg-brand-600 text-white hover:bg-brand-700"
    : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50";
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={go}
        disabled={pending}
        className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${style}`}
      >
        {pending ? "Opening Stripe…" : label}
      </button>
      {error && <FormAlert>{error}</FormAlert>}
    </div>
  );
}
