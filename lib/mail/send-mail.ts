// Outgoing email. With SMTP_URL set, mail goes through that server (nodemailer); without it, the
// message and its link are written to the log so a self-hoster can still act on it.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/config/env";
import { logger } from "@/lib/log/logger";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The one link the mail is about, logged when there is no SMTP server. */
  link?: string;
}

export type Delivery = "sent" | "logged";

let transporter: Transporter | undefined;

export const mailConfigured = () => Boolean(env.SMTP_URL);

export async function sendMail(mail: Mail): Promise<Delivery> {
  if (!env.SMTP_URL) {
    logger.info("email not sent: SMTP_URL is not set", { to: mail.to, subject: mail.subject, link: mail.link });
    return "logged";
  }
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  await transporter.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  return "sent";
}
