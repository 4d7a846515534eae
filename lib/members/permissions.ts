// Permissions are data: one table from role to what it may do, and every check asks it. Most routes and
// pages declare the permission they need. Where the answer depends on whom an action touches as well as
// who asks, the route declares only membership ("workspace:read") and the domain function decides: the
// member routes call lib/members/change-members.ts, which lets anyone step down or leave, asks this table
// (members:update, members:remove) before touching someone else, and adds the rules about owners.
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

/** Higher is more powerful; used for "nobody raises their own role" and "admins cannot touch owners". */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** Every role, most powerful first (owner, admin, member, viewer): the order forms and pickers list them in. */
export const ROLES_BY_RANK = (Object.keys(ROLE_RANK) as Role[]).sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a]) as [Role, ...Role[]];

const ALL: Role[] = ROLES_BY_RANK;
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
