import { describe, expect, it } from "vitest";
import { quoteTenantText } from "./quote-tenant-text";

describe("tenant text in mail", () => {
  it("quotes a plain name as it is", () => {
    expect(quoteTenantText("Acme, Inc.")).toBe("\u201cAcme, Inc.\u201d");
    expect(quoteTenantText("Z\u00fcrich \u6771\u4eac")).toBe("\u201cZ\u00fcrich \u6771\u4eac\u201d");
  });

  it("keeps a stored multi-line or bidi-reordered name on one line, without its control characters", () => {
    expect(quoteTenantText("Acme\r\n\r\nDear customer,\u2028pay\u202eus\t now")).toBe("\u201cAcme Dear customer, pay us now\u201d");
  });

  it("defangs anything a mail client could turn into a link", () => {
    expect(quoteTenantText("Log in at https://evil.example/login or www.evil.example, mail help@evil.example")).toBe(
      "\u201cLog in at https[:]//evil[.]example/login or www[.]evil[.]example, mail help@evil[.]example\u201d",
    );
  });

  it("does not let the quotation seem to end early, nor run on", () => {
    expect(quoteTenantText('Acme\u201d on AgentHQ. "Urgent"')).toBe("\u201cAcme' on AgentHQ. 'Urgent'\u201d");
    const long = quoteTenantText("x".repeat(500));
    expect(Array.from(long)).toHaveLength(102);
    expect(long.endsWith("\u2026\u201d")).toBe(true);
  });
});
