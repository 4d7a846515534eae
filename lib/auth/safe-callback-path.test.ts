import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

const ORIGIN = "https://app.agenthq.test";
const FALLBACK = "/w";

describe("safeCallbackPath", () => {
  it("keeps a path of this app, with its query and fragment", () => {
    expect(safeCallbackPath("/w/acme/runs?x=1#y", FALLBACK, ORIGIN)).toBe("/w/acme/runs?x=1#y");
    expect(safeCallbackPath("/invite/abc", FALLBACK, ORIGIN)).toBe("/invite/abc");
    expect(safeCallbackPath("/", FALLBACK, ORIGIN)).toBe("/");
  });

  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    "/./\t/evil.example",
    "/x/../\n/evil.example",
    "https://evil.example",
    "https://evil.example/w",
    "javascript:alert(1)",
    " /x",
    "\t/x",
    "w/acme",
    "?x=1",
    "",
  ])("refuses %j: the default path instead", (hostile) => {
    expect(safeCallbackPath(hostile, FALLBACK, ORIGIN)).toBe(FALLBACK);
  });

  it("refuses nothing at all and null", () => {
    expect(safeCallbackPath(undefined, FALLBACK, ORIGIN)).toBe(FALLBACK);
    expect(safeCallbackPath(null, FALLBACK, ORIGIN)).toBe(FALLBACK);
  });

  it("keeps an encoded tab as a plain path on this origin: a browser does not drop %09", () => {
    const result = safeCallbackPath("/%09/evil.example", FALLBACK, ORIGIN);
    expect(result).toBe("/%09/evil.example");
    expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
  });

  it("never returns what a browser would resolve to another host", () => {
    const inputs = [
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/%09/evil.example",
      "/%2F%2Fevil.example",
      "/./\t/evil.example",
      "/.\\\\evil.example",
      "/\u0000/evil.example",
      "/ /evil.example",
    ];
    for (const input of inputs) {
      const result = safeCallbackPath(input, FALLBACK, ORIGIN);
      expect(new URL(result, ORIGIN).origin, input).toBe(ORIGIN);
      expect(result, input).toMatch(/^\/(?![/\\])/);
      expect(result, input).not.toMatch(/[\u0000-\u001f\\]/);
    }
  });
});
