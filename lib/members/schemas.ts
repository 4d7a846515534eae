import { z } from "zod";
import { emailSchema } from "@/lib/auth/credentials-schema";

export const roleSchema = z.enum(["owner", "admin", "member", "viewer"]);

export const changeRoleSchema = z.strictObject({ role: roleSchema });

export const inviteSchema = z.strictObject({ email: emailSchema, role: roleSchema });
export type InviteInput = z.infer<typeof inviteSchema>;

export const acceptInvitationSchema = z.strictObject({ token: z.string().min(20).max(100) });
