import { describe, expect, it } from "vitest";
import { signUpSchema } from "./credentials-schema";

const valid = { email: "  Ada@Example.COM ", password: "analytical-engine-1843", name: " Ada " };

describe("sign-up input", () => {
  it("normalises the email and trims the name", () => {
    expect(signUpSchema.parse(valid)).toEqual({ email: "ada@example.com", password: valid.password, name: "Ada" });
  });

  it.each([
    ["too short", "abc123"],
    ["letters only", "abcdefghijklmnop"],
    ["digits only", "12345678901234"],
    ["too repetitive", "aaaaaaaa11"],
    ["common", "Password123"],
    ["too long", "a1".repeat(101)],
  ])("rejects a weak password (%s)", (_label, password) => {
    const result = signUpSchema.safeParse({ ...valid, password });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["password"]);
  });

  it("rejects invalid emails, empty names and unknown fields", () => {
    expect(signUpSchema.safeParse({ ...valid, email: "not-an-email" }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...valid, email: `${"a".repeat(250)}@x.io` }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...valid, name: "   " }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...valid, role: "admin" }).success).toBe(false);
  });
});
