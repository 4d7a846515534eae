// The client's IP address for per-IP limits, decided by one rule. The server process stamps each request
// with its socket's address (peer-address-preload.cjs). With no trusted proxy (the default), that address
// is the client: X-Forwarded-For is whatever the client says and is ignored. Behind proxies, TRUSTED_PROXIES
// says how far to believe the chain: a number of hops (each trusted proxy appends the address it saw), or
// the proxies' CIDRs (addresses inside them are skipped from the nearest end).
import { BlockList, isIP } from "node:net";
import { env } from "@/config/env";

export const PEER_ADDRESS_HEADER = "x-agenthq-peer-address";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList };

/** TRUSTED_PROXIES: empty (none), a number of hops, or comma-separated CIDRs (config/env.ts validates it). */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const text = setting?.trim() ?? "";
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  const list = new BlockList();
  for (const cidr of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = "", bits] = cidr.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    list.addSubnet(address, bits === undefined ? (family === "ipv6" ? 128 : 32) : Number(bits), family);
  }
  return { kind: "cidrs", list };
}

let configured: TrustedProxies | undefined;
const trustedProxies = () => (configured ??= parseTrustedProxies(env.TRUSTED_PROXIES));

/** "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1 on a dual-stack socket. */
const normalize = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
const clip = (address: string | undefined) => (address ? normalize(address).slice(0, 64) : "unknown");

function inList(list: BlockList, address: string): boolean {
  const plain = normalize(address);
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
}

export function clientIp(headers: Headers, trust: TrustedProxies = trustedProxies()): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // A server started without the preload (not through npm start, the image or the test harness): fall back
  // to the rightmost forwarded address, which Next fills with the socket address when none was sent.
  if (!peer) return clip(forwarded.at(-1) ?? headers.get("x-real-ip") ?? undefined);
  if (trust.kind === "none") return clip(peer);
  const chain = [...forwarded, peer]; // nearest hop last
  if (trust.kind === "hops") return clip(chain[Math.max(0, chain.length - 1 - trust.hops)]);
  for (let i = chain.length - 1; i >= 0; i--) if (!inList(trust.list, chain[i]!)) return clip(chain[i]);
  return clip(chain[0]);
}
