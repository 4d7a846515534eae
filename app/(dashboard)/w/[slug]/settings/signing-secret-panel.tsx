"use client";

import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { apiRequest } from "@/lib/forms/api-request";

/** Reveals or rotates the secret HTTP tool requests are signed with, for the customer's endpoint to verify. */
export function SigningSecretPanel({ slug }: { slug: string }) {
  const [secret, setSecret] = useState<string>();
  const [error, setError] = useState<string>();
  const url = `/api/workspaces/${slug}/tool-signing-secret`;
  const load = async (method: "GET" | "POST") => {
    const result = await apiRequest<{ secret: string }>(method, url);
    if (result.ok) setSecret(result.data.secret);
    else setError(result.problem.detail);
  };
  return (
    <div className="mt-3 space-y-2 text-sm">
      {secret ? (
        <code data-testid="signing-secret" className="block break-all rounded bg-slate-50 p-2 font-mono text-xs">
          {secret}
        </code>
      ) : (
        <button type="button" onClick={() => load("GET")} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">
          Reveal signing secret
        </button>
      )}
      <ConfirmButton
        title="Rotate the signing secret?"
        description="Requests signed with the current secret stop verifying at once: update your endpoint with the new one."
        confirmLabel="Rotate"
        onConfirm={() => load("POST")}
        className="ml-0 rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 sm:ml-2"
      >
        Rotate
      </ConfirmButton>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
