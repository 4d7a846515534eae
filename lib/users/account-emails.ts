// The emails an account receives, each carrying one single-use link.
import { appUrl } from "@/config/env";
import { sendMail } from "@/lib/mail/send-mail";
import { issueUserToken } from "./user-tokens";

interface Recipient {
  id: string;
  email: string;
}

export async function sendVerificationEmail(user: Recipient) {
  const link = `${appUrl}/verify-email/${await issueUserToken(user.id, "verify_email")}`;
  return sendMail({
    to: user.email,
    subject: "Confirm your email for AgentHQ",
    text: `Confirm that this is your email address:\n\n${link}\n\nThe link works once and expires in 48 hours.`,
    link,
  });
}

export async function sendPasswordResetEmail(user: Recipient) {
  const link = `${appUrl}/reset-password/${await issueUserToken(user.id, "reset_password")}`;
  return sendMail({
    to: user.email,
    subject: "Reset your AgentHQ password",
    text: `Someone (hopefully you) asked to reset your password. Choose a new one here:\n\n${link}\n\nThe link works once and expires in 1 hour. If you did not ask, ignore this email.`,
    link,
  });
}

export async function sendUnlockEmail(user: Recipient) {
  const link = `${appUrl}/unlock/${await issueUserToken(user.id, "unlock_account")}`;
  return sendMail({
    to: user.email,
    subject: "Your AgentHQ account was locked",
    text: `After several failed log-in attempts your account is locked for 15 minutes. If that was you, unlock it now:\n\n${link}\n\nIf it was not you, consider resetting your password.`,
    link,
  });
}
