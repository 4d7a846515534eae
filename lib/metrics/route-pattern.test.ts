import { describe, expect, it } from "vitest";
import { routePattern } from "./route-pattern";

describe("route patterns for metric labels", () => {
  it("puts the param names back where Next found their values", () => {
    expect(routePattern("/api/health", undefined)).toBe("/api/health");
    expect(routePattern("/api/workspaces/acme/keys", { slug: "acme" })).toBe("/api/workspaces/[slug]/keys");
    expect(routePattern("/api/workspaces/acme/members/cm1", { slug: "acme", userId: "cm1" })).toBe(
      "/api/workspaces/[slug]/members/[userId]",
    );
    expect(routePattern("/api/v1/runs/run%201/cancel", { id: "run 1" })).toBe("/api/v1/runs/[id]/cancel");
    expect(routePattern("/api/auth/callback/credentials", { nextauth: ["callback", "credentials"] })).toBe("/api/auth/[...nextauth]");
  });

  it("labels a slug that equals a later static segment correctly", () => {
    expect(routePattern("/api/workspaces/keys/keys/k1", { slug: "keys", id: "k1" })).toBe("/api/workspaces/[slug]/keys/[id]");
    expect(routePattern("/api/workspaces/runs/runs", { slug: "runs" })).toBe("/api/workspaces/[slug]/runs");
  });
});
