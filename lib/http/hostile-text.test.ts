import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertSafeJson, assertSafeParams, assertSafeUrl, hostileTextProblem } from "./hostile-text";

function refusal(check: () => void): AppError | "accepted" {
  try {
    check();
    return "accepted";
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("hostile text", () => {
  it("names a NUL and a lone surrogate, and nothing else", () => {
    expect(hostileTextProblem("a\u0000b")).toMatch(/NUL/);
    expect(hostileTextProblem("\ud800")).toMatch(/surrogate/);
    expect(hostileTextProblem("x\udc00")).toMatch(/surrogate/);
    expect(hostileTextProblem("\udc00\ud800")).toMatch(/surrogate/);
    for (const fine of ["", "plain", "résumé", "🔥 emoji (a surrogate pair)", "tab\tand\nnewline", "\\u0000 as six characters"]) {
      expect(hostileTextProblem(fine), fine).toBeNull();
    }
  });

  it("refuses a URL whose path or query is NUL, or cannot be percent-decoded", () => {
    const check = (url: string) => refusal(() => assertSafeUrl(new URL(url)));
    expect(check("http://t/api/v1/runs/%00")).toMatchObject({ code: "invalid_request", message: expect.stringMatching(/path.*NUL/) });
    expect(check("http://t/api/v1/runs/%E0%A4%A")).toMatchObject({
      code: "invalid_request",
      message: expect.stringMatching(/path.*percent/),
    });
    expect(check("http://t/api/v1/runs/%ED%A0%80")).toMatchObject({ code: "invalid_request" }); // an encoded surrogate is not UTF-8
    expect(check("http://t/api/v1/runs/%")).toMatchObject({ code: "invalid_request" });
    expect(check("http://t/api/v1/runs?cursor=%00")).toMatchObject({ message: expect.stringMatching(/query.*NUL/) });
    expect(check("http://t/api/v1/runs?cursor=%E0%A4%A")).toMatchObject({ message: expect.stringMatching(/query.*percent/) });
    expect(check("http://t/api/v1/runs?a%00=1")).toMatchObject({ code: "invalid_request" });
    expect(check("http://t/api/v1/runs/run_1?cursor=r%C3%A9sum%C3%A9&q=a+b%2Bc")).toBe("accepted");
    expect(check("http://t/w/acme/runs/%F0%9F%94%A5")).toBe("accepted");
  });

  it("refuses decoded path params with a NUL or a lone surrogate, catch-all segments included", () => {
    expect(refusal(() => assertSafeParams({ id: "\u0000" }))).toMatchObject({ message: expect.stringMatching(/id.*NUL/) });
    expect(refusal(() => assertSafeParams({ nextauth: ["callback", "x\ud800"] }))).toMatchObject({ code: "invalid_request" });
    expect(refusal(() => assertSafeParams({ slug: "acme", id: "run_1" }))).toBe("accepted");
    expect(refusal(() => assertSafeParams(undefined))).toBe("accepted");
  });

  it("refuses a JSON body with hostile text in any string or key, naming where", () => {
    const check = (body: unknown) => refusal(() => assertSafeJson(body));
    expect(check({ input: { ticket: "a\u0000" } })).toMatchObject({
      fieldErrors: [{ path: "input.ticket", message: expect.stringMatching(/NUL/) }],
    });
    expect(check({ list: ["ok", { deep: ["\ud800"] }] })).toMatchObject({ fieldErrors: [{ path: "list.1.deep.0" }] });
    expect(check({ input: { "k\u0000": 1 } })).toMatchObject({
      fieldErrors: [{ path: "input", message: expect.stringMatching(/key.*NUL/) }],
    });
    expect(check({ "\udfff": 1 })).toMatchObject({ fieldErrors: [{ path: "(body)" }] });
    expect(check("\u0000")).toMatchObject({ fieldErrors: [{ path: "(body)" }] });
    expect(check({ a: [1, true, null, "résumé 🔥"], b: { c: "" } })).toBe("accepted");
  });

  it("walks a deeply nested body without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(refusal(() => assertSafeJson(deep))).toMatchObject({ code: "invalid_request" });
  });
});
