import { describe, expect, it } from "vitest";
import { withSyncSlot } from "./sync-slots";

describe("withSyncSlot", () => {
  it("runs at most 4 at a time and all of them in the end, also when some fail", async () => {
    let active = 0;
    let peak = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        withSyncSlot(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          if (i % 5 === 0) throw new Error(`job ${i} failed`);
          return i;
        }),
      ),
    );
    expect(peak).toBe(4);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(16);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(4);
    expect(await withSyncSlot(async () => "free again")).toBe("free again");
  });

  it("gives up waiting after the deadline with a 503, and the slots stay usable", async () => {
    const hold = Array.from({ length: 4 }, () => withSyncSlot(() => new Promise((r) => setTimeout(r, 100))));
    await expect(withSyncSlot(async () => "late", 20)).rejects.toMatchObject({ code: "unavailable" });
    await Promise.all(hold);
    expect(await withSyncSlot(async () => "on time", 20)).toBe("on time");
  });
});
