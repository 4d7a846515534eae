// Reads a JSON request body with a size limit, refuses hostile text in it, and validates it with a zod schema.
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { assertSafeJson } from "./hostile-text";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The body as UTF-8 text, refused with 413 past `limit` bytes (checked while reading, not only declared). */
export async function readLimitedText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("invalid_request", "The body is not valid UTF-8.");
  }
}

function tooLarge(limit: number) {
  return new AppError("payload_too_large", `Request bodies are limited to ${limit} bytes.`);
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S, limit = MAX_BODY_BYTES): Promise<z.infer<S>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.");
  }
  const text = await readLimitedText(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The body is not valid JSON.");
  }
  assertSafeJson(value);
  return schema.parse(value);
}
