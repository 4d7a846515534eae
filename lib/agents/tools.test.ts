import { describe, expect, it } from "vitest";
import { runTool } from "./tools";

describe("describe_csv", () => {
  it("computes min, max and mean of a numeric column", () => {
    const { content, isError } = runTool("describe_csv", { text: "n,label\n3,a\n-1,b\n4,c" });
    expect(isError).toBe(false);
    expect(JSON.parse(content)).toEqual({
      rows: 3,
      columns: 2,
      stats: [
        { column: "n", min: -1, max: 4, mean: 2 },
        { column: "label", numeric: false },
      ],
    });
  });

  it("describes a 250,000-row CSV (too many values to spread into Math.min)", () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => `${i % 1000},${(i * 7) % 250_000}`);
    const csv = ["a,b", ...rows].join("\n");
    const { content, isError } = runTool("describe_csv", { text: csv });
    expect(isError).toBe(false);
    expect(JSON.parse(content)).toEqual({
      rows: 250_000,
      columns: 2,
      stats: [
        { column: "a", min: 0, max: 999, mean: 499.5 },
        { column: "b", min: 0, max: 249_999, mean: expect.any(Number) },
      ],
    });
  });
});
