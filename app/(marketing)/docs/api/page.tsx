// /docs/api — the API reference (docs/api.md), rendered on the server at build time.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { marked } from "marked";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiDocsPage() {
  // Our own, trusted document: rendered once at build time, no client JavaScript.
  const html = await marked.parse(await readFile(path.join(process.cwd(), "docs/api.md"), "utf8"));
  return (
    <article
      className="prose-docs mx-auto max-w-3xl px-6 py-12"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
