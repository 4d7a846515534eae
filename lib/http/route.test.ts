import { describe, expect, it } from "vitest";
import { z } from "zod";
import { problemResponse } from "./problem";
import { jsonOf, ResponseShapeError } from "./route";

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
