import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { problemResponse } from "./problem";

describe("problem responses", () => {
  it("maps an AppError to its status and code", async () => {
    const response = problemResponse(new AppError("conflict", "Taken."), "req-1");
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(await response.json()).toMatchObject({
      type: "https://agenthq.dev/errors/conflict",
      status: 409,
      code: "conflict",
      detail: "Taken.",
    });
  });

  it("lists zod errors field by field", async () => {
    const error = z.object({ email: z.email() }).safeParse({ email: "x" }).error!;
    const body = await problemResponse(error, "req-2").json();
    expect(body.status).toBe(400);
    expect(body.errors).toEqual([{ path: "email", message: expect.any(String) }]);
  });

  it("never reveals an unknown error's message or stack", async () => {
    const response = problemResponse(new Error("password=hunter2 at db.ts:42"), "req-3");
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("db.ts");
  });
});
