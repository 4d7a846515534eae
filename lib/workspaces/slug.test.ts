import { describe, expect, it } from "vitest";
import { slugify, slugSchema } from "./slug";

describe("workspace slugs", () => {
  it.each([
    ["Acme Labs", "acme-labs"],
    ["  Ünïcödé Café!! ", "unicode-cafe"],
    ["A", "a-ws"],
    ["!!!", "workspace-ws"],
    ["new", "new-ws"],
    ["x".repeat(80), "x".repeat(32)],
  ])("derives a valid slug from %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugSchema.safeParse(slugify(name)).success).toBe(true);
  });

  it.each(["ab", "Has Space", "-lead", "trail-", "dou--ble", "admin", "a".repeat(41), "emoji-😀"])("rejects %j", (slug) =>
    expect(slugSchema.safeParse(slug).success).toBe(false),
  );
});
