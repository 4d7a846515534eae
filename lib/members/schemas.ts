import { z } from "zod";
import { emailSchema } from "@/lib/auth/credentials-schema";
import { ROLES_BY_RANK } from "./permissions";

export const roleSchema = z.enum(ROLES_BY_RANK);

export const changeRoleSchema = z.strictObject({ role: roleSchema });

export const inviteSchema = z.strictObject({ email: emailSchema, role: roleSchema });
export type InviteInput = z.infer<typeof inviteSchema>;

export const acceptInvitationSchema = z.strictObject({ token: z.string().min(20).max(100) });
