// Gives @upstash/ratelimit the two Redis calls it makes (eval, evalsha) on a plain Redis via ioredis.
// The library's Lua scripts start with an Upstash-only shebang (`#!lua flags=allow-key-locking`) that
// Redis rejects, so the line is stripped before EVAL, and the library's hash of the original script is
// mapped to the stripped script's hash for EVALSHA. On NOSCRIPT the library falls back to eval.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const stripShebang = (script: string) => script.replace(/^#!lua[^\n]*\n/, "");
const toArgs = (values: unknown[]) => values.map((v) => (v === null || v === undefined ? "" : String(v)));

export class IoRedisAdapter {
  private readonly strippedHashes = new Map<string, string>();

  constructor(private readonly client: Redis) {}

  async eval(script: string, keys: string[], args: unknown[]): Promise<unknown> {
    const stripped = stripShebang(script);
    this.strippedHashes.set(sha1(script), sha1(stripped));
    return this.client.eval(stripped, keys.length, ...keys, ...toArgs(args));
  }

  async evalsha(hash: string, keys: string[], args: unknown[]): Promise<unknown> {
    const strippedHash = this.strippedHashes.get(hash);
    if (!strippedHash) throw new Error("NOSCRIPT script not loaded through this adapter yet");
    return this.client.evalsha(strippedHash, keys.length, ...keys, ...toArgs(args));
  }
}
