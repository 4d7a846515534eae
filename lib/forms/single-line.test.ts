import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createKeySchema } from "@/lib/api-keys/schemas";
import { signUpSchema } from "@/lib/auth/credentials-schema";
import { SINGLE_LINE_MESSAGE } from "@/lib/forms/single-line";
import { problemResponse } from "@/lib/http/problem";
import { readJson } from "@/lib/http/read-json";
import { createWorkspaceSchema, renameWorkspaceSchema } from "@/lib/workspaces/schemas";

const FORMS: [string, z.ZodType, Record<string, unknown>][] = [
  ["workspace create", createWorkspaceSchema, {}],
  ["workspace rename", renameWorkspaceSchema, {}],
  ["sign-up", signUpSchema, { email: "ada@example.com", password: "analytical-engine-1843" }],
  ["API key", createKeySchema, {}],
];

const NOT_ONE_LINE = ["\n", "\r", "\t", "\u0000", "\u007f", "\u0085", "\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069"];

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** What a route answers for this body: the parsed value, or its problem+json status and body. */
async function answer(schema: z.ZodType, body: unknown) {
  const request = new Request("http://test/x", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  try {
    return { status: 200, value: await readJson(request, schema) };
  } catch (error) {
    const response = problemResponse(error, "req");
    return { status: response.status, body: await response.json() };
  }
}

describe("names are one line of text", () => {
  describe.each(FORMS)("%s", (_, schema, rest) => {
    it.each(NOT_ONE_LINE.map((c) => [codePoint(c), c]))("refuses a name containing %s with a 400 field error", async (_, c) => {
      const result = await answer(schema, { ...rest, name: `Acme${c}Click http://evil.example` });
      expect(result.status).toBe(400);
      expect(result.body.errors).toContainEqual({ path: "name", message: expect.any(String) });
    });

    it("says why", async () => {
      expect((await answer(schema, { ...rest, name: "Acme\u2028Support" })).body.errors).toEqual([
        { path: "name", message: SINGLE_LINE_MESSAGE },
      ]);
    });

    it("refuses a trailing line break rather than trimming it away", async () => {
      expect((await answer(schema, { ...rest, name: "Acme\n" })).status).toBe(400);
    });

    it("accepts names in any script, with punctuation and surrounding spaces trimmed", async () => {
      for (const name of [
        "Acme, Inc. \u2014 Z\u00fcrich",
        "O'Brien & Sons",
        "\u6771\u4eac\u30c1\u30fc\u30e0",
        "\u05e6\u05d5\u05d5\u05ea \u05e9\u05dc\u05e0\u05d5",
        "  Ada  ",
      ]) {
        const result = await answer(schema, { ...rest, name });
        expect(result).toMatchObject({ status: 200, value: { name: name.trim() } });
      }
    });
  });
});
