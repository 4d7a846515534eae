// /docs/api — the API reference (docs/api.md), rendered on the server. Pages render per request (for
// the CSP nonce), so the document is read and rendered once per server process.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { marked } from "marked";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "API reference" };

let rendered: Promise<string> | undefined;

// Our own, trusted document: no client JavaScript.
function apiReferenceHtml(): Promise<string> {
  rendered ??= readFile(path.join(process.cwd(), "docs/api.md"), "utf8").then((markdown) => marked.parse(markdown));
  return rendered;
}

export default async function ApiDocsPage() {
  return (
    <article
      className="prose-docs mx-auto max-w-3xl px-6 py-12"
      dangerouslySetInnerHTML={{ __html: await apiReferenceHtml() }}
    />
  );
}
