// A local SMTP server standing in for a real mail provider: it accepts every message and keeps it,
// so tests can follow the links AgentHQ emails.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface DecodedMail {
  subject: string;
  text: string;
}

/** Subject and body of a single-part message as nodemailer writes it (7bit, quoted-printable or base64). */
function decodeMail(raw: string): DecodedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1] ?? "";
  const subject = header("subject").replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : quotedPrintable(data.replace(/_/g, " ")),
  );
  const encoding = header("content-transfer-encoding").toLowerCase();
  const text =
    encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : encoding === "quoted-printable" ? quotedPrintable(body) : body;
  return { subject, text: text.replace(/\r\n/g, "\n") };
}

function quotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

export async function startSmtpStandIn() {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    /** The first link to this app in the newest mail to `to` (quoted-printable soft breaks undone). */
    /** `linkFor`, once the mail has arrived (mail sent after an answer comes a moment later). */
    async waitForLink(to: string, path: string, timeoutMs = 5_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          return this.linkFor(to, path);
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    },
    linkFor(to: string, path: string): string {
      // The newest mail to `to` that carries such a link (mails sent in the background may interleave).
      const pattern = new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`);
      const texts = [...inbox]
        .reverse()
        .filter((m) => m.to.includes(to))
        .map((m) => m.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "="));
      const match = texts.map((text) => text.match(pattern)).find(Boolean);
      if (!match) throw new Error(`no ${path} link mailed to ${to}`);
      return match[0];
    },
    /** Every message to `to`, oldest first, with its subject and text decoded. */
    messagesFor(to: string): DecodedMail[] {
      return inbox.filter((m) => m.to.includes(to)).map((m) => decodeMail(m.raw));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
