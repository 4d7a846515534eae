// Creating an account with email and password.
import type { SignUpInput } from "@/lib/auth/credentials-schema";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors/app-error";
import { sendInBackground } from "@/lib/mail/send-in-background";
import { sendVerificationEmail } from "./account-emails";

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

export async function signUp(input: SignUpInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  let user: PublicUser;
  try {
    user = await db().user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "An account with this email already exists. Log in instead.");
    }
    throw error;
  }
  // After the answer: a slow or failing mail server must not slow or fail the sign-up.
  sendInBackground("email verification", () => sendVerificationEmail(user));
  return user;
}
