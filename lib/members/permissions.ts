// Permissions are data: one table from role to what it may do. Routes and pages declare the permission
// they need; nothing else decides.
import { AppError } from "@/lib/http/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES: Role[] = ["owner", "admin", "member", "viewer"];

/** Higher is more powerful; used for "nobody raises their own role" and "admins cannot touch owners". */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

const ALL: Role[] = ["owner", "admin", "member", "viewer"];
const EDITORS: Role[] = ["owner", "admin", "member"];
const MANAGERS: Role[] = ["owner", "admin"];
const OWNERS: Role[] = ["owner"];

export const PERMISSIONS = {
  "workspace:read": ALL,
  "workspace:update": MANAGERS,
  "workspace:delete": OWNERS,
  "members:read": ALL,
  "members:invite": MANAGERS,
  "members:update": MANAGERS,
  "members:remove": MANAGERS,
  "keys:read": ALL,
  "keys:create": EDITORS,
  "keys:manage-all": MANAGERS,
  "runs:read": ALL,
  "runs:write": EDITORS,
  "agents:write": EDITORS,
  "usage:read": ALL,
  "billing:read": OWNERS,
  "billing:manage": OWNERS,
  "spend:manage": OWNERS,
  "secrets:manage": OWNERS,
  "audit:read": MANAGERS,
  "webhooks:manage": MANAGERS,
  /** The API key scope of the webhook routes (a key's scopes are permissions of its creator's role). */
  "webhooks:write": MANAGERS,
} as const satisfies Record<string, Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new AppError("forbidden", `Your role (${role}) does not allow this (${permission}).`);
  }
}

/**
 * Whether a member with `role` may bring someone into the workspace as `invited`: managers invite, and only
 * an owner invites an owner. Asked when the invitation is sent and again, of the inviter's role at that
 * moment, when it is accepted.
 */
export function canInviteAs(role: Role, invited: Role): boolean {
  return can(role, "members:invite") && (invited !== "owner" || role === "owner");
}

export function assertCanInviteAs(role: Role, invited: Role): void {
  assertCan(role, "members:invite");
  if (!canInviteAs(role, invited)) throw new AppError("forbidden", "Only an owner can invite an owner.");
}
