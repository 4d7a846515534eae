// API key secrets: `ahq_live_` + 40 base62 characters from the CSPRNG (about 238 bits). Only the
// SHA-256 of the whole key, the prefix and the last 4 characters are ever stored.
import { createHash, randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const KEY_PREFIX = "ahq_live_";
const SECRET_LENGTH = 40;
export const API_KEY_PATTERN = /^ahq_(live|test)_[0-9A-Za-z]{32,64}$/;

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: rejecting bytes above it keeps every character equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey() {
  const key = KEY_PREFIX + randomBase62(SECRET_LENGTH);
  return { key, prefix: KEY_PREFIX, last4: key.slice(-4), hash: hashApiKey(key) };
}
