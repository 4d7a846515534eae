import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse 42");
    expect(await verifyPassword("correct horse 42", hash)).toBe(true);
    expect(await verifyPassword("correct horse 43", hash)).toBe(false);
  });

  it("salts every hash and never contains the password", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password-1"), hashPassword("same-password-1")]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("same-password-1");
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$/);
  });

  it("rejects malformed or tampered hashes instead of throwing", async () => {
    const hash = await hashPassword("another-pass-9");
    expect(await verifyPassword("another-pass-9", "")).toBe(false);
    expect(await verifyPassword("another-pass-9", "bcrypt$whatever")).toBe(false);
    const tampered = hash.slice(0, -4) + (hash.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await verifyPassword("another-pass-9", tampered)).toBe(false);
  });
});
