import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readJson } from "./read-json";

const schema = z.strictObject({ name: z.string() });
const post = (body: BodyInit, contentType = "application/json", headers: Record<string, string> = {}) =>
  new Request("http://test/x", { method: "POST", body, headers: { "content-type": contentType, ...headers } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof AppError ? error.code : `unexpected: ${String(error)}`;
  }
}

describe("readJson", () => {
  it("parses a valid body", async () => {
    expect(await readJson(post('{"name":"x"}'), schema)).toEqual({ name: "x" });
  });

  it("answers each kind of bad body with its own 4xx code", async () => {
    expect(await codeOf(readJson(post("{nope"), schema))).toBe("invalid_request");
    expect(await codeOf(readJson(post("name=x", "application/x-www-form-urlencoded"), schema))).toBe("unsupported_media_type");
    expect(await codeOf(readJson(post(new Uint8Array([0xff, 0xfe, 0x22])), schema))).toBe("invalid_request");
    expect(await codeOf(readJson(post("x".repeat(2048)), schema, 1024))).toBe("payload_too_large");
  });

  it("counts the bytes it reads even when Content-Length lies", async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode("x".repeat(512)));
        controller.close();
      },
    });
    const request = new Request("http://test/x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await codeOf(readJson(request, schema, 1024))).toBe("payload_too_large");
  });

  it("refuses a NUL or a lone surrogate in any string or key, even where the schema takes anything", async () => {
    const anything = z.record(z.string(), z.unknown());
    expect(await codeOf(readJson(post(JSON.stringify({ name: "a\u0000b" })), schema))).toBe("invalid_request");
    expect(await codeOf(readJson(post(JSON.stringify({ meta: { "k\u0000": 1 } })), anything))).toBe("invalid_request");
    expect(await codeOf(readJson(post('{"meta":["\\ud800"]}'), anything))).toBe("invalid_request");
    expect(await readJson(post('{"meta":"\\ud83d\\udd25"}'), anything)).toEqual({ meta: "🔥" });
  });

  it("rejects unknown fields through the strict schema", async () => {
    await expect(readJson(post('{"name":"x","admin":true}'), schema)).rejects.toBeInstanceOf(z.ZodError);
  });
});
