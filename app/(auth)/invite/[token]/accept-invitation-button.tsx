"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { apiRequest } from "@/lib/forms/api-request";

export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function accept() {
    setPending(true);
    const result = await apiRequest<{ slug: string }>("POST", "/api/invitations/accept", { token });
    if (!result.ok) {
      setPending(false);
      return setError(result.problem.detail);
    }
    router.push(`/w/${result.data.slug}`);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {error && <FormAlert>{error}</FormAlert>}
      <button
        type="button"
        onClick={accept}
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Joining…" : "Accept invitation"}
      </button>
    </div>
  );
}
