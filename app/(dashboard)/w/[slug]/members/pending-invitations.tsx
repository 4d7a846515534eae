"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/lib/forms/api-request";
import type { PendingInvitation } from "@/lib/invitations/invitations";

export function PendingInvitations({
  slug,
  invitations,
  canRevoke,
}: {
  slug: string;
  invitations: PendingInvitation[];
  canRevoke: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();

  async function revoke(id: string) {
    const result = await apiRequest("DELETE", `/api/workspaces/${slug}/invitations/${id}`);
    if (!result.ok) return setError(result.problem.detail);
    router.refresh();
  }

  return (
    <>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
      <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200">
        {invitations.map((inv) => (
          <li key={inv.id} className="flex items-center justify-between gap-4 px-4 py-2 text-sm">
            <span>
              {inv.email}{" "}
              <span className="text-slate-500">
                as {inv.role}, expires {new Date(inv.expiresAt).toLocaleDateString("en-US")}
              </span>
            </span>
            {canRevoke && (
              <button type="button" onClick={() => revoke(inv.id)} className="rounded-md px-2 py-1 text-red-700 hover:bg-red-50">
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
