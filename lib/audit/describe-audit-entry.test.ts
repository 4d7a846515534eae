import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "./describe-audit-entry";

const entry = (action: string, metadata: unknown = null, target: string | null = null) => ({ action, target, metadata });

describe("audit entries as the audit log shows them", () => {
  it("names API keys by their name and what is shown of them", () => {
    expect(describeAuditEntry(entry("key.created", { name: "ci-bot", scopes: ["runs:write"], display: "ahq_live_…abcd" }, "key_1"))).toBe(
      "API key 'ci-bot' (ahq_live_…abcd) created",
    );
    expect(describeAuditEntry(entry("key.revoked", { name: "ci-bot", display: "ahq_live_…abcd" }, "key_1"))).toBe(
      "API key 'ci-bot' (ahq_live_…abcd) revoked",
    );
    // Revocations recorded before the display was: the name alone.
    expect(describeAuditEntry(entry("key.revoked", { name: "ci-bot" }, "key_1"))).toBe("API key 'ci-bot' revoked");
  });

  it("shows a tier change from → to, by the tiers' names", () => {
    expect(describeAuditEntry(entry("tier.changed", { from: "free", to: "pro", source: "stripe" }))).toBe("Tier changed: Free → Pro");
    expect(describeAuditEntry(entry("tier.changed", { from: "pro", to: "starter", source: "admin-cli" }))).toBe(
      "Tier changed: Pro → Starter (admin CLI)",
    );
  });

  it("reads other entries from their metadata", () => {
    expect(describeAuditEntry(entry("workspace.renamed", { from: "Old", to: "New" }))).toBe("Workspace renamed: Old → New");
    expect(describeAuditEntry(entry("usage.alert", { threshold: 80 }, "api_calls"))).toBe("Usage alert: 80% of API calls used");
    expect(describeAuditEntry(entry("spend_limit.changed", { limitMicros: 5_000_000 }))).toBe("Spend limit set to $5.00 a month");
    expect(describeAuditEntry(entry("spend_limit.changed", { limitMicros: null }))).toBe("Spend limit removed");
  });

  it("names agents, endpoints and secrets", () => {
    expect(describeAuditEntry(entry("agent.created", { version: 1 }, "order-helper"))).toBe("Agent order-helper created");
    expect(describeAuditEntry(entry("agent.updated", { version: 3 }, "order-helper"))).toBe("Agent order-helper edited: version 3");
    expect(describeAuditEntry(entry("webhook.created", { url: "https://example.com/hook" }, "wh_1"))).toBe(
      "Webhook endpoint added: https://example.com/hook",
    );
    expect(describeAuditEntry(entry("secret.set", { last4: "9xYz" }, "CRM_TOKEN"))).toBe("Tool secret CRM_TOKEN set (…9xYz)");
  });

  it("falls back to the action's code, whatever the metadata holds", () => {
    expect(describeAuditEntry(entry("something.new", { url: "https://example.com" }))).toBe("something.new");
    expect(describeAuditEntry(entry("tier.changed", ["not", "an", "object"]))).toBe("Tier changed");
    expect(describeAuditEntry(entry("key.created", { name: 42 }))).toBe("API key created");
  });
});
