// A local SMTP server standing in for a real mail provider: it accepts every message and keeps it,
// so tests can follow the links AgentHQ emails.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  raw: string;
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
    linkFor(to: string, path: string): string {
      const mail = [...inbox].reverse().find((m) => m.to.includes(to));
      const text = mail?.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      const match = text?.match(new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`));
      if (!match) throw new Error(`no ${path} link mailed to ${to}`);
      return match[0];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
