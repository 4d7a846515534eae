// The local-mode banner names the data directory the embedded PostgreSQL really uses (DATA_DIR).
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

process.env.AGENTHQ_EMBEDDED_DB = "1";
process.env.DATA_DIR = "var/agenthq-state";
const { LocalModeBanner } = await import("@/components/dashboard/local-mode-banner");

describe("local-mode banner", () => {
  it("says where the embedded database keeps its data", () => {
    const html = renderToStaticMarkup(LocalModeBanner());
    expect(html).toContain(`data in an embedded PostgreSQL under ${path.resolve("var/agenthq-state", "postgres")}`);
    expect(html).not.toContain(".data/");
  });
});
