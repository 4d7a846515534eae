// The client's IP address for per-IP limits. Next.js fills X-Forwarded-For with the socket address when
// a request arrives without one; behind a proxy or load balancer the proxy appends the address it saw,
// so the rightmost entry is the one our own infrastructure vouches for.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return (last ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}
