// In-process sliding window, the same arithmetic as @upstash/ratelimit's slidingWindow script: the
// current window's count plus the previous window's, weighted by how much of it still overlaps.
import type { RateLimitBackend, RateLimitResult, RateLimitRule } from "./types";

export class MemoryBackend implements RateLimitBackend {
  readonly kind = "memory";
  private readonly counts = new Map<string, { value: number; expiresAt: number }>();
  private lastSweep = 0;

  async limit(rule: RateLimitRule, identifier: string): Promise<RateLimitResult> {
    const now = Date.now();
    const windowMs = rule.windowSeconds * 1000;
    const currentWindow = Math.floor(now / windowMs);
    const key = `${rule.name}:${identifier}`;
    const current = this.read(`${key}:${currentWindow}`, now);
    const previous = this.read(`${key}:${currentWindow - 1}`, now);
    const weightedPrevious = Math.floor((1 - (now % windowMs) / windowMs) * previous);
    const reset = (currentWindow + 1) * windowMs;
    if (weightedPrevious + current >= rule.limit) {
      return { success: false, limit: rule.limit, remaining: 0, reset };
    }
    this.counts.set(`${key}:${currentWindow}`, { value: current + 1, expiresAt: now + windowMs * 2 + 1000 });
    this.sweep(now);
    return { success: true, limit: rule.limit, remaining: Math.max(0, rule.limit - (current + 1 + weightedPrevious)), reset };
  }

  private read(key: string, now: number): number {
    const entry = this.counts.get(key);
    return entry && entry.expiresAt > now ? entry.value : 0;
  }

  /** Drops expired counters at most once a second, so memory stays bounded by active identifiers. */
  private sweep(now: number) {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, entry] of this.counts) if (entry.expiresAt <= now) this.counts.delete(key);
  }
}
