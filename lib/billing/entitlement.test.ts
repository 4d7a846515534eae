import { describe, expect, it } from "vitest";
import type { TierId } from "@/config/tiers";
import { entitledTier, grantsTier, type SubscriptionState } from "./entitlement";

const now = new Date("2026-11-23T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const prices: Record<string, TierId> = { price_starter: "starter", price_pro: "pro" };
const tierOf = (priceId: string) => prices[priceId] ?? null;
const sub = (over: Partial<SubscriptionState>): SubscriptionState => ({
  priceId: "price_pro",
  status: "active",
  currentPeriodEnd: days(20),
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  ...over,
});

describe("entitlement", () => {
  it("grants active and trialing subscriptions, not ended or unpaid ones", () => {
    expect(grantsTier(sub({}), now, 7)).toBe(true);
    expect(grantsTier(sub({ status: "trialing" }), now, 7)).toBe(true);
    for (const status of ["canceled", "unpaid", "incomplete", "incomplete_expired", "paused"]) {
      expect(grantsTier(sub({ status }), now, 7)).toBe(false);
    }
  });

  it("keeps a past-due subscription for the grace period only", () => {
    expect(grantsTier(sub({ status: "past_due", pastDueSince: days(-6) }), now, 7)).toBe(true);
    expect(grantsTier(sub({ status: "past_due", pastDueSince: days(-7) }), now, 7)).toBe(false);
    expect(grantsTier(sub({ status: "past_due", pastDueSince: days(-1) }), now, 0)).toBe(false);
  });

  it("keeps a cancelled subscription until its period ends", () => {
    expect(grantsTier(sub({ cancelAtPeriodEnd: true, currentPeriodEnd: days(1) }), now, 7)).toBe(true);
    expect(grantsTier(sub({ cancelAtPeriodEnd: true, currentPeriodEnd: days(-1) }), now, 7)).toBe(false);
  });

  it("takes the highest granted tier, Free without one, and ignores unknown prices", () => {
    expect(entitledTier("free", [sub({ priceId: "price_starter" }), sub({ priceId: "price_pro" })], tierOf, now, 7)).toBe("pro");
    expect(entitledTier("pro", [sub({ status: "canceled" })], tierOf, now, 7)).toBe("free");
    expect(entitledTier("starter", [], tierOf, now, 7)).toBe("free");
    expect(entitledTier("free", [sub({ priceId: "price_elsewhere" })], tierOf, now, 7)).toBe("free");
  });

  it("never moves an Enterprise workspace", () => {
    expect(entitledTier("enterprise", [], tierOf, now, 7)).toBe("enterprise");
  });
});
