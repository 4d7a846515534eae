// Input schemas for sign-up and log-in, shared by the API routes and the forms.
import { z } from "zod";
import { singleLineText } from "@/lib/forms/single-line";

/** A handful of the most common passwords that pass the length rule; the real defence is length. */
const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "qwertyuiop",
  "1234567890",
  "123456789a",
  "iloveyou123",
  "passw0rd123",
  "administrator",
  "letmein1234",
  "welcome1234",
  "qwerty12345",
  "abc1234567",
]);

export const emailSchema = z.string().trim().toLowerCase().max(254, "Email is too long.").pipe(z.email("Enter a valid email address."));

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p), "Mix letters with numbers or symbols.")
  .refine((p) => new Set(p).size >= 5, "Use more varied characters.")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common.");

export const signUpSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: singleLineText(100, "Enter your name."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const logInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const emailOnlySchema = z.strictObject({ email: emailSchema });

export const tokenSchema = z.strictObject({ token: z.string().min(20).max(100) });

export const resetPasswordSchema = z.strictObject({ token: z.string().min(20).max(100), password: passwordSchema });

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: passwordSchema,
});
