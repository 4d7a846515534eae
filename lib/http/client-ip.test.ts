// The client's IP for per-IP limits: the socket's address unless trusted proxies are configured; a
// client's own X-Forwarded-For never chooses its apparent address.
import { describe, expect, it } from "vitest";
import { clientIp, parseTrustedProxies, PEER_ADDRESS_HEADER } from "./client-ip";

const request = (peer: string | null, forwarded?: string) =>
  new Headers({ ...(peer !== null && { [PEER_ADDRESS_HEADER]: peer }), ...(forwarded !== undefined && { "x-forwarded-for": forwarded }) });

describe("clientIp", () => {
  it("with no trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    const none = parseTrustedProxies(undefined);
    for (let i = 0; i < 40; i++) expect(clientIp(request("203.0.113.9", `198.51.100.${i}`), none)).toBe("203.0.113.9");
    expect(clientIp(request("::ffff:203.0.113.9"), none)).toBe("203.0.113.9");
  });

  it("with hops, takes the address the last trusted proxy saw", () => {
    // client → CDN (appends the client) → load balancer (appends the CDN) → app
    expect(clientIp(request("10.0.0.2", "198.51.100.7, 192.0.2.10"), parseTrustedProxies("2"))).toBe("198.51.100.7");
    expect(clientIp(request("10.0.0.2", "6.6.6.6, 198.51.100.7"), parseTrustedProxies("1"))).toBe("198.51.100.7");
    // A spoofed entry to the left of what the proxies appended does not move the answer.
    expect(clientIp(request("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.7"), parseTrustedProxies("1"))).toBe("198.51.100.7");
    // Fewer hops than configured: the farthest address there is.
    expect(clientIp(request("10.0.0.2"), parseTrustedProxies("3"))).toBe("10.0.0.2");
  });

  it("with CIDRs, skips the trusted proxies' addresses from the nearest end", () => {
    const cidrs = parseTrustedProxies("10.0.0.0/8, fd00::/8, 192.0.2.10");
    expect(clientIp(request("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.0.2.10"), cidrs)).toBe("198.51.100.7");
    expect(clientIp(request("fd00::1", "198.51.100.8"), cidrs)).toBe("198.51.100.8");
    expect(clientIp(request("203.0.113.9", "198.51.100.7"), cidrs)).toBe("203.0.113.9"); // not from a trusted proxy
  });

  it("without the server's peer stamp, falls back to the rightmost forwarded address", () => {
    expect(clientIp(request(null, "6.6.6.6, 10.0.0.1"))).toBe("10.0.0.1");
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp(request(null, "x".repeat(500)))).toHaveLength(64);
  });
});
