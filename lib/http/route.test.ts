import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { problemResponse } from "./problem";
import { json, jsonOf, ResponseShapeError, route } from "./route";

const viewSchema = z.object({ id: z.string(), name: z.string(), archivedAt: z.iso.datetime().optional() });

describe("jsonOf", () => {
  it("answers the value as its schema shapes it: a field the schema does not name never leaves", async () => {
    const row = { id: "a1", name: "Acme", passwordHash: "$argon2id$…", workspaceId: "w1" };
    const response = jsonOf(viewSchema, row, 201, { "cache-control": "no-store" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ id: "a1", name: "Acme" });
  });

  it("treats a value that does not fit as our bug: a generic 500 naming no value, never the client's 400", async () => {
    let thrown: unknown;
    try {
      jsonOf(viewSchema, { id: "a1", name: 7 as unknown as string });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ResponseShapeError);
    expect((thrown as Error).message).toContain("name:");
    const answer = problemResponse(thrown, "req-1");
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ code: "internal", requestId: "req-1" });
  });
});

describe("route response headers", () => {
  const call = (handler: Parameters<typeof route>[0]) =>
    route(handler)(new Request("https://agenthq.test/api/x"), { params: Promise.resolve({}) });

  it("adds the headers the handler set to its answer, over the answer's own of the same name", async () => {
    const response = await call(async (c) => {
      c.responseHeaders.set("ratelimit-remaining", "9");
      return json({ ok: true }, 200, { "ratelimit-remaining": "stale", "cache-control": "no-store" });
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("ratelimit-remaining")).toBe("9");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("adds them to the problem answer of what the handler threw, beside the error's own headers", async () => {
    const response = await call(async (c) => {
      c.responseHeaders.set("ratelimit-limit", "60");
      throw new AppError("rate_limited", "Slow down.", { headers: { "retry-after": "7" } });
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("ratelimit-limit")).toBe("60");
    expect(response.headers.get("retry-after")).toBe("7");
  });
});
