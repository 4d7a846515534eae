"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TableHead } from "@/components/ui/table-head";
import type { ApiKeyView } from "@/lib/api-keys/manage-keys";
import { apiRequest } from "@/lib/forms/api-request";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }) : "never");

export function KeyList({ slug, keys, canRevoke }: { slug: string; keys: ApiKeyView[]; canRevoke: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();

  async function revoke(key: ApiKeyView) {
    const result = await apiRequest("DELETE", `/api/workspaces/${slug}/keys/${key.id}`);
    if (!result.ok) return setError(result.problem.detail);
    router.refresh();
  }

  if (keys.length === 0) return <p className="mt-3 text-sm text-slate-600">No keys yet.</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-600">
          {error}
        </p>
      )}
      <table className="w-full min-w-[44rem] text-left text-sm">
        <TableHead columns={["Name", "Key", "Scopes", "Last used", "Expires", { srOnly: "Actions" }]} />
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-b border-slate-100" data-testid={`key-${key.name}`}>
              <td className="py-2 pr-4">{key.name}</td>
              <td className="py-2 pr-4 font-mono text-xs">{key.display}</td>
              <td className="py-2 pr-4 font-mono text-xs">{key.scopes.join(" ")}</td>
              <td className="py-2 pr-4">{when(key.lastUsedAt)}</td>
              <td className="py-2 pr-4">{key.expiresAt ? when(key.expiresAt) : "never"}</td>
              <td className="py-2 text-right">
                {key.revokedAt ? (
                  <span className="text-slate-500">Revoked</span>
                ) : (
                  canRevoke && (
                    <ConfirmButton
                      title={`Revoke “${key.name}”?`}
                      description="Programs using it stop working within seconds. This cannot be undone."
                      confirmLabel="Revoke key"
                      onConfirm={() => revoke(key)}
                      className="rounded-md px-2 py-1 text-red-700 hover:bg-red-50"
                    >
                      Revoke
                    </ConfirmButton>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
