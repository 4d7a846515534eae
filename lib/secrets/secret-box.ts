// Encryption of workspace secrets at rest: AES-256-GCM with the server's SECRETS_KEY (32 bytes, from
// the environment; `npm start` generates one into DATA_DIR on the embedded default). A sealed value is
// "v1.<iv>.<tag>.<ciphertext>" in base64url; the workspace id and the secret's name are bound in as
// associated data, so a sealed value copied to another workspace or name does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/config/env";
import { AppError } from "@/lib/errors/app-error";

function key(): Buffer {
  if (!env.SECRETS_KEY) {
    throw new AppError("conflict", "Secrets are not configured on this installation: an administrator must set SECRETS_KEY.");
  }
  return Buffer.from(env.SECRETS_KEY, "base64");
}

const aad = (context: string) => Buffer.from(context, "utf8");

export function seal(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function open(sealed: string, context: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAAD(aad(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
