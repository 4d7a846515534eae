"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { apiRequest } from "@/lib/forms/api-request";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Member } from "@/lib/members/list-members";
import { ROLE_RANK, ROLES_BY_RANK } from "@/lib/members/permissions";

export function MemberRow({
  slug,
  member,
  isSelf,
  actorRole,
  canManage,
}: {
  slug: string;
  member: Member;
  isSelf: boolean;
  actorRole: Role;
  canManage: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const url = `/api/workspaces/${slug}/members/${member.userId}`;
  // Owners may grant any role; admins anything but owner; anyone may step down.
  const choices = ROLES_BY_RANK.filter((r) => (actorRole === "owner" ? true : r !== "owner"));

  async function run(method: "PATCH" | "DELETE", body?: unknown, after?: () => void) {
    setPending(true);
    setError(undefined);
    const result = await apiRequest(method, url, body);
    setPending(false);
    if (!result.ok) return setError(result.problem.detail ?? "That did not work.");
    if (after) after();
    else router.refresh();
  }

  return (
    <tr className="border-b border-slate-100 align-top" data-testid={`member-${member.email}`}>
      <td className="py-2 pr-4">
        {member.name}
        {isSelf && <span className="ml-1 text-slate-500">(you)</span>}
      </td>
      <td className="py-2 pr-4">{member.email}</td>
      <td className="py-2 pr-4">
        {canManage || isSelf ? (
          <select
            aria-label={`Role of ${member.email}`}
            value={member.role}
            disabled={pending}
            onChange={(e) => run("PATCH", { role: e.target.value })}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {(isSelf && !canManage ? ROLES_BY_RANK.filter((r) => ROLE_RANK[r] <= ROLE_RANK[member.role]) : choices).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          <span className="capitalize">{member.role}</span>
        )}
        {error && (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {error}
          </p>
        )}
      </td>
      <td className="py-2 text-right">
        {(canManage || isSelf) && (
          <ConfirmButton
            disabled={pending}
            title={isSelf ? "Leave this workspace?" : `Remove ${member.email}?`}
            description={
              isSelf
                ? "You lose access at once; an owner can invite you again."
                : "They lose access to this workspace at once; you can invite them again."
            }
            confirmLabel={isSelf ? "Leave" : "Remove"}
            onConfirm={() => void run("DELETE", undefined, isSelf ? () => router.push("/w") : undefined)}
            className="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50"
          >
            {isSelf ? "Leave" : "Remove"}
          </ConfirmButton>
        )}
      </td>
    </tr>
  );
}
