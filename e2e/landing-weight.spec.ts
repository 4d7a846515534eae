// The landing page stays light: at most ~20 KB (gzipped) of JavaScript beyond what an empty page of the
// same build ships. The 404 page (root layout + static text, no client components) is that empty page.
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";

const BUDGET_BYTES = 20 * 1024;

async function gzippedScriptBytes(page: Page, path: string): Promise<number> {
  const scripts = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.set(response.url(), response.body());
  });
  await page.goto(path, { waitUntil: "networkidle" });
  const bodies = await Promise.all(scripts.values());
  return bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
}

test("the landing page ships at most 20 KB of JavaScript beyond an empty page", async ({ browser }) => {
  const measure = async (path: string) => {
    const context = await browser.newContext();
    const bytes = await gzippedScriptBytes(await context.newPage(), path);
    await context.close();
    return bytes;
  };
  const empty = await measure("/this-page-does-not-exist");
  const landing = await measure("/");
  console.log(`JS (gzip): empty page ${empty} B, landing ${landing} B, difference ${landing - empty} B (budget ${BUDGET_BYTES} B)`);
  expect(empty).toBeGreaterThan(0);
  expect(landing - empty).toBeLessThanOrEqual(BUDGET_BYTES);
});
