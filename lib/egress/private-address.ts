// Which IP addresses customer-defined tools, MCP servers and model connections may not reach: anything
// that is not a public unicast address (our own loopback, the private networks around us, the cloud
// metadata service…). IPv6 forms that carry an IPv4 address are judged by the address they carry.
import { BlockList, isIP } from "node:net";

const BLOCKED_V4 = new BlockList();
for (const [network, bits] of [
  ["0.0.0.0", 8], // "this network", incl. unspecified 0.0.0.0
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, incl. cloud metadata 169.254.169.254
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast 255.255.255.255
] as const) {
  BLOCKED_V4.addSubnet(network, bits, "ipv4");
}

/**
 * Only global unicast (2000::/3) is public IPv6: loopback, unspecified, unique-local fc00::/7, link-local
 * fe80::/10, multicast ff00::/8 and local-use NAT64 64:ff9b:1::/48 all lie outside it.
 */
const GLOBAL_V6 = new BlockList();
GLOBAL_V6.addSubnet("2000::", 3, "ipv6");

const BLOCKED_GLOBAL_V6 = new BlockList();
for (const [network, bits] of [
  ["2001::", 23], // IETF protocol assignments, incl. Teredo 2001::/32 (tunnels to arbitrary IPv4)
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation
] as const) {
  BLOCKED_GLOBAL_V6.addSubnet(network, bits, "ipv6");
}

/** The eight 16-bit words of a valid IPv6 address (without zone), a trailing dotted IPv4 part included. */
function ipv6Words(address: string): number[] {
  const hex = address.replace(
    /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_, a, b, c, d) => `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`,
  ); // ::ffff:1.2.3.4 → ::ffff:102:304
  const [head = "", tail = ""] = hex.split("::");
  const words = (part: string) =>
    part
      .split(":")
      .filter(Boolean)
      .map((w) => parseInt(w, 16));
  const [first, last] = [words(head), words(tail)];
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}

const ipv4Of = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");

/** The IPv4 address an IPv6 address stands for (mapped, compatible, translated, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | null {
  const [w0, w1, w2, w3, w4, w5, w6, w7] = ipv6Words(address) as [number, number, number, number, number, number, number, number];
  const zeroTo3 = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0;
  if (zeroTo3 && ((w4 === 0 && (w5 === 0 || w5 === 0xffff)) || (w4 === 0xffff && w5 === 0))) return ipv4Of(w6, w7); // ::a.b.c.d, ::ffff:a.b.c.d, ::ffff:0:a.b.c.d
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) return ipv4Of(w6, w7); // NAT64 64:ff9b::/96
  if (w0 === 0x2002) return ipv4Of(w1, w2); // 6to4 2002::/16
  return null;
}

/** True when `ip` must not be connected to; anything that is not an IP address counts as blocked. */
export function isBlockedAddress(ip: string): boolean {
  const address = ip.includes(":") ? ip.replace(/%.*$/, "") : ip; // fe80::1%eth0: the zone is not part of the address
  switch (isIP(address)) {
    case 4:
      return BLOCKED_V4.check(address, "ipv4");
    case 6: {
      const v4 = embeddedIpv4(address);
      if (v4 !== null) return BLOCKED_V4.check(v4, "ipv4");
      return !GLOBAL_V6.check(address, "ipv6") || BLOCKED_GLOBAL_V6.check(address, "ipv6");
    }
    default:
      return true;
  }
}

/**
 * Cloud instance-metadata services (AWS incl. ECS and EKS Pod Identity, GCP, Azure: all in 169.254/16;
 * AWS over IPv6 in fd00:ec2::/32; Alibaba): they hand out the machine's credentials, so they stay
 * blocked even where private networks are allowed.
 */
const METADATA_V4 = new BlockList();
METADATA_V4.addSubnet("169.254.0.0", 16, "ipv4");
METADATA_V4.addAddress("100.100.100.200", "ipv4");
const METADATA_V6 = new BlockList();
METADATA_V6.addSubnet("fd00:ec2::", 32, "ipv6");

export function isMetadataAddress(ip: string): boolean {
  const address = ip.includes(":") ? ip.replace(/%.*$/, "") : ip;
  switch (isIP(address)) {
    case 4:
      return METADATA_V4.check(address, "ipv4");
    case 6: {
      const v4 = embeddedIpv4(address);
      if (v4 !== null) return METADATA_V4.check(v4, "ipv4");
      return METADATA_V6.check(address, "ipv6");
    }
    default:
      return true;
  }
}
